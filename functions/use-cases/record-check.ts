import { placeFields, placeLabel } from '../domain/place.js';
import { auditPut } from '../entities/audit.js';
import { checkIdOf, checkItem, getCheck, listChecks, parseCheckId, type CheckRecord } from '../entities/check.js';
import { historyAfter, planCorrection, readingOf } from '../domain/check-correction.js';
import { putReminderOnce, type Reminder } from '../entities/reminder.js';
import { occupantFieldItem } from '../entities/room.js';
import { stayKeys } from '../entities/stay.js';
import { getTeam } from '../entities/team.js';
import { addDays, localDate } from '../domain/calendar.js';
import { boardMarksFrom, dayCheckStatus, isAlert, marksSince, type CheckMark, type CheckMarks, type DayCheckStatus } from '../domain/checks.js';
import { settleWatch } from './report-watch.js';
import { dayOfStay } from '../domain/schedule.js';
import type { CorrectCheckInput, RecordCheckInput } from '../schemas/care.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { assertOpen, loadStayWithFacility, type CareStay } from './care-context.js';
import type { Facility } from '../entities/facility.js';
import { putMetric } from '../shared/metrics.js';

// Recording a temperature check: one transaction writes the check (one per slot and
// day unless replacing), refreshes the denormalised check status on the stay and on
// the room's occupant, records the audit entry and, for a fever or a symptom,
// raises the urgent reminder. All of it or none of it.
// Correcting one (POST …/checks/{checkId}/correction, or ?replace=true with a reason)
// never loses a reading: the corrected values go on top, where the board, the daily
// sheet, reminders and release read them; the first reading stays in `original` and
// each correction (before, after, who, when, why) in `corrections`.

const FEVER_REMINDER_KIND = 'fever_or_symptom';
/** Clocks of tablets drift; a reading a few minutes "in the future" is not a typo. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RecordCheckResult {
  check: CheckRecord;
  replaced: boolean;
  /** Set when the check raised (or had already raised) the urgent reminder. */
  reminderId?: string;
  today: DayCheckStatus;
}

/** One id per stay, date and slot: a replaced reading never raises the reminder twice. */
export function feverReminderId(stayId: string, date: string, slot: string): string {
  return `${FEVER_REMINDER_KIND}-${date}-${stayId}-${slot}`;
}

/** The stay changed since it was read (another check, or it was closed): read it again. */
class StaleStayError extends Error {}
/** After five reads of a file that kept changing under us: a 409 the client can retry, never a bare error (a 500). */
const stayKeptChanging = () => new ConflictError('The stay kept changing meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Other changes were made at the same time.' }]);
class ReminderExistsError extends Error {}
class RoomMismatchError extends Error {}

export async function recordCheck(principal: Principal, stayId: string, input: RecordCheckInput, replace: boolean, now = new Date()): Promise<RecordCheckResult> {
  // The stay's checkMarks are rewritten whole under the stay's version (optimistic
  // lock); a concurrent change of the same file makes us read it again and retry.
  for (let attempt = 0; ; attempt++) {
    const { stay, facility } = await loadStayWithFacility(principal, stayId);
    try {
      return await attemptRecord(principal, stay, facility, input, replace, now);
    } catch (err) {
      if (!(err instanceof StaleStayError)) throw err;
      if (attempt >= 4) throw stayKeptChanging();
    }
  }
}

function describe(reading: { temperatureC: number; symptoms: readonly string[] }): string {
  return [`${reading.temperatureC.toFixed(1)} °C`, ...reading.symptoms].join(', ');
}

/** A check as read: where the person is, the day of stay, and whether it is a fever or symptom; who recorded it, when. */
export function newReading(
  stay: CareStay,
  r: { date: string; slot: CheckRecord['slot']; temperatureC: number; symptoms: CheckRecord['symptoms']; note?: string },
  by: { measuredAt: string; recordedAt: string; recordedBy: string },
): CheckRecord {
  return {
    stayId: stay.stayId,
    facilityId: stay.facilityId,
    ...placeFields(stay),
    date: r.date,
    slot: r.slot,
    dayOfStay: dayOfStay(stay.schedule.day1Date, r.date),
    temperatureC: r.temperatureC,
    symptoms: r.symptoms,
    ...(r.note ? { note: r.note } : {}),
    measuredAt: by.measuredAt,
    alert: isAlert(r.temperatureC, r.symptoms),
    recordedAt: by.recordedAt,
    recordedBy: by.recordedBy,
  };
}

