import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { reminderKeys } from '../entities/reminder.js';
import { sampleKeys } from '../entities/sample.js';
import { queryAllCounted } from '../entities/partition.js';
import { localDate } from '../domain/calendar.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { db, tableName } from '../shared/db.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import type { ReadMeter } from './due-jobs.js';

// The two sweeps of the retention job besides the stays, both reading only what is
// old enough through an index sorted by date (no Scan):
//
// - Reminders: their lines name people. DynamoDB's TTL deletes them after the same
//   period, but only "within days", so the job deletes those created on or before
//   the facility-local cut-off date itself (GSI1 FACILITY#<id>#REMINDERS /
//   <createdAt>#<id>, read from the oldest up to cut-off + 1 day).
// - Unmatched lab samples: no stay ever took them, and they carry the travel document
//   the lab sent. The unmatched queue (GSI1 LAB#UNMATCHED / <updatedAt>#<labId>#<sampleId>)
//   is sorted by last update, so those untouched for the period are its oldest
//   entries; each is deleted with its history in one transaction, conditioned on it
//   still being unmatched and unchanged (an assignment or a new report meanwhile wins).

const CONCURRENCY = 4;
const MAX_TX_ITEMS = 100;

/** Deletes a facility's reminders created on or before `cutoffDate` (facility-local). */
export async function purgeOldReminders(facilityId: string, timeZone: string, cutoffDate: string, now: Date, retentionDays: number, meter: ReadMeter): Promise<number> {
  // Created before this instant covers every local date up to the cut-off (zones are within ±14 h).
  const upper = new Date(now.getTime() - (retentionDays - 2) * 86_400_000).toISOString();
  const old: { PK: string; SK: string }[] = [];
  const queried = await queryAllCounted(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :upper',
      ExpressionAttributeValues: { ':pk': reminderKeys.listPk(facilityId), ':upper': upper },
      ProjectionExpression: 'PK, SK, createdAt',
    },
    meter,
  );
  for (const item of queried) {
    if (localDate(String(item.createdAt), timeZone) <= cutoffDate) old.push({ PK: String(item.PK), SK: String(item.SK) });
  }
  await mapWithConcurrency(old, CONCURRENCY, (key) => db().send(new DeleteCommand({ TableName: tableName(), Key: key })));
  return old.length;
}

/** Deletes unmatched samples (and their history) last updated before `cutoff`; only those of `labIds` when given. */
export async function purgeOldUnmatchedSamples(cutoff: Date, meter: ReadMeter, labIds?: readonly string[]): Promise<number> {
  const rows: { labId: string; sampleId: string; updatedAt: string }[] = [];
  const queried = await queryAllCounted(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :cutoff',
      ExpressionAttributeValues: { ':pk': sampleKeys.unmatchedPk, ':cutoff': cutoff.toISOString() },
      ProjectionExpression: 'labId, sampleId, updatedAt',
    },
    meter,
  );
  for (const item of queried) {
    if (!labIds || labIds.includes(String(item.labId))) rows.push({ labId: String(item.labId), sampleId: String(item.sampleId), updatedAt: String(item.updatedAt) });
  }
  const deleted = await mapWithConcurrency(rows, CONCURRENCY, (row) => deleteUnmatchedSample(row, meter));
  return deleted.filter(Boolean).length;
}

class Changed extends Error {}

async function deleteUnmatchedSample(row: { labId: string; sampleId: string; updatedAt: string }, meter: ReadMeter): Promise<boolean> {
  const pk = sampleKeys.pk(row.labId, row.sampleId);
  const versions: TxItems = [];
  const queried = await queryAllCounted(
    { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)', ExpressionAttributeValues: { ':pk': pk, ':v': sampleKeys.versionPrefix }, ProjectionExpression: 'SK', ConsistentRead: true },
    meter,
  );
  for (const item of queried) versions.push({ Delete: { TableName: tableName(), Key: { PK: pk, SK: String(item.SK) } } });
  const sample = {
    Delete: {
      TableName: tableName(),
      Key: sampleKeys.key(row.labId, row.sampleId),
      ConditionExpression: '#state = :unmatched AND updatedAt = :updatedAt',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':unmatched': 'unmatched', ':updatedAt': row.updatedAt },
    },
  };
  // A long history first, in chunks (all of it older than the period), the sample last.
  while (versions.length > MAX_TX_ITEMS - 1) await transactWithRetry(versions.splice(0, MAX_TX_ITEMS), () => undefined);
  try {
    await transactWithRetry([sample, ...versions], (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? new Changed() : undefined));
    return true;
  } catch (err) {
    if (err instanceof Changed) return false;
    throw err;
  }
}
