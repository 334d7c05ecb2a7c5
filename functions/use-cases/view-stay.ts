import type { Stay } from '../entities/stay.js';
import { currentDay } from '../domain/schedule.js';
import { loadStayFor } from './load-stay.js';
import type { Principal } from '../shared/principal.js';
import { getFacilityCached } from '../entities/facility.js';
import type { DayCheckStatus } from '../domain/checks.js';
import { checksToday, withoutCheckMarks } from './check-status.js';

export interface StayView extends Stay {
  /** Today's day of stay in the facility's time zone (only while the stay is open). */
  dayOfStay?: number;
  /** Today's temperature checks: done, pending or missing (only while the stay is open). */
  checksToday?: DayCheckStatus;
}

export function toView(stay: Stay, timeZone: string, now: Date): StayView {
  const open = stay.status === 'active' || stay.status === 'positive';
  return {
    ...withoutCheckMarks(stay),
    ...(open ? { dayOfStay: currentDay(stay.schedule.day1Date, now, timeZone), checksToday: checksToday(stay, timeZone, now) } : {}),
  };
}

export async function viewStay(principal: Principal, stayId: string, now = new Date()): Promise<StayView> {
  const stay = await loadStayFor(principal, stayId);
  const facility = await getFacilityCached(stay.facilityId);
  return toView(stay, facility?.timeZone ?? 'UTC', now);
}
