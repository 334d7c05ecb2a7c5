import { addDays, localDate } from './calendar.js';

// Twice-daily temperature checks (一测温、一报告). Pure rules: what a reading means,
// and whether a slot of a given day is done, still pending or missing. The deadlines
// are wall-clock times in the facility's own time zone.

export const CHECK_SLOTS = ['morning', 'evening'] as const;
export type CheckSlot = (typeof CHECK_SLOTS)[number];

export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell_taste', 'diarrhoea', 'shortness_of_breath', 'other'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** A reading at or above this is a fever (DOMAIN: 37.3 °C or more). */
export const FEVER_THRESHOLD_C = 37.3;
// One source for the server's rule and the range the pages show (web/check-limits.js, served as it is).
export { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../../web/check-limits.js';

/** Local time (HH:MM) from which a slot without a recorded check counts as missing; before it, pending. */
export const CHECK_DEADLINES: Readonly<Record<CheckSlot, string>> = { morning: '10:00', evening: '20:00' };

/** A fever or any symptom: a special situation to handle at once. */
export function isAlert(temperatureC: number, symptoms: readonly string[]): boolean {
  return temperatureC >= FEVER_THRESHOLD_C || symptoms.length > 0;
}

/** True for 36, 36.6, 37.3; false for 36.65 (the thermometers show one decimal). */
export function hasOneDecimalAtMost(n: number): boolean {
  return Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;
}

/** What the board and the stay list need of one recorded check (denormalised, per date and slot). */
export interface CheckMark {
  temperatureC: number;
  alert: boolean;
  measuredAt: string;
  /** Reported by the person on their own page and not yet confirmed or corrected by staff. */
  self?: true;
  /** Reported after the slot's deadline. */
  late?: true;
}

/** date (YYYY-MM-DD, facility time) -> slot -> mark. */
export type CheckMarks = Record<string, Partial<Record<CheckSlot, CheckMark>>>;

/** done / alert: recorded (alert = fever or symptom); pending: not yet due; missing: overdue; not_due: no check expected. */
export type SlotStatus = 'done' | 'alert' | 'pending' | 'missing' | 'not_due';

export interface DayCheckStatus {
  date: string;
  morning: SlotStatus;
  evening: SlotStatus;
  /** Slots overdue on that date. */
  missing: CheckSlot[];
  /** A fever or symptom was recorded on that date. */
  alert: boolean;
  /** Slots the person reported themselves that staff have not confirmed yet (absent: none). */
  selfReported?: CheckSlot[];
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time HH:MM of an instant in `timeZone`. */
export function localTimeOfDay(instant: Date | string, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

export interface CheckStatusInput {
  date: string;
  now: Date;
  timeZone: string;
  marks?: CheckMarks;
  day1Date: string;
  endDate: string;
  /** When the person arrived (or checked in): on day 1, slots whose deadline had passed by then are not due. */
  arrivedAt?: string;
}

export function dayCheckStatus(p: CheckStatusInput): DayCheckStatus {
  const today = localDate(p.now, p.timeZone);
  const nowTime = localTimeOfDay(p.now, p.timeZone);
  const arrival = p.arrivedAt ? { date: localDate(p.arrivedAt, p.timeZone), time: localTimeOfDay(p.arrivedAt, p.timeZone) } : undefined;
  const status = (slot: CheckSlot): SlotStatus => {
    const mark = p.marks?.[p.date]?.[slot];
    if (mark) return mark.alert ? 'alert' : 'done';
    if (p.date < p.day1Date || p.date > p.endDate) return 'not_due';
    const deadline = CHECK_DEADLINES[slot];
    if (p.date === p.day1Date && arrival?.date === p.date && arrival.time >= deadline) return 'not_due';
    if (p.date < today) return 'missing';
    if (p.date > today) return 'pending';
    return nowTime >= deadline ? 'missing' : 'pending';
  };
  const morning = status('morning');
  const evening = status('evening');
  const selfReported = CHECK_SLOTS.filter((s) => p.marks?.[p.date]?.[s]?.self);
  return {
    date: p.date,
    morning,
    evening,
    missing: CHECK_SLOTS.filter((s) => (s === 'morning' ? morning : evening) === 'missing'),
    alert: morning === 'alert' || evening === 'alert',
    ...(selfReported.length ? { selfReported } : {}),
  };
}

/** Marks of `date` and later days only (the room copy keeps just what the board can show). */
export function marksSince(marks: CheckMarks, date: string): CheckMarks {
  return Object.fromEntries(Object.entries(marks).filter(([d]) => d >= date));
}

/** The day before `date`: the board keeps yesterday too, so a late evening entry shows after midnight. */
export function boardMarksFrom(today: string): string {
  return addDays(today, -1);
}
