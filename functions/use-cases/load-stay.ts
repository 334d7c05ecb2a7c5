import { getStayRecord, isAnonymized, type Stay, type StayRecord } from '../entities/stay.js';
import { GoneError, NotFoundError } from '../shared/errors.js';
import { assertFacilityAccess, type Principal } from '../shared/principal.js';

/** The stay item as stored (anonymized or not), access checked: for reads of the file. */
export async function loadStayRecordFor(principal: Principal, stayId: string, consistent = false): Promise<StayRecord> {
  const stay = await getStayRecord(stayId, consistent);
  if (!stay) throw new NotFoundError(`Stay ${stayId} does not exist.`);
  assertFacilityAccess(principal, stay.facilityId);
  return stay;
}

/**
 * The stay with its personal data, access checked: for everything that works on the
 * person. A stay anonymized by the retention job answers 410 Gone.
 */
export async function loadStayFor(principal: Principal, stayId: string, consistent = false): Promise<Stay> {
  const stay = await loadStayRecordFor(principal, stayId, consistent);
  if (isAnonymized(stay)) throw new GoneError('The personal data of this stay was removed after the retention period.');
  return stay;
}