function validateTiming(stay: CareStay, facility: Facility, input: RecordCheckInput, now: Date): { date: string; measuredAt: string } {
  const measuredAt = input.measuredAt ? new Date(input.measuredAt).toISOString() : now.toISOString();
  const date = input.date ?? localDate(measuredAt, facility.timeZone);
  const issues = [];
  const today = localDate(now, facility.timeZone);
  if (Date.parse(measuredAt) > now.getTime() + CLOCK_SKEW_MS) issues.push({ path: 'measuredAt', message: 'The measurement time is in the future', code: 'future' });
  const measuredDate = localDate(measuredAt, facility.timeZone);
  // An evening reading may be entered just after midnight; otherwise the date is the day measured.
  if (measuredDate !== date && measuredDate !== addDays(date, 1)) {
    issues.push({ path: 'measuredAt', message: `The measurement was not taken on ${date} (facility time)`, code: 'date_mismatch' });
  }
  if (date > today) issues.push({ path: 'date', message: 'The date is in the future (facility time)', code: 'future' });
  else if (date < stay.schedule.day1Date || date > stay.schedule.endDate) {
    issues.push({ path: 'date', message: `The date must be within the stay, ${stay.schedule.day1Date} to ${stay.schedule.endDate}`, code: 'outside_stay' });
  }
  if (issues.length) throw new ValidationError(issues);
  return { date, measuredAt };
}

async function attemptRecord(principal: Principal, stay: CareStay, facility: Facility, input: RecordCheckInput, replace: boolean, now: Date): Promise<RecordCheckResult> {
  assertOpen(stay, 'checks');
  const { date, measuredAt } = validateTiming(stay, facility, input, now);
  const at = now.toISOString();
  const existing = replace ? await getCheck(stay.stayId, date, input.slot) : undefined;
  if (existing && !input.reason) {
    throw new ValidationError([{ path: 'reason', message: 'Say why the reading is replaced (the earlier one is kept with the check)', code: 'required' }]);
  }
  const reading = newReading(stay, { date, ...input }, { measuredAt, recordedAt: at, recordedBy: principal.subject });
  const { alert } = reading;
  // Replacing keeps what was there: the first reading and every correction stay on the check.
  const check: CheckRecord = existing ? { ...reading, ...historyAfter(existing, readingOf(reading), { reason: input.reason!, at, actor: principal.subject }) } : reading;
  const written = await writeCheck(principal, stay, facility, now, {
    check,
    expected: existing,
    onCheckConflict: () =>
      replace
        ? new StaleStayError()
        : new ConflictError(`A ${input.slot} check is already recorded for ${date}.`, [
            { code: 'check_exists', message: `Already recorded: ${input.slot} of ${date}. Correct it with POST /stays/${stay.stayId}/checks/${checkIdOf(check)}/correction.` },
          ]),
    audit: existing
      ? { action: 'check_replaced', changes: { date, slot: input.slot, alert, from: readingOf(existing), to: readingOf(check), reason: input.reason } }
      : // Codes only: the reading itself stays in the check item.
        { action: 'check_recorded', changes: { date, slot: input.slot, alert } },
    reminderNote: `${input.slot}: ${describe(input)}`,
  });
  return { check: withCheckId(check), replaced: existing !== undefined, ...written };
}

/** The check condition: nothing there yet, or exactly the version read (same reading, same number of corrections). */
function checkCondition(expected: CheckRecord | undefined): { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } {
  if (!expected) return { ConditionExpression: 'attribute_not_exists(PK)' };
  const n = expected.corrections?.length ?? 0;
  return {
    ConditionExpression: `recordedAt = :seenAt AND ${n === 0 ? 'attribute_not_exists(corrections)' : 'size(corrections) = :seenN'}`,
    ExpressionAttributeValues: { ':seenAt': expected.recordedAt, ...(n === 0 ? {} : { ':seenN': n }) },
  };
}

interface CheckWrite {
  check: CheckRecord;
  /** The stored check this write replaces (undefined: there must be none). */
  expected: CheckRecord | undefined;
  onCheckConflict: () => Error;
  audit: { action: string; changes: Record<string, unknown> };
  reminderNote: string;
}

