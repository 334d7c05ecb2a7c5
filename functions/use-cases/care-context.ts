import { getFacilityCached, type Facility } from '../entities/facility.js';
import { OPEN_STATUSES, type Stay } from '../entities/stay.js';
import type { CheckMarks } from '../domain/checks.js';
import type { Departure } from '../entities/departure.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadStayFor } from './load-stay.js';

// Daily care writes on a stay: load it (access checked) with its facility, and
// refuse changes to a closed file.

/** Attributes daily care adds to the stay item (not part of the registration). */
export interface CareFields {
  /** Denormalised check status per date and slot (see entities/check.ts). */
  checkMarks?: CheckMarks;
  departure?: Departure;
}

export type CareStay = Stay & CareFields;

export async function loadStayWithFacility(principal: Principal, stayId: string): Promise<{ stay: CareStay; facility: Facility }> {
  const stay = (await loadStayFor(principal, stayId, true)) as CareStay;
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  return { stay, facility };
}

export function isOpen(stay: Stay): boolean {
  return OPEN_STATUSES.includes(stay.status);
}

export function assertOpen(stay: Stay, what: string): void {
  if (!isOpen(stay)) {
    throw new ConflictError(`This stay is ${stay.status}; ${what} can no longer be recorded.`, [
      { code: 'stay_closed', message: `The stay is ${stay.status}.` },
    ]);
  }
}
