import { isHomeProgramme } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { RegisterHomeStayInput } from '../schemas/home-stay.js';
import { RegistrationInput } from '../schemas/registration.js';
import type { Principal } from '../shared/principal.js';
import { parseInput } from '../shared/validation.js';
import { loadFacilityFor } from './load-facility.js';
import { registerHomeStay } from './register-home-stay.js';
import { registerStay } from './register-stay.js';

// POST /facilities/{facilityId}/stays: a hotel takes a bed (a staff-chosen room, the
// household's room, or the first free one), a home-isolation programme takes the
// home address. The facility decides which form the body must have.

export async function registerAnyStay(principal: Principal, facilityId: string, body: unknown, now = new Date()): Promise<Stay> {
  const facility = await loadFacilityFor(principal, facilityId);
  if (isHomeProgramme(facility)) return registerHomeStay(principal, facility, parseInput(RegisterHomeStayInput, body), now);
  return registerStay(principal, facility, parseInput(RegistrationInput, body), now);
}
