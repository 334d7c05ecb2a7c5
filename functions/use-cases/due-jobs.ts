import { placeFields, placeSortKey } from '../domain/place.js';
import { BatchGetCommand, PutCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dueKeys, type DueKind } from '../entities/due-item.js';
import { getFacility, listFacilities, type Facility } from '../entities/facility.js';
import { putReminderOnce, type Reminder, type ReminderKind, type ReminderLine } from '../entities/reminder.js';
import { OPEN_STATUSES, stayKeys, type Stay } from '../entities/stay.js';
import { addDays, localDate } from '../domain/calendar.js';
import { dayOfStay } from '../domain/schedule.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { db, tableName } from '../shared/db.js';
import type { JobContext, JobResult } from '../shared/job.js';

// The daily due-item jobs. For each facility, in its own time zone, they read only
// OPEN due items up to today from the sparse GSI3 (FACILITY#<id>#DUE#<kind> /
// <date>#<stayId>), then the few stays those items name, and write at most one
// reminder per facility, kind and local date. The reminder id is derived from kind
// and date, so running a job again the same day writes nothing new.
//
//   retest-due   RETEST items due today (sample to take) or earlier (day passed, no
//                sample: overdue) -> one `retest_due` reminder, urgent when overdue
//   release-due  END items dated before today (observation over, stay neither
//                released nor transferred: expired isolation) -> urgent
//                `expired_isolation`; DOCUMENT items dated today -> `documents_due`
//
// Items leave GSI3 when resolved: a lab sample resolves RETEST items, a positive
// result every item of its stay, release and transfer close them all.

export class ReadMeter {
  items = 0;
}

export interface DueRow {
  stayId: string;
  kind: DueKind;
  dueDate: string;
  day: number;
  roomNumber?: string;
  gridCell?: string;
}

type StayBrief = Pick<Stay, 'stayId' | 'status' | 'roomNumber' | 'home' | 'schedule'> & { person: Pick<Stay['person'], 'nameNative'> };

export async function facilitiesIn(ctx: JobContext, meter: ReadMeter): Promise<Facility[]> {
  if (ctx.facilityIds) {
    const found = await Promise.all(ctx.facilityIds.map((id) => getFacility(id)));
    meter.items += found.filter(Boolean).length;
    return found.filter((f): f is Facility => f !== undefined);
  }
  const all = await listFacilities();
  meter.items += all.length;
  return all;
}

/** Open due items of a kind with due dates in [from, to] (inclusive; from open-ended when absent). */
export async function openDue(facilityId: string, kind: DueKind, to: string, meter: ReadMeter, from?: string): Promise<DueRow[]> {
  const rows: DueRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: from ? 'GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to' : 'GSI3PK = :pk AND GSI3SK <= :to',
        ExpressionAttributeValues: { ':pk': dueKeys.openPk(facilityId, kind), ':to': `${to}#~`, ...(from ? { ':from': `${from}#` } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    meter.items += out.ScannedCount ?? out.Items?.length ?? 0;
    for (const i of out.Items ?? []) rows.push({
        stayId: String(i.stayId),
        kind,
        dueDate: String(i.dueDate),
        day: Number(i.day),
        ...(i.roomNumber !== undefined ? { roomNumber: String(i.roomNumber) } : {}),
        ...(i.gridCell !== undefined ? { gridCell: String(i.gridCell) } : {}),
      });
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}

/** The stays named by due items (a BatchGet of just those), by id. */
async function staysOf(stayIds: string[], meter: ReadMeter): Promise<Map<string, StayBrief>> {
  const stays = new Map<string, StayBrief>();
  const ids = [...new Set(stayIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => stayKeys.key(id));
    for (let attempt = 0; keys && keys.length > 0; attempt++) {
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: keys,
              ProjectionExpression: 'stayId, #status, roomNumber, #home.gridCell, person.nameNative, schedule',
              ExpressionAttributeNames: { '#status': 'status', '#home': 'home' },
            },
          },
        }),
      );
      for (const item of out.Responses?.[tableName()] ?? []) {
        meter.items++;
        stays.set(String(item.stayId), item as StayBrief);
      }
      keys = out.UnprocessedKeys?.[tableName()]?.Keys;
      if (keys?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
  return stays;
}

