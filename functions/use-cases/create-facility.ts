import type * as z from 'zod/mini';
import { canonicalFacilityId } from '../domain/facility-id.js';
import { createFacility, updateFacilityDetails, type Facility } from '../entities/facility.js';
import type { CreateFacilityInput, UpdateFacilityInput } from '../schemas/facility.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertAdmin, type Principal } from '../shared/principal.js';

type NewFacilityInput = Pick<z.infer<typeof CreateFacilityInput>, 'facilityId' | 'name' | 'nameEn' | 'timeZone' | 'authority' | 'feverHistoryCertificate' | 'policy'>;

/** A new facility's item from what an admin entered (hotels and home programmes alike), saved once: a taken id is a 409. */
export async function saveNewFacility(principal: Principal, input: NewFacilityInput, extra: Partial<Facility>, now: Date): Promise<Facility> {
  assertAdmin(principal);
  const facility: Facility = {
    facilityId: input.facilityId ?? canonicalFacilityId(newId(extra.kind === 'home_programme' ? 'P' : 'F')),
    ...extra,
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

export async function createFacilityUseCase(principal: Principal, input: z.infer<typeof CreateFacilityInput>, now = new Date()): Promise<Facility> {
  return saveNewFacility(principal, input, {}, now);
}

/** PUT /facilities/{facilityId} (admin): what documents issued from now on print; issued ones keep their snapshot. */
export async function updateFacilityUseCase(principal: Principal, facilityId: string, input: z.infer<typeof UpdateFacilityInput>): Promise<Facility> {
  assertAdmin(principal);
  const updated = await updateFacilityDetails(facilityId, input);
  if (!updated) throw new NotFoundError(`Facility ${facilityId} does not exist.`);
  return updated;
}
