import type { StayRecord } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { dayCheckStatus, type DayCheckStatus } from '../domain/checks.js';
import type { CareFields } from './care-context.js';

// Today's check status of a stay from the marks denormalised on the stay item
// (no extra read): what the stay list and the stay file show.

export function checksOn(stay: StayRecord, date: string, timeZone: string, now: Date): DayCheckStatus {
  return dayCheckStatus({
    date,
    now,
    timeZone,
    marks: (stay as StayRecord & CareFields).checkMarks,
    day1Date: stay.schedule.day1Date,
    endDate: stay.schedule.endDate,
    // An anonymized stay (retention) has no arrival any more; it is closed, so no check is due.
    ...('arrival' in stay && stay.arrival ? { arrivedAt: stay.arrival.arrivedAt } : {}),
  });
}

export function checksToday(stay: StayRecord, timeZone: string, now: Date): DayCheckStatus {
  return checksOn(stay, localDate(now, timeZone), timeZone, now);
}

/** The stay without the check marks (bookkeeping for lists; the file shows `checksToday` instead). */
export function withoutCheckMarks<S extends StayRecord>(stay: S): S {
  const { checkMarks: _marks, ...rest } = stay as S & CareFields;
  return rest as S;
}