/** The stay's team, when it has one (home isolation: domain of the team helper; read loosely so hotel stays need none). */
export function teamIdOf(stay: object): string | undefined {
  const t = (stay as { teamId?: unknown }).teamId;
  return typeof t === 'string' && t !== '' ? t : undefined;
}

/** A home stay's reminder line says where the team goes: the address and community. */
function homeOfLine(stay: object): { address?: string; community?: string } {
  const home = (stay as { home?: { address: string; community: string } }).home;
  return home ? { address: home.address, community: home.community } : {};
}

/** The board's copy of a check: a self-report stays marked as such until staff confirm or correct it. */
export function markOf(check: CheckRecord): CheckMark {
  const selfPending = check.source === 'self' && !check.confirmedAt && !(check.corrections?.length ?? 0);
  return {
    temperatureC: check.temperatureC,
    alert: check.alert,
    measuredAt: check.measuredAt,
    ...(selfPending ? { self: true as const } : {}),
    ...(check.late ? { late: true as const } : {}),
  };
}

/**
 * One transaction: the check, the stay's and the room's check marks, the audit entry
 * and, when the check is a fever or a symptom, the urgent reminder of its slot.
 */
export async function writeCheck(principal: Principal, stay: CareStay, facility: Facility, now: Date, w: CheckWrite): Promise<{ reminderId?: string; today: DayCheckStatus }> {
  const { check } = w;
  const at = now.toISOString();
  const marks: CheckMarks = { ...(stay.checkMarks ?? {}) };
  marks[check.date] = { ...(marks[check.date] ?? {}), [check.slot]: markOf(check) };
  const reminderId = check.alert ? feverReminderId(stay.stayId, check.date, check.slot) : undefined;

  // Home isolation: the fever goes to the doctor of the person's team, by name.
  const teamId = teamIdOf(stay);
  const doctor = reminderId && teamId ? (await getTeam(stay.facilityId, teamId))?.members.doctor : undefined;

  let withRoom = true;
  let withReminder = check.alert;
  for (;;) {
    const items: TxItems = [];
    const index: Record<'check' | 'stay' | 'room' | 'reminder', number> = { check: -1, stay: -1, room: -1, reminder: -1 };
    index.check = items.push({
      Put: { TableName: tableName(), Item: checkItem(check), ...checkCondition(w.expected) },
    }) - 1;
    index.stay = items.push({
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(stay.stayId),
        // A new reading is a fact release decisions rest on: bump the version they pin.
        UpdateExpression: 'SET checkMarks = :marks, updatedAt = :now, version = version + :one',
        ConditionExpression: '#status IN (:active, :positive) AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':marks': marks, ':now': at, ':one': 1, ':version': stay.version, ':active': 'active', ':positive': 'positive' },
      },
    }) - 1;
    if (withRoom && stay.roomNumber !== undefined) {
      // The board's copy: today's and yesterday's marks, on the occupant (gone when the room is vacated).
      index.room = items.push(occupantFieldItem(stay.facilityId, stay.roomNumber, stay.stayId, 'checkMarks', marksSince(marks, boardMarksFrom(localDate(now, facility.timeZone))))) - 1;
    }
    items.push(auditPut({ stayId: stay.stayId, at, actor: principal.subject, action: w.audit.action, changes: { ...w.audit.changes, ...(reminderId ? { reminderId } : {}) } }));
    if (withReminder && reminderId) {
      // Home isolation: to the doctor of the person's team at once; a hotel stay: the facility's staff.
      const reminder: Reminder = {
        reminderId,
        facilityId: stay.facilityId,
        kind: FEVER_REMINDER_KIND,
        urgent: true,
        date: check.date,
        slot: check.slot,
        audience: teamId ? 'team_doctor' : 'facility',
        ...(teamId ? { teamId, recipient: { role: 'doctor' as const, ...(doctor ? { name: doctor.name } : {}) } } : {}),
        title: `Fever or symptom: ${placeLabel(stay)}`,
        lines: [{ stayId: stay.stayId, ...placeFields(stay), ...homeOfLine(stay), name: stay.person.nameNative, day: check.dayOfStay, note: w.reminderNote, slot: check.slot, temperatureC: check.temperatureC, symptoms: [...check.symptoms] }],
        createdAt: at,
        delivery: { state: 'pending', attempts: 0 },
      };
      index.reminder = items.push(putReminderOnce(tableName(), reminder)) - 1;
    }

    try {
      await transactWithRetry(items, (reasons) => {
        const failed = (i: number) => i >= 0 && reasons[i]?.Code === 'ConditionalCheckFailed';
        if (failed(index.check)) return w.onCheckConflict();
        if (failed(index.stay)) return new StaleStayError();
        if (failed(index.reminder)) return new ReminderExistsError();
        if (failed(index.room)) return new RoomMismatchError();
        return undefined;
      });
    } catch (err) {
      if (err instanceof ReminderExistsError) {
        // The reminder of this slot was raised by an earlier reading: once is enough.
        withReminder = false;
        continue;
      }
      if (err instanceof RoomMismatchError) {
        // The room no longer shows this person (moved or vacated): record the check anyway.
        logger.warn('check: room occupant mismatch', { stayId: stay.stayId, roomNumber: stay.roomNumber });
        withRoom = false;
        continue;
      }
      throw err;
    }
    if (!w.expected) putMetric('HealthChecks');
    // The slot has a reading now: the missed-report watch stops, the next slot's starts.
    await settleWatch(stay, facility, check, now);
    // Counted where the fever reminder is raised: once per slot, not again for a corrected reading.
    if (withReminder && reminderId) putMetric('FeverAlerts');
    const today = dayCheckStatus({
      date: localDate(now, facility.timeZone),
      now,
      timeZone: facility.timeZone,
      marks,
      day1Date: stay.schedule.day1Date,
      endDate: stay.schedule.endDate,
      arrivedAt: stay.arrival.arrivedAt,
    });
    return { ...(reminderId ? { reminderId } : {}), today };
  }
}

