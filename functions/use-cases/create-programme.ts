import type { Facility } from '../entities/facility.js';
import type { CreateProgrammeInput } from '../schemas/programme.js';
import type { Principal } from '../shared/principal.js';
import { saveNewFacility } from './create-facility.js';

/** POST /home-programmes (admin): a home-isolation programme of a district, street or community — a facility without rooms. */
export async function createProgramme(principal: Principal, input: CreateProgrammeInput, now = new Date()): Promise<Facility> {
  return saveNewFacility(principal, input, { kind: 'home_programme', level: input.level, ...(input.homeRelease ? { homeRelease: input.homeRelease } : {}) }, now);
}
