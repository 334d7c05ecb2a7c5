import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Facility } from '../entities/facility.js';
import { putReminderOnce, type Reminder, type ReminderAudience, type ReminderKind, type ReminderRecipient } from '../entities/reminder.js';
import { getTeam, type Team } from '../entities/team.js';
import { placeFields, placeLabel } from '../domain/place.js';
import { onDuty } from '../domain/team-duty.js';
import { watchKeys, type ReportWatch } from '../entities/report-watch.js';
import { OPEN_STATUSES, stayKeys, type Stay } from '../entities/stay.js';
import type { CheckMarks } from '../domain/checks.js';
import { dayOfStay } from '../domain/schedule.js';
import { escalationDelays, LAST_STEP, nextSlot, stepAt, stepsDue, type EscalationStep } from '../domain/self-report.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { db, tableName } from '../shared/db.js';
import type { JobContext, JobResult } from '../shared/job.js';
import { transactWithRetry } from '../shared/transact.js';
import { facilitiesIn, ReadMeter } from './due-jobs.js';
import { endWatch, ensureWatch } from './report-watch.js';

// The missed-reports job (EventBridge every 5 minutes; `npm run job -- missed-reports`).
// Per facility it reads only the report watches whose next step is due now, from the
// sparse GSI3 partition FACILITY#<id>#DUE#REPORT (sorted by that instant), then the
// stays they name. A slot still without a reading escalates one step at a time:
//   1 at the deadline     reminder to the person (SMS via the notifier; console locally)
//   2 (+30 min)           a second reminder to the person
//   3 (+60 min)           a follow-up task for the team member on duty for the slot
//                         (domain/team-duty.ts: the cadre unless the team's roster says otherwise)
//   4 (+120 min)          an urgent reminder to the supervisor; the watch leaves the index
// The minutes are the facility policy's `escalationMinutes` (these are the defaults).
// Lines name the person and where they are: the room, or the home address and grid cell.
// Each step is one transaction: the reminder (id = stay, date, slot, step: written
// once) and the watch's step counter (conditional on the step before), so a second
// run, or two at once, never repeats a step. Missed reports are counted per slot.

const STEP_KIND: Record<EscalationStep, { kind: ReminderKind; audience: ReminderAudience; urgent: boolean }> = {
  1: { kind: 'report_missed', audience: 'person', urgent: false },
  2: { kind: 'report_missed', audience: 'person', urgent: false },
  3: { kind: 'report_missed_follow_up', audience: 'team_on_duty', urgent: false },
  4: { kind: 'report_missed_supervisor', audience: 'supervisor', urgent: true },
};

type StayBrief = Pick<Stay, 'stayId' | 'facilityId' | 'status' | 'roomNumber' | 'schedule' | 'home'> & { person: Pick<Stay['person'], 'nameNative'>; checkMarks?: CheckMarks; teamId?: string };

export interface MissedReportsResult extends JobResult {
  job: 'missed-reports';
  at: string;
  facilities: number;
  /** Watches read whose next step was due. */
  due: number;
  /** Steps taken in this run, by step (1..4). */
  steps: Record<EscalationStep, number>;
  /** Slots that turned out reported or ended (taken off the index). */
  settled: number;
}

export const missedReportId = (w: Pick<ReportWatch, 'stayId' | 'date' | 'slot'>, step: EscalationStep) => `report_missed-${w.date}-${w.slot}-${w.stayId}-s${step}`;

async function dueWatches(facilityId: string, now: Date, meter: ReadMeter): Promise<ReportWatch[]> {
  const rows: ReportWatch[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :to',
        ExpressionAttributeValues: { ':pk': watchKeys.duePk(facilityId), ':to': `${now.toISOString()}#~` },
        ExclusiveStartKey: start,
      }),
    );
    meter.items += out.ScannedCount ?? out.Items?.length ?? 0;
    for (const i of out.Items ?? []) rows.push(i as unknown as ReportWatch);
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}