/** A check as the API shows it: its id, and whether the values on top are a correction of what was first recorded. */
export function withCheckId(c: CheckRecord): CheckRecord & { checkId: string; corrected: boolean } {
  return { checkId: checkIdOf(c), ...c, corrected: (c.corrections?.length ?? 0) > 0 };
}

export async function correctCheck(principal: Principal, stayId: string, checkId: string, input: CorrectCheckInput, now = new Date()): Promise<RecordCheckResult> {
  const id = parseCheckId(checkId);
  for (let attempt = 0; ; attempt++) {
    const { stay, facility } = await loadStayWithFacility(principal, stayId);
    const existing = id ? await getCheck(stay.stayId, id.date, id.slot) : undefined;
    if (!existing) throw new NotFoundError(`This stay has no check ${checkId}.`);
    assertOpen(stay, 'corrections');
    const at = now.toISOString();
    const plan = planCorrection(existing, { temperatureC: input.temperatureC, symptoms: input.symptoms }, { reason: input.reason, at, actor: principal.subject });
    if (!plan.ok) throw new ValidationError(plan.problems);
    try {
      const written = await writeCheck(principal, stay, facility, now, {
        check: plan.check,
        expected: existing,
        onCheckConflict: () => new StaleStayError(),
        audit: { action: 'check_corrected', changes: { date: existing.date, slot: existing.slot, alert: plan.to.alert, from: plan.from, to: plan.to, reason: input.reason } },
        reminderNote: `${existing.slot}: ${describe(plan.to)} (corrected)`,
      });
      return { check: withCheckId(plan.check), replaced: true, ...written };
    } catch (err) {
      if (!(err instanceof StaleStayError)) throw err;
      if (attempt >= 4) throw stayKeptChanging();
    }
  }
}

export async function listStayChecks(principal: Principal, stayId: string, now = new Date()): Promise<{ stayId: string; checks: ReturnType<typeof withCheckId>[]; today: DayCheckStatus }> {
  const { stay, facility } = await loadStayWithFacility(principal, stayId);
  const checks = await listChecks(stay.stayId);
  const today = dayCheckStatus({
    date: localDate(now, facility.timeZone),
    now,
    timeZone: facility.timeZone,
    marks: stay.checkMarks,
    day1Date: stay.schedule.day1Date,
    endDate: stay.schedule.endDate,
    arrivedAt: stay.arrival.arrivedAt,
  });
  return { stayId: stay.stayId, checks: checks.map(withCheckId), today };
}
