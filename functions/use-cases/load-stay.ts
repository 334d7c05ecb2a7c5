import { getStay, type Stay } from '../entities/stay.js';
import { NotFoundError } from '../shared/errors.js';
import { assertFacilityAccess, type Principal } from '../shared/principal.js';

export async function loadStayFor(principal: Principal, stayId: string, consistent = false): Promise<Stay> {
  const stay = await getStay(stayId, consistent);
  if (!stay) throw new NotFoundError(`Stay ${stayId} does not exist.`);
  assertFacilityAccess(principal, stay.facilityId);
  return stay;
}
