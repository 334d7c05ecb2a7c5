import { getFacilityCached, type Facility } from '../entities/facility.js';
import { NotFoundError } from '../shared/errors.js';
import { assertFacilityAccess, type Principal } from '../shared/principal.js';

/** The facility, after checking the caller works there (403 before 404, so ids of other facilities reveal nothing). */
export async function loadFacilityFor(principal: Principal, facilityId: string): Promise<Facility> {
  assertFacilityAccess(principal, facilityId);
  const facility = await getFacilityCached(facilityId);
  if (!facility) throw new NotFoundError(`Facility ${facilityId} does not exist.`);
  return facility;
}
