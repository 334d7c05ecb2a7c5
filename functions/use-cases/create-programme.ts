import { canonicalFacilityId } from '../domain/facility-id.js';
import { createFacility, type Facility } from '../entities/facility.js';
import type { CreateProgrammeInput } from '../schemas/home.js';
import { ConflictError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertAdmin, type Principal } from '../shared/principal.js';

/** POST /home-programmes (admin): a home-isolation programme of a district, street or community — a facility without rooms. */
export async function createProgramme(principal: Principal, input: CreateProgrammeInput, now = new Date()): Promise<Facility> {
  assertAdmin(principal);
  const facility: Facility = {
    facilityId: input.facilityId ?? canonicalFacilityId(newId('P')),
    kind: 'home_programme',
    level: input.level,
    ...(input.homeRelease ? { homeRelease: input.homeRelease } : {}),
    name: input.name,
    ...(input.nameEn ? { nameEn: input.nameEn } : {}),
    timeZone: input.timeZone,
    ...(input.authority ? { authority: input.authority } : {}),
    ...(input.feverHistoryCertificate ? { feverHistoryCertificate: input.feverHistoryCertificate } : {}),
    policy: { ...input.policy, retestDays: [...input.policy.retestDays].sort((a, b) => a - b) },
    createdAt: now.toISOString(),
    createdBy: principal.subject,
  };
  if (!(await createFacility(facility))) {
    throw new ConflictError(`Facility id ${facility.facilityId} is taken.`, [{ code: 'facility_exists', message: 'Choose another facilityId.' }]);
  }
  return facility;
}
