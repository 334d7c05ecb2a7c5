import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckRecord } from '../entities/check.js';
import type { Facility } from '../entities/facility.js';
import { newWatchItem, watchKeys, type ReportWatch } from '../entities/report-watch.js';
import type { Stay } from '../entities/stay.js';
import { firstOpenSlot, nextSlot, slotDeadline, slotDeadlines, type SlotRef } from '../domain/self-report.js';
import { db, tableName } from '../shared/db.js';
import { errorFields, logger } from '../shared/logger.js';

// Starting, moving and settling the watch over a stay's report slots (entities/
// report-watch.ts). A stay is watched from the moment its personal link is issued:
// the first slot whose deadline is ahead; then each slot's reading (or the job at
// its deadline) opens the next one, until the end of observation.

type WatchedStay = Pick<Stay, 'stayId' | 'facilityId' | 'schedule'> & { teamId?: string };

const policyOf = (f: Facility) => f.policy as Facility['policy'] & Parameters<typeof slotDeadlines>[0];

/** Opens the watch of slot `s` unless it exists (or lies after the stay's end). */
export async function ensureWatch(stay: WatchedStay, facility: Facility, s: SlotRef, now: Date): Promise<boolean> {
  if (s.date > stay.schedule.endDate || s.date < stay.schedule.day1Date) return false;
  const watch: ReportWatch = {
    stayId: stay.stayId,
    facilityId: stay.facilityId,
    date: s.date,
    slot: s.slot,
    deadlineAt: slotDeadline(s.date, s.slot, slotDeadlines(policyOf(facility)), facility.timeZone).toISOString(),
    step: 0,
    state: 'watching',
    ...(stay.teamId ? { teamId: stay.teamId } : {}),
    createdAt: now.toISOString(),
  };
  try {
    await db().send(new PutCommand({ TableName: tableName(), Item: newWatchItem(watch), ConditionExpression: 'attribute_not_exists(PK)' }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Starts watching a stay (its personal link was issued): the next slot whose deadline is ahead. */
export async function startWatch(stay: WatchedStay, facility: Facility, now: Date): Promise<void> {
  const first = firstOpenSlot(now, facility.timeZone, slotDeadlines(policyOf(facility)), stay.schedule.day1Date, stay.schedule.endDate);
  if (first) await ensureWatch(stay, facility, first, now);
}

/** Takes a watch off the job's index (reported, or nothing more to do). False when there was no watch. */
export async function endWatch(stayId: string, s: SlotRef, state: 'reported' | 'closed', now: Date): Promise<boolean> {
  const update = async (setState: boolean) =>
    db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: watchKeys.key(stayId, s.date, s.slot),
        UpdateExpression: `SET ${setState ? '#state = :state, ' : ''}${state === 'reported' ? 'reportedAt' : 'closedAt'} = :now REMOVE GSI3PK, GSI3SK`,
        // Only a slot not yet escalated changes state: an escalated one stays so (its follow-up is the team's to close).
        ConditionExpression: setState ? 'attribute_exists(PK) AND #state = :watching' : 'attribute_exists(PK)',
        ...(setState ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
        ExpressionAttributeValues: { ':now': now.toISOString(), ...(setState ? { ':state': state, ':watching': 'watching' } : {}) },
      }),
    );
  for (const setState of [true, false]) {
    try {
      await update(setState);
      return true;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  return false;
}

/**
 * After a reading was written: the slot's watch ends and the next slot's begins.
 * Best effort: the check is already stored, and the job reads the stay's check marks
 * before it escalates, so a failure here never sends a reminder for a reported slot.
 */
export async function settleWatch(stay: WatchedStay, facility: Facility, check: Pick<CheckRecord, 'date' | 'slot'>, now: Date): Promise<void> {
  try {
    const watched = await endWatch(stay.stayId, check, 'reported', now);
    if (watched) await ensureWatch(stay, facility, nextSlot(check), now);
  } catch (err) {
    logger.warn('report watch not settled', { stayId: stay.stayId, ...errorFields(err) });
  }
}
