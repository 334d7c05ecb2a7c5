import type { AnonymizedStay, Stay, StayRecord } from '../entities/stay.js';
import { currentDay } from '../domain/schedule.js';
import { loadStayRecordFor } from './load-stay.js';
import type { Principal } from '../shared/principal.js';
import { getFacilityCached } from '../entities/facility.js';
import type { DayCheckStatus } from '../domain/checks.js';
import { checksToday, withoutCheckMarks } from './check-status.js';

interface OpenExtras {
  /** Today's day of stay in the facility's time zone (only while the stay is open). */
  dayOfStay?: number;
  /** Today's temperature checks: done, pending or missing (only while the stay is open). */
  checksToday?: DayCheckStatus;
}

/** The file as staff see it; an anonymized stay (retention) shows only what was kept. */
export type StayView = (Stay & OpenExtras) | AnonymizedStay;

export function toView(stay: StayRecord, timeZone: string, now: Date): StayView {
  const open = stay.status === 'active' || stay.status === 'positive';
  return {
    ...withoutCheckMarks(stay),
    ...(open ? { dayOfStay: currentDay(stay.schedule.day1Date, now, timeZone), checksToday: checksToday(stay, timeZone, now) } : {}),
  };
}

export async function viewStay(principal: Principal, stayId: string, now = new Date()): Promise<StayView> {
  const stay = await loadStayRecordFor(principal, stayId);
  const facility = await getFacilityCached(stay.facilityId);
  return toView(stay, facility?.timeZone ?? 'UTC', now);
}
