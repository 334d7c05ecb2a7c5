import type { Stay } from '../entities/stay.js';
import { currentDay } from '../domain/schedule.js';
import { loadStayFor } from './load-stay.js';
import type { Principal } from '../shared/principal.js';
import { getFacilityCached } from '../entities/facility.js';

export interface StayView extends Stay {
  /** Today's day of stay in the facility's time zone (only while the stay is open). */
  dayOfStay?: number;
}

export function toView(stay: Stay, timeZone: string, now: Date): StayView {
  const open = stay.status === 'active' || stay.status === 'positive';
  return { ...stay, ...(open ? { dayOfStay: currentDay(stay.schedule.day1Date, now, timeZone) } : {}) };
}

export async function viewStay(principal: Principal, stayId: string, now = new Date()): Promise<StayView> {
  const stay = await loadStayFor(principal, stayId);
  const facility = await getFacilityCached(stay.facilityId);
  return toView(stay, facility?.timeZone ?? 'UTC', now);
}
