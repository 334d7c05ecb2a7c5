import type * as z from 'zod/mini';
import { facilityStaysScope, queryFacilityStays } from '../entities/stay.js';
import { addDays } from '../domain/calendar.js';
import type { ListStaysQuery } from '../schemas/stay.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';
import { toView, type StayView } from './view-stay.js';

/** Longest possible stay (policy maximum): bounds the day-1 range of stays present on a date. */
const MAX_STAY_DAYS = 60;

export async function listStays(principal: Principal, facilityId: string, q: z.infer<typeof ListStaysQuery>, now = new Date()): Promise<{ stays: StayView[]; cursor?: string }> {
  const facility = await loadFacilityFor(principal, facilityId);
  // `date`: stays in observation on that date (day 1 on or before it, end on or after it).
  const range = q.date ? { fromDay1: addDays(q.date, -(MAX_STAY_DAYS - 1)), toDay1: q.date, onDate: q.date } : {};
  const page = await queryFacilityStays({
    facilityId,
    status: q.status,
    ...range,
    limit: q.limit,
    startKey: decodeCursor(q.cursor, facilityStaysScope({ facilityId, ...range })),
  });
  return { stays: page.stays.map((s) => toView(s, facility.timeZone, now)), cursor: encodeCursor(page.lastKey) };
}
