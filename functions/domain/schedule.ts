import { addDays, daysBetween, localDate } from './calendar.js';

// Day numbering of a stay (DOMAIN.md): day 1 is the calendar date of arrival at
// the facility, in the facility's own time zone; the observation ends after day
// `stayDays`. Everything is derived from the policy so that 14/10/7-day rules and
// other retest days are data, not code.

export interface StayPolicy {
  /** Length of observation in days (day 1 .. day stayDays). */
  stayDays: number;
  /** Days of stay on which a retest sample is due (e.g. [12]). */
  retestDays: number[];
  /** Day of stay from which the three documents are issued and release is allowed. */
  documentDay: number;
  /** Wall-clock deadlines (HH:MM, facility time) of the twice-daily reports; absent: 10:00 and 20:00 (domain/self-report.ts). */
  reportDeadlines?: { morning?: string; evening?: string };
  /** Minutes after a slot's deadline of each escalation step of a missed report (domain/self-report.ts); absent: 0 / 30 / 60 / 120. */
  escalationMinutes?: { reminder?: number; secondReminder?: number; teamOnDuty?: number; supervisor?: number };
}

export const DEFAULT_POLICY: StayPolicy = { stayDays: 14, retestDays: [12], documentDay: 13 };

export interface StaySchedule {
  day1Date: string;
  retestDates: string[];
  documentDate: string;
  /** Date of the last day of observation (day `stayDays`). */
  endDate: string;
  /** First date after observation: people leave on this date at the latest. */
  releaseDate: string;
}

/** Problems with a policy, as human-readable strings (empty when valid). */
export function policyProblems(p: StayPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(p.stayDays) || p.stayDays < 1 || p.stayDays > 60) problems.push('stayDays must be a whole number from 1 to 60');
  for (const d of p.retestDays) {
    if (!Number.isInteger(d) || d < 1 || d > p.stayDays) problems.push(`retest day ${d} must be within 1..stayDays`);
  }
  if (new Set(p.retestDays).size !== p.retestDays.length) problems.push('retestDays must not repeat');
  if (!Number.isInteger(p.documentDay) || p.documentDay < 1 || p.documentDay > p.stayDays) problems.push('documentDay must be within 1..stayDays');
  return problems;
}

/** The date of day `n` of a stay that began on `day1Date`. */
export function dateOfDay(day1Date: string, n: number): string {
  return addDays(day1Date, n - 1);
}

/** Day number of `date` in a stay that began on `day1Date` (1 on arrival; 0 or less before it). */
export function dayOfStay(day1Date: string, date: string): number {
  return daysBetween(day1Date, date) + 1;
}

export function computeSchedule(arrivedAt: Date | string, timeZone: string, policy: StayPolicy): StaySchedule {
  const day1Date = localDate(arrivedAt, timeZone);
  return scheduleFromDay1(day1Date, policy);
}

export function scheduleFromDay1(day1Date: string, policy: StayPolicy): StaySchedule {
  const endDate = dateOfDay(day1Date, policy.stayDays);
  return {
    day1Date,
    retestDates: [...policy.retestDays].sort((a, b) => a - b).map((d) => dateOfDay(day1Date, d)),
    documentDate: dateOfDay(day1Date, policy.documentDay),
    endDate,
    releaseDate: addDays(endDate, 1),
  };
}

/** Today's day number for a stay, in the facility's time zone. */
export function currentDay(day1Date: string, now: Date, timeZone: string): number {
  return dayOfStay(day1Date, localDate(now, timeZone));
}