async function staysOf(ids: string[], meter: ReadMeter): Promise<Map<string, StayBrief>> {
  const stays = new Map<string, StayBrief>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => stayKeys.key(id));
    for (let attempt = 0; keys && keys.length > 0; attempt++) {
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: keys,
              ConsistentRead: true,
              ProjectionExpression: 'stayId, facilityId, #status, roomNumber, home, person.nameNative, schedule, checkMarks, teamId',
              ExpressionAttributeNames: { '#status': 'status' },
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

/** For the log and the staff notification (no names: the lines carry them, rendered by the page in its language). */
function title(step: EscalationStep, w: ReportWatch, stay: StayBrief): string {
  const where = placeLabel(stay);
  const slot = `${w.slot} report of ${w.date}`;
  switch (step) {
    case 1:
      return `No ${slot} (${where}): reminder sent to the person`;
    case 2:
      return `No ${slot} (${where}): second reminder sent to the person`;
    case 3:
      return `Follow up: no ${slot} (${where}); call or visit, then mark the follow-up done`;
    case 4:
      return `Still no ${slot} (${where}) after the last reminder`;
  }
}

/** Step 3 goes to the team member on duty for the slot, step 4 to the supervisor. */
function recipientOf(step: EscalationStep, slot: ReportWatch['slot'], team: Team | undefined): ReminderRecipient | undefined {
  if (step === 4) return { role: 'supervisor' };
  if (step !== 3 || !team) return undefined;
  const role = onDuty(team, slot);
  return { role, name: team.members[role].name };
}

/** One step: the reminder and the watch's counter in one transaction. False when another run took it first. */
async function takeStep(w: ReportWatch, stay: StayBrief, facility: Facility, team: Team | undefined, step: EscalationStep, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const spec = STEP_KIND[step];
  const teamId = stay.teamId ?? w.teamId;
  const recipient = recipientOf(step, w.slot, team);
  const reminder: Reminder = {
    reminderId: missedReportId(w, step),
    facilityId: facility.facilityId,
    kind: spec.kind,
    urgent: spec.urgent,
    date: w.date,
    slot: w.slot,
    audience: spec.audience,
    ...(teamId && spec.audience !== 'person' ? { teamId } : {}),
    ...(recipient ? { recipient } : {}),
    title: title(step, w, stay),
    lines: [
      {
        stayId: stay.stayId,
        ...placeFields(stay),
        ...(stay.home ? { address: stay.home.address, community: stay.home.community } : {}),
        name: stay.person.nameNative,
        day: dayOfStay(stay.schedule.day1Date, w.date),
        slot: w.slot,
        step,
        note: `${w.slot} report missed; step ${step} of ${LAST_STEP}`,
      },
    ],
    createdAt: at,
    delivery: { state: 'pending', attempts: 0 },
  };
  const delays = escalationDelays(facility.policy);
  const last = step === LAST_STEP;
  const deadline = new Date(w.deadlineAt);
  const set = ['step = :step', '#state = :state', `stepsAt.#s${step} = :at`];
  const values: Record<string, unknown> = { ':step': step, ':prev': step - 1, ':state': last ? 'escalated' : 'escalating', ':at': at };
  const names: Record<string, string> = { '#state': 'state', [`#s${step}`]: String(step) };
  if (step === 1) {
    set[2] = 'stepsAt = :stepsAt';
    values[':stepsAt'] = { [step]: at };
    delete values[':at'];
    delete names[`#s${step}`];
  }
  if (!last) {
    set.push('GSI3SK = :next');
    values[':next'] = watchKeys.dueSk(stepAt(deadline, (step + 1) as EscalationStep, delays).toISOString(), w.stayId, w.date, w.slot);
  }
  if (step === 3) {
    // The team's follow-up: listed until they mark it done with a note.
    set.push('followUp = :fu', 'GSI1PK = :fpk', 'GSI1SK = :fsk');
    // Assigned to the member on duty for the slot: their own worklist shows it.
    values[':fu'] = { openedAt: at, ...(recipient && recipient.role !== 'supervisor' ? { role: recipient.role, ...(recipient.name ? { assignee: recipient.name } : {}) } : {}) };
    values[':fpk'] = watchKeys.followUpPk(facility.facilityId);
    values[':fsk'] = watchKeys.followUpSk(w.deadlineAt, w.stayId);
  }
  const update = `SET ${set.join(', ')}${last ? ' REMOVE GSI3PK, GSI3SK' : ''}`;
  let lost = false;
  await transactWithRetry(
    [
      putReminderOnce(tableName(), reminder),
      {
        Update: {
          TableName: tableName(),
          Key: watchKeys.key(w.stayId, w.date, w.slot),
          UpdateExpression: update,
          ConditionExpression: 'step = :prev AND attribute_exists(GSI3PK)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
    ],
    (reasons) => {
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
        lost = true;
        return new StepTakenError();
      }
      return undefined;
    },
  ).catch((err) => {
    if (!(err instanceof StepTakenError)) throw err;
  });
  return !lost;
}

class StepTakenError extends Error {}

const FACILITY_CONCURRENCY = 4;
const WATCH_CONCURRENCY = 8;

export async function missedReports(ctx: JobContext): Promise<MissedReportsResult> {
  const meter = new ReadMeter();
  const facilities = await facilitiesIn(ctx, meter);
  const steps: Record<EscalationStep, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let due = 0;
  let settled = 0;
  await mapWithConcurrency(facilities, FACILITY_CONCURRENCY, async (facility) => {
    const watches = await dueWatches(facility.facilityId, ctx.now, meter);
    if (watches.length === 0) return;
    due += watches.length;
    const stays = await staysOf(watches.map((w) => w.stayId), meter);
    const delays = escalationDelays(facility.policy);
    // The teams of the stays due (one read per team, not per stay): who is on duty.
    const teams = new Map<string, Promise<Team | undefined>>();
    const teamOf = (teamId: string | undefined) => {
      if (!teamId) return Promise.resolve(undefined);
      if (!teams.has(teamId)) {
        meter.items++;
        teams.set(teamId, getTeam(facility.facilityId, teamId));
      }
      return teams.get(teamId)!;
    };
    await mapWithConcurrency(watches, WATCH_CONCURRENCY, async (w) => {
      const stay = stays.get(w.stayId);
      const open = stay !== undefined && OPEN_STATUSES.includes(stay.status) && w.date <= stay.schedule.endDate && 'nameNative' in (stay.person ?? {});
      if (!open) {
        await endWatch(w.stayId, w, 'closed', ctx.now);
        settled++;
        return;
      }
      // A reading is on file (its watch was not settled, e.g. a crash after the check was written): nothing to escalate.
      if (stay.checkMarks?.[w.date]?.[w.slot]) {
        await endWatch(w.stayId, w, 'reported', ctx.now);
        await ensureWatch(stay, facility, nextSlot(w), ctx.now);
        settled++;
        return;
      }
      const due = stepsDue(new Date(w.deadlineAt), w.step, ctx.now, delays);
      const team = due.includes(3) ? await teamOf(stay.teamId ?? w.teamId) : undefined;
      for (const step of due) {
        if (!(await takeStep(w, stay, facility, team, step, ctx.now))) break;
        steps[step]++;
        // The deadline passed: the next slot is watched from now on, reported or not.
        if (step === 1) await ensureWatch(stay, facility, nextSlot(w), ctx.now);
      }
    });
  });
  return { job: 'missed-reports', at: ctx.now.toISOString(), itemsRead: meter.items, facilities: facilities.length, due, steps, settled };
}
