import { addDays, localDate } from './calendar.js';
import { CHECK_DEADLINES, CHECK_SLOTS, localTimeOfDay, type CheckSlot } from './checks.js';

// The person's own twice-daily report (一测温、一报告) and what happens when one is
// missed. Pure rules: each slot has a deadline, a wall-clock time in the facility's
// time zone; a report after it is late; a slot still without any reading when its
// deadline passes escalates step by step (DOMAIN.md: "missed reports are counted per
// slot, not per day").

/** Wall-clock times (HH:MM, facility time zone) by which each slot's report is due. */
export type SlotDeadlines = Readonly<Record<CheckSlot, string>>;

/** The facility's deadlines: its policy's when it sets them, else the common 10:00 / 20:00. */
export function slotDeadlines(policy: { reportDeadlines?: Partial<Record<CheckSlot, string>> } | undefined): SlotDeadlines {
  return { ...CHECK_DEADLINES, ...(policy?.reportDeadlines ?? {}) };
}

/** The evening report opens at noon: a reading taken in the morning is not the evening's. */
export const EVENING_OPENS = '12:00';

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the wall clock in `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (the later one across a DST fold). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

export function slotDeadline(date: string, slot: CheckSlot, deadlines: SlotDeadlines, timeZone: string): Date {
  return zonedInstant(date, deadlines[slot], timeZone);
}

export interface SlotRef {
  date: string;
  slot: CheckSlot;
}

/** The slot after `s`: the same day's evening, or the next day's morning. */
export function nextSlot(s: SlotRef): SlotRef {
  return s.slot === 'morning' ? { date: s.date, slot: 'evening' } : { date: addDays(s.date, 1), slot: 'morning' };
}

export const slotOrder = (s: SlotRef) => `${s.date}#${CHECK_SLOTS.indexOf(s.slot)}`;

/**
 * The first slot whose deadline is still ahead at `now`, within [day1, endDate]
 * (undefined once the last one has passed): where the watch of a stay starts.
 */
export function firstOpenSlot(now: Date, timeZone: string, deadlines: SlotDeadlines, day1Date: string, endDate: string): SlotRef | undefined {
  let s: SlotRef = { date: localDate(now, timeZone) < day1Date ? day1Date : localDate(now, timeZone), slot: 'morning' };
  for (let i = 0; i < 4; i++) {
    if (s.date > endDate) return undefined;
    if (slotDeadline(s.date, s.slot, deadlines, timeZone).getTime() > now.getTime()) return s;
    s = nextSlot(s);
  }
  return undefined;
}

export type ReportTiming = { ok: true; late: boolean; deadline: Date } | { ok: false; code: 'future' | 'outside_stay'; message: string };

/**
 * Whether a self-report for (date, slot) may be made at `now`: today's slots (the
 * evening from noon), or yesterday's evening until this morning's deadline; late
 * once the slot's deadline has passed.
 */
export function reportTiming(s: SlotRef, now: Date, timeZone: string, deadlines: SlotDeadlines, stay: { day1Date: string; endDate: string }): ReportTiming {
  const today = localDate(now, timeZone);
  const time = localTimeOfDay(now, timeZone);
  if (s.date < stay.day1Date || s.date > stay.endDate) return { ok: false, code: 'outside_stay', message: `The date must be within the stay, ${stay.day1Date} to ${stay.endDate}` };
  if (s.date > today || (s.date === today && s.slot === 'evening' && time < EVENING_OPENS)) {
    return { ok: false, code: 'future', message: s.date > today ? 'That day has not come yet' : `The evening report opens at ${EVENING_OPENS}` };
  }
  const yesterdayEvening = s.date === addDays(today, -1) && s.slot === 'evening' && time < deadlines.morning;
  if (s.date < today && !yesterdayEvening) return { ok: false, code: 'outside_stay', message: 'That report can no longer be sent; staff can record it' };
  const deadline = slotDeadline(s.date, s.slot, deadlines, timeZone);
  return { ok: true, late: now.getTime() > deadline.getTime(), deadline };
}

/** The slot a person would report now: this morning's until the evening opens, then the evening's. */
export function currentSlot(now: Date, timeZone: string): SlotRef {
  return { date: localDate(now, timeZone), slot: localTimeOfDay(now, timeZone) < EVENING_OPENS ? 'morning' : 'evening' };
}

// ---- Escalation of a missed slot ----------------------------------------------

/** 1: reminder to the person; 2: second reminder; 3: task for the team member on duty; 4: urgent reminder to the supervisor. */
export type EscalationStep = 1 | 2 | 3 | 4;
export const LAST_STEP: EscalationStep = 4;

/** Minutes after the slot's deadline at which each step is taken. */
export type EscalationDelays = Readonly<Record<EscalationStep, number>>;

/**
 * The facility policy's `escalationMinutes`: minutes after the slot's deadline at
 * which each step is taken (each later than the one before). Absent fields keep the
 * defaults: the reminder at the deadline, the second at +30, the team member on duty
 * at +60, the supervisor at +120.
 */
export interface EscalationMinutes {
  reminder?: number;
  secondReminder?: number;
  teamOnDuty?: number;
  supervisor?: number;
}
export const ESCALATION_FIELDS = ['reminder', 'secondReminder', 'teamOnDuty', 'supervisor'] as const satisfies readonly (keyof EscalationMinutes)[];
export const DEFAULT_ESCALATION_MINUTES: Required<EscalationMinutes> = { reminder: 0, secondReminder: 30, teamOnDuty: 60, supervisor: 120 };
/** At most this long after the deadline (10 h: the gap between the common 10:00 and 20:00 deadlines). */
export const MAX_ESCALATION_MINUTES = 600;

export const DEFAULT_ESCALATION: EscalationDelays = escalationDelays(undefined);

export function escalationDelays(policy: { escalationMinutes?: EscalationMinutes } | undefined): EscalationDelays {
  const m = { ...DEFAULT_ESCALATION_MINUTES, ...(policy?.escalationMinutes ?? {}) };
  return { 1: m.reminder, 2: m.secondReminder, 3: m.teamOnDuty, 4: m.supervisor };
}

/** Problems with a policy's escalation minutes (empty when valid): every step after the one before. */
export function escalationProblems(m: EscalationMinutes | undefined): { path: string; message: string }[] {
  if (!m) return [];
  const d = escalationDelays({ escalationMinutes: m });
  const out: { path: string; message: string }[] = [];
  for (let s = 2; s <= LAST_STEP; s++) {
    const field = ESCALATION_FIELDS[s - 1]!;
    if (d[s as EscalationStep] <= d[(s - 1) as EscalationStep]) {
      out.push({ path: field, message: `${field} (${d[s as EscalationStep]} min) must come after ${ESCALATION_FIELDS[s - 2]} (${d[(s - 1) as EscalationStep]} min)` });
    }
  }
  return out;
}

export function stepAt(deadline: Date, step: EscalationStep, delays: EscalationDelays): Date {
  return new Date(deadline.getTime() + delays[step] * 60_000);
}

/** The steps due at `now` after `done` steps were taken (in order, none skipped: each one is a record of its own). */
export function stepsDue(deadline: Date, done: number, now: Date, delays: EscalationDelays): EscalationStep[] {
  const out: EscalationStep[] = [];
  for (let s = done + 1; s <= LAST_STEP; s++) {
    if (stepAt(deadline, s as EscalationStep, delays).getTime() <= now.getTime()) out.push(s as EscalationStep);
  }
  return out;
}
