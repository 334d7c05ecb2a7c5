import { isHomeProgramme } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { RegisterHomeStayInput } from '../schemas/home.js';
import { RegisterStayInput } from '../schemas/stay.js';
import { ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { toFieldIssues } from '../shared/validation.js';
import { loadFacilityFor } from './load-facility.js';
import { registerHomeStay } from './register-home-stay.js';
import { registerStay } from './register-stay.js';

// POST /facilities/{facilityId}/stays (and each manifest row): a hotel takes a room
// (or gives the first free one), a home-isolation programme takes the home address.
// The facility decides which form the body must have.

export async function registerAnyStay(principal: Principal, facilityId: string, body: unknown, now = new Date()): Promise<Stay> {
  const facility = await loadFacilityFor(principal, facilityId);
  if (isHomeProgramme(facility)) {
    const parsed = RegisterHomeStayInput.safeParse(body);
    if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
    return registerHomeStay(principal, facility, parsed.data, now);
  }
  const parsed = RegisterStayInput.safeParse(body);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
  return registerStay(principal, facilityId, parsed.data, now);
}
