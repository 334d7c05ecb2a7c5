import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reminderKeys, type Reminder } from '../entities/reminder.js';
import { e164, missedReportText, notificationOf, type Notifier } from '../ports/notifier.js';
import { getStay, OPEN_STATUSES } from '../entities/stay.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { db, tableName } from '../shared/db.js';
import type { JobResult } from '../shared/job.js';
import { errorFields, logger } from '../shared/logger.js';
import { putMetric } from '../shared/metrics.js';

// Drains the reminder outbox (GSI2 OUTBOX, only undelivered reminders carry those
// keys) through the Notifier port. Each reminder is first claimed with a short
// lease (a conditional update), so two runs at once never both send it; then sent;
// then marked delivered, which removes its outbox keys. A failed send counts the
// attempt, keeps the error code and releases the claim: the reminder stays in the
// outbox and the next run tries again. Nothing is ever dropped. (Delivery is at
// least once: a crash between send and mark sends it again after the lease.)

export interface DeliverOptions {
  /** Only these facilities' reminders (manual runs, tests); default: all. */
  facilityIds?: string[];
  /** At most this many reminders per run (the rest wait for the next run). */
  max?: number;
  leaseSeconds?: number;
}

export interface DeliverResult extends JobResult {
  job: 'deliver-reminders';
  at: string;
  notifier: string;
  pending: number;
  delivered: number;
  failed: number;
  /** Claimed by another run, or delivered meanwhile. */
  skipped: number;
  /** Age of the oldest reminder read that is still undelivered after this run (0: none); the alarm watches it. */
  oldestWaitingSeconds: number;
}

type ClaimedReminder = Reminder & { delivery: Reminder['delivery'] & { claimedUntil?: string } };

export async function deliverReminders(now: Date, notifier: Notifier, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const max = opts.max ?? 500;
  const leaseMs = (opts.leaseSeconds ?? 120) * 1000;
  const only = opts.facilityIds ? new Set(opts.facilityIds) : undefined;
  let itemsRead = 0;
  // Oldest first: the outbox sort key starts with createdAt.
  const pending: { PK: string; SK: string; facilityId: string; createdAt: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :outbox',
        ExpressionAttributeValues: { ':outbox': reminderKeys.outboxPk },
        ProjectionExpression: 'PK, SK, facilityId, createdAt',
        Limit: 100,
        ExclusiveStartKey: start,
      }),
    );
    itemsRead += out.ScannedCount ?? out.Items?.length ?? 0;
    for (const i of out.Items ?? []) {
      const facilityId = String(i.facilityId);
      if (!only || only.has(facilityId)) pending.push({ PK: String(i.PK), SK: String(i.SK), facilityId, createdAt: String(i.createdAt) });
    }
    start = out.LastEvaluatedKey;
  } while (start && pending.length < max);

  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const counts = { delivered: 0, failed: 0, skipped: 0 };
  const delivered = new Set<(typeof pending)[number]>();
  await mapWithConcurrency(pending.slice(0, max), 4, async (key) => {
    const reminder = await claim(key, at, until);
    if (!reminder) {
      counts.skipped++;
      return;
    }
    try {
      if (reminder.audience === 'person') await sendToPerson(notifier, reminder);
      else await notifier.send(notificationOf(reminder));
    } catch (err) {
      counts.failed++;
      const { errorName } = errorFields(err);
      logger.warn('reminder delivery failed', { reminderId: reminder.reminderId, facilityId: reminder.facilityId, attempts: reminder.delivery.attempts + 1, errorName });
      await release(key, until, at, String(errorName));
      return;
    }
    if (await markDelivered(key, until, at)) {
      counts.delivered++;
      delivered.add(key);
    }
  });
  const waiting = pending.filter((p) => !delivered.has(p));
  const oldestWaitingSeconds = waiting[0] ? Math.max(0, Math.round((now.getTime() - Date.parse(waiting[0].createdAt)) / 1000)) || 0 : 0;
  putMetric('OldestUndeliveredReminderAge', oldestWaitingSeconds);
  putMetric('UndeliveredReminders', waiting.length);
  return { job: 'deliver-reminders', at, notifier: notifier.name, itemsRead, pending: pending.length, ...counts, oldestWaitingSeconds };
}

/** Step 1-2 of a missed report: an SMS to the person, phone and language read from the stay now (never stored in the reminder). */
async function sendToPerson(notifier: Notifier, reminder: Reminder): Promise<void> {
  const stayId = reminder.lines[0]?.stayId;
  const stay = stayId ? await getStay(stayId) : undefined;
  // Closed or anonymized meanwhile, or no usable number: nothing to send (marked delivered, not retried forever).
  if (!stay || !OPEN_STATUSES.includes(stay.status)) return;
  const phone = e164(stay.person.phone);
  if (!phone) {
    logger.warn('sms: no E.164 phone number', { reminderId: reminder.reminderId });
    return;
  }
  const second = reminder.reminderId.endsWith('-s2');
  await notifier.sendToPerson({ reminderId: reminder.reminderId, phone, text: missedReportText(stay.person.language, reminder.slot ?? 'morning', second) });
}

async function claim(key: { PK: string; SK: string }, now: string, until: string): Promise<ClaimedReminder | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: key.PK, SK: key.SK },
        UpdateExpression: 'SET delivery.claimedUntil = :until',
        ConditionExpression: 'delivery.#state = :pending AND (attribute_not_exists(delivery.claimedUntil) OR delivery.claimedUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':until': until, ':pending': 'pending', ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as ClaimedReminder;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw err;
  }
}

async function markDelivered(key: { PK: string; SK: string }, until: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: key.PK, SK: key.SK },
        UpdateExpression: 'SET delivery.#state = :delivered, delivery.deliveredAt = :at, delivery.attempts = delivery.attempts + :one REMOVE GSI2PK, GSI2SK, delivery.claimedUntil, delivery.lastError',
        ConditionExpression: 'delivery.claimedUntil = :until',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':delivered': 'delivered', ':at': at, ':one': 1, ':until': until },
      }),
    );
    return true;
  } catch (err) {
    // Our lease ran out and another run took it over: it will mark it.
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

async function release(key: { PK: string; SK: string }, until: string, at: string, error: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: key.PK, SK: key.SK },
        UpdateExpression: 'SET delivery.attempts = delivery.attempts + :one, delivery.lastError = :error, delivery.lastAttemptAt = :at REMOVE delivery.claimedUntil',
        ConditionExpression: 'delivery.claimedUntil = :until',
        ExpressionAttributeValues: { ':one': 1, ':error': error.slice(0, 100), ':at': at, ':until': until },
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
}
