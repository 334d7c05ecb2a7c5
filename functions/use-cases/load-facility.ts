import { getFacilityCached, type Facility } from '../entities/facility.js';
import { NotFoundError, type FieldIssue } from '../shared/errors.js';
import { assertFacilityAccess, type Principal } from '../shared/principal.js';

/** The facility, after checking the caller works there (403 before 404, so ids of other facilities reveal nothing). */
export async function loadFacilityFor(principal: Principal, facilityId: string): Promise<Facility> {
  assertFacilityAccess(principal, facilityId);
  const facility = await getFacilityCached(facilityId);
  if (!facility) throw new NotFoundError(`Facility ${facilityId} does not exist.`);
  return facility;
}

/** A 400 issue (`<path>.<i>`, unknown_facility) for each listed facility that does not exist. */
export async function unknownFacilityIssues(facilities: readonly string[], path = 'facilities'): Promise<FieldIssue[]> {
  const unique = [...new Set(facilities)];
  const found = await Promise.all(unique.map((f) => getFacilityCached(f)));
  return unique.filter((_, i) => found[i] === undefined).map((f) => ({ path: `${path}.${facilities.indexOf(f)}`, message: `No facility ${f}`, code: 'unknown_facility' }));
}