async function putOnce(r: Reminder): Promise<boolean> {
  try {
    await db().send(new PutCommand(putReminderOnce(tableName(), r).Put));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

function byRoom(a: ReminderLine, b: ReminderLine): number {
  return placeSortKey(a).localeCompare(placeSortKey(b), 'en', { numeric: true }) || (a.stayId ?? '').localeCompare(b.stayId ?? '');
}

export interface FacilityReminder {
  facilityId: string;
  reminderId: string;
  kind: ReminderKind;
  lines: number;
  /** False when the same job had already written it today. */
  written: boolean;
}

function reminder(facility: Facility, kind: ReminderKind, date: string, urgent: boolean, title: string, lines: ReminderLine[], now: Date): Reminder {
  return {
    reminderId: `${kind}-${date}`,
    facilityId: facility.facilityId,
    kind,
    urgent,
    date,
    title,
    lines: lines.sort(byRoom),
    createdAt: now.toISOString(),
    delivery: { state: 'pending', attempts: 0 },
  };
}

async function writeReminders(list: Reminder[], out: FacilityReminder[]): Promise<void> {
  for (const r of list) {
    const written = await putOnce(r);
    out.push({ facilityId: r.facilityId, reminderId: r.reminderId, kind: r.kind, lines: r.lines.length, written });
  }
}

/** Facilities are handled concurrently; the report lists them in a stable order. */
function sorted(list: FacilityReminder[]): FacilityReminder[] {
  return list.sort((a, b) => a.facilityId.localeCompare(b.facilityId) || a.reminderId.localeCompare(b.reminderId));
}

const isOpen = (s: StayBrief | undefined): s is StayBrief => s !== undefined && OPEN_STATUSES.includes(s.status);
const FACILITY_CONCURRENCY = 4;

export interface RetestDueResult extends JobResult {
  job: 'retest-due';
  at: string;
  facilities: number;
  dueToday: number;
  overdue: number;
  remindersWritten: number;
  reminders: FacilityReminder[];
}

export async function retestDue(ctx: JobContext): Promise<RetestDueResult> {
  const meter = new ReadMeter();
  const facilities = await facilitiesIn(ctx, meter);
  const reminders: FacilityReminder[] = [];
  let dueToday = 0;
  let overdue = 0;
  await mapWithConcurrency(facilities, FACILITY_CONCURRENCY, async (facility) => {
    const today = localDate(ctx.now, facility.timeZone);
    const rows = await openDue(facility.facilityId, 'RETEST', today, meter);
    if (rows.length === 0) return;
    const stays = await staysOf(rows.map((r) => r.stayId), meter);
    const lines: ReminderLine[] = [];
    let late = 0;
    for (const row of rows) {
      const stay = stays.get(row.stayId);
      if (!isOpen(stay)) continue;
      const isToday = row.dueDate === today;
      if (!isToday) late++;
      lines.push({
        stayId: row.stayId,
        ...placeFields(stay),
        name: stay.person.nameNative,
        day: row.day,
        note: isToday ? `retest due today (day ${row.day})` : `retest overdue: day ${row.day} was ${row.dueDate}, no sample yet`,
      });
    }
    if (lines.length === 0) return;
    dueToday += lines.length - late;
    overdue += late;
    const title = `Retest: ${lines.length - late} due today${late ? `, ${late} overdue` : ''}`;
    await writeReminders([reminder(facility, 'retest_due', today, late > 0, title, lines, ctx.now)], reminders);
  });
  return {
    job: 'retest-due',
    at: ctx.now.toISOString(),
    itemsRead: meter.items,
    facilities: facilities.length,
    dueToday,
    overdue,
    remindersWritten: reminders.filter((r) => r.written).length,
    reminders: sorted(reminders),
  };
}

export interface ReleaseDueResult extends JobResult {
  job: 'release-due';
  at: string;
  facilities: number;
  expired: number;
  documentsDue: number;
  remindersWritten: number;
  reminders: FacilityReminder[];
}

export async function releaseDue(ctx: JobContext): Promise<ReleaseDueResult> {
  const meter = new ReadMeter();
  const facilities = await facilitiesIn(ctx, meter);
  const reminders: FacilityReminder[] = [];
  let expired = 0;
  let documentsDue = 0;
  await mapWithConcurrency(facilities, FACILITY_CONCURRENCY, async (facility) => {
    const today = localDate(ctx.now, facility.timeZone);
    // The end date is the last day of observation: it has passed once today is later.
    const [ended, documents] = await Promise.all([
      openDue(facility.facilityId, 'END', addDays(today, -1), meter),
      openDue(facility.facilityId, 'DOCUMENT', today, meter, today),
    ]);
    if (ended.length + documents.length === 0) return;
    const stays = await staysOf([...ended, ...documents].map((r) => r.stayId), meter);
    const line = (row: DueRow, stay: StayBrief, note: string): ReminderLine => ({ stayId: row.stayId, ...placeFields(stay), name: stay.person.nameNative, day: dayOfStay(stay.schedule.day1Date, today), note });
    const expiredLines: ReminderLine[] = [];
    for (const row of ended) {
      const stay = stays.get(row.stayId);
      if (isOpen(stay)) expiredLines.push(line(row, stay, `observation ended ${row.dueDate} (day ${row.day}); not released or transferred`));
    }
    const documentLines: ReminderLine[] = [];
    for (const row of documents) {
      const stay = stays.get(row.stayId);
      if (stay?.status === 'active') documentLines.push(line(row, stay, `document day (day ${row.day}): check the retest, issue the three documents`));
    }
    expired += expiredLines.length;
    documentsDue += documentLines.length;
    const list: Reminder[] = [];
    if (expiredLines.length) list.push(reminder(facility, 'expired_isolation', today, true, `Isolation ended, not released: ${expiredLines.length}`, expiredLines, ctx.now));
    if (documentLines.length) list.push(reminder(facility, 'documents_due', today, false, `Documents due today: ${documentLines.length}`, documentLines, ctx.now));
    await writeReminders(list, reminders);
  });
  return {
    job: 'release-due',
    at: ctx.now.toISOString(),
    itemsRead: meter.items,
    facilities: facilities.length,
    expired,
    documentsDue,
    remindersWritten: reminders.filter((r) => r.written).length,
    reminders: sorted(reminders),
  };
}
