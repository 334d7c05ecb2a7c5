import type * as z from 'zod';
import { createFacility, type Facility } from '../entities/facility.js';
import type { CreateFacilityInput } from '../schemas/facility.js';
import { ConflictError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertAdmin, type Principal } from '../shared/principal.js';

export async function createFacilityUseCase(principal: Principal, input: z.infer<typeof CreateFacilityInput>, now = new Date()): Promise<Facility> {
  assertAdmin(principal);
  const facility: Facility = {
    facilityId: input.facilityId ?? newId('F'),
    name: input.name,
    timeZone: input.timeZone,
    policy: { ...input.policy, retestDays: [...input.policy.retestDays].sort((a, b) => a - b) },
    createdAt: now.toISOString(),
    createdBy: principal.subject,
  };
  if (!(await createFacility(facility))) {
    throw new ConflictError(`Facility id ${facility.facilityId} is taken.`, [{ code: 'facility_exists', message: 'Choose another facilityId.' }]);
  }
  return facility;
}
