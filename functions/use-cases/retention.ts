import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditKeys, auditPut } from '../entities/audit.js';
import { checkKeys } from '../entities/check.js';
import { departureKeys } from '../entities/departure.js';
import { documentKeys, listStayDocuments } from '../entities/document.js';
import { dueKeys } from '../entities/due-item.js';
import { countStayUpdate } from '../entities/facility-stats.js';
import { situationKeys } from '../entities/situation.js';
import { getStayRecord, isAnonymized, stayKeys, type AnonymousPerson, type Stay } from '../entities/stay.js';
import { addDays, localDate } from '../domain/calendar.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { config } from '../shared/config.js';
import { db, tableName } from '../shared/db.js';
import type { JobContext, JobResult } from '../shared/job.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { facilitiesIn, openDue, ReadMeter, type DueRow } from './due-jobs.js';

// Retention: personal data of stays closed RETENTION_DAYS days ago or earlier is
// removed; anonymous counts stay. Closing a stay (release, transfer) opens a PURGE
// due item dated with the facility-local close date, so the job reads only the
// sparse GSI3 (FACILITY#<id>#DUE#PURGE / <closeDate>#<stayId>) up to today - N, per
// facility in its time zone: no Scan, reads flat as the table grows.
//
// Per stay, ONE conditional transaction anonymizes the stay item (and drops its
// GSI2 document key), resolves the PURGE item, adds the stay to the facility's
// monthly counts and writes the audit entry; it also deletes the situations (free
// text) and the departure, removes check notes and strips the documents'
// snapshots (holder, tests) and download key hashes. The stay's version and
// `attribute_not_exists(anonymizedAt)` make it run once: a second run finds no open
// PURGE item, and a racing run's transaction is cancelled. Should the clean-up
// ever exceed one transaction (100 items), it is written first in chunks, all of it
// idempotent, and the anonymizing transaction last: a failure in between leaves
// the PURGE item open and the next run finishes the job.

export const RETENTION_ACTOR = 'job:retention';
const MAX_TX_ITEMS = 100;
const FACILITY_CONCURRENCY = 2;
const STAY_CONCURRENCY = 4;

/** Stay attributes that hold personal data or free text (besides `person`, replaced). */
const REMOVED_STAY_FIELDS = ['diet', 'ethnicity', 'notes', 'departure'] as const;

export interface RetentionResult extends JobResult {
  job: 'retention';
  at: string;
  retentionDays: number;
  facilities: number;
  /** Open PURGE items read (stays closed on or before the cut-off). */
  due: number;
  anonymized: number;
  /** Due stays left as they were (changed meanwhile or already handled by a racing run). */
  skipped: number;
  anonymizedStayIds: string[];
}

export function anonymousPerson(stay: Stay): AnonymousPerson {
  const year = Number(stay.person.birthDate.slice(0, 4));
  return { sex: stay.person.sex, nationality: stay.person.nationality, language: stay.person.language, ...(Number.isInteger(year) ? { birthYear: year } : {}) };
}

/** Audit actions whose `changes` carry staff free text (a reason), which may name people. */
const AUDIT_ACTIONS_WITH_TEXT = new Set(['schedule_changed', 'check_corrected', 'check_replaced']);

/** The stay's own items that hold free text: situations, check notes, the departure, audit reasons. */
async function personalItemsOf(stayId: string, meter: ReadMeter): Promise<{ situations: string[]; checkNotes: string[]; departure: boolean; auditReasons: string[] }> {
  const found = { situations: [] as string[], checkNotes: [] as string[], departure: false, auditReasons: [] as string[] };
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId) },
        ProjectionExpression: 'SK, #note, #action',
        ExpressionAttributeNames: { '#note': 'note', '#action': 'action' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    meter.items += out.ScannedCount ?? out.Items?.length ?? 0;
    for (const item of out.Items ?? []) {
      const sk = String(item.SK);
      if (sk.startsWith(situationKeys.prefix)) found.situations.push(sk);
      else if (sk.startsWith(checkKeys.prefix) && (item.note !== undefined || item.corrections !== undefined)) found.checkNotes.push(sk);
      else if (sk === departureKeys.key(stayId).SK) found.departure = true;
      else if (sk.startsWith(auditKeys.prefix) && AUDIT_ACTIONS_WITH_TEXT.has(String(item.action))) found.auditReasons.push(sk);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

type Outcome = 'anonymized' | 'skipped';

async function anonymizeStay(row: DueRow & { facilityId: string }, now: Date, meter: ReadMeter): Promise<Outcome> {
  const at = now.toISOString();
  const dueKey = dueKeys.key(row.stayId, 'PURGE', row.dueDate);
  const resolveDue = {
    Update: {
      TableName: tableName(),
      Key: dueKey,
      UpdateExpression: 'SET #state = :resolved, resolvedAt = :at, resolvedBy = :by REMOVE GSI3PK, GSI3SK',
      ConditionExpression: '#state = :open',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':resolved': 'resolved', ':open': 'open', ':at': at, ':by': RETENTION_ACTOR },
    },
  };
  const cancelled = (reasons: { Code?: string }[]) => (reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? new Skip() : undefined);

  const stay = await getStayRecord(row.stayId, true);
  meter.items++;
  if (!stay || isAnonymized(stay)) {
    // Nothing personal left (a stay cannot vanish; this is only defensive): just resolve the item.
    return runOrSkip([resolveDue], cancelled);
  }
  if (stay.status !== 'released' && stay.status !== 'transferred') return 'skipped';

  const [own, documents] = await Promise.all([personalItemsOf(stay.stayId, meter), listStayDocuments(stay.stayId)]);
  meter.items += documents.length;
  const pk = stayKeys.pk(stay.stayId);
  const cleanUp: TxItems = [
    ...own.situations.map((SK) => ({ Delete: { TableName: tableName(), Key: { PK: pk, SK } } })),
    ...own.checkNotes.map((SK) => ({
      Update: { TableName: tableName(), Key: { PK: pk, SK }, UpdateExpression: 'REMOVE #note, corrections', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#note': 'note' } },
    })),
    ...(own.departure ? [{ Delete: { TableName: tableName(), Key: departureKeys.key(stay.stayId) } }] : []),
    ...own.auditReasons.map((SK) => ({
      Update: {
        TableName: tableName(),
        Key: { PK: pk, SK },
        UpdateExpression: 'SET #changes.#reason = :removed',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#changes': 'changes', '#reason': 'reason' },
        ExpressionAttributeValues: { ':removed': '(removed by retention)' },
      },
    })),
    ...documents
      .filter((d) => d.anonymizedAt === undefined)
      .map((d) => ({
        Update: {
          TableName: tableName(),
          Key: documentKeys.key(d.documentId),
          // Without the key hash no download can succeed; verification keeps state, type, issue date, facility.
          UpdateExpression: 'SET anonymizedAt = :at REMOVE keyHash, #snapshot.#holder, #snapshot.#tests, revokedReason',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#snapshot': 'snapshot', '#holder': 'holder', '#tests': 'tests' },
          ExpressionAttributeValues: { ':at': at },
        },
      })),
  ];

  const transfer = (stay as Stay & { transfer?: Record<string, unknown> }).transfer;
  const transferText = transfer ? ['destination', 'note'].filter((k) => k in transfer) : [];
  const core: TxItems = [
    {
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(stay.stayId),
        UpdateExpression: `SET #person = :person, anonymizedAt = :at, updatedAt = :at, version = version + :one REMOVE GSI2PK, GSI2SK, ${[
          ...REMOVED_STAY_FIELDS.map((f) => `#${f}`),
          ...transferText.map((k) => `#transfer.#${k}`),
        ].join(', ')}`,
        ConditionExpression: 'attribute_not_exists(anonymizedAt) AND version = :version AND #status = :status',
        // Names for every attribute: several (status, notes, transfer...) are DynamoDB reserved words.
        ExpressionAttributeNames: {
          '#status': 'status',
          '#person': 'person',
          ...Object.fromEntries(REMOVED_STAY_FIELDS.map((f) => [`#${f}`, f])),
          ...(transferText.length ? { '#transfer': 'transfer', ...Object.fromEntries(transferText.map((k) => [`#${k}`, k])) } : {}),
        },
        ExpressionAttributeValues: { ':person': anonymousPerson(stay), ':at': at, ':one': 1, ':version': stay.version, ':status': stay.status },
      },
    },
    resolveDue,
    countStayUpdate({ facilityId: stay.facilityId, month: row.dueDate.slice(0, 7), status: stay.status, category: stay.category, at }),
    auditPut({
      stayId: stay.stayId,
      at,
      actor: RETENTION_ACTOR,
      action: 'anonymize',
      changes: {
        closedDate: row.dueDate,
        removed: ['person.names', 'person.document', 'person.phone', 'person.birthDate', ...REMOVED_STAY_FIELDS, ...transferText.map((k) => `transfer.${k}`)],
        situationsDeleted: own.situations.length,
        checkNotesRemoved: own.checkNotes.length,
        departureDeleted: own.departure,
        documentsStripped: documents.filter((d) => d.anonymizedAt === undefined).map((d) => d.documentId),
      },
    }),
  ];

  if (core.length + cleanUp.length <= MAX_TX_ITEMS) return runOrSkip([...core, ...cleanUp], cancelled);
  // Too much for one transaction: the idempotent clean-up first, the anonymization last.
  for (let i = 0; i < cleanUp.length; i += MAX_TX_ITEMS) await transactWithRetry(cleanUp.slice(i, i + MAX_TX_ITEMS), () => undefined);
  return runOrSkip(core, cancelled);
}

class Skip extends Error {}

async function runOrSkip(items: TxItems, explain: (reasons: { Code?: string }[]) => Error | undefined): Promise<Outcome> {
  try {
    await transactWithRetry(items, explain);
    return 'anonymized';
  } catch (err) {
    if (err instanceof Skip) return 'skipped';
    throw err;
  }
}

export async function retention(ctx: JobContext, opts: { retentionDays?: number } = {}): Promise<RetentionResult> {
  const retentionDays = opts.retentionDays ?? config().RETENTION_DAYS;
  const meter = new ReadMeter();
  const facilities = await facilitiesIn(ctx, meter);
  const anonymizedStayIds: string[] = [];
  let due = 0;
  let skipped = 0;
  await mapWithConcurrency(facilities, FACILITY_CONCURRENCY, async (facility) => {
    const cutoff = addDays(localDate(ctx.now, facility.timeZone), -retentionDays);
    const rows = await openDue(facility.facilityId, 'PURGE', cutoff, meter);
    due += rows.length;
    await mapWithConcurrency(rows, STAY_CONCURRENCY, async (row) => {
      const outcome = await anonymizeStay({ ...row, facilityId: facility.facilityId }, ctx.now, meter);
      if (outcome === 'anonymized') anonymizedStayIds.push(row.stayId);
      else skipped++;
    });
  });
  return {
    job: 'retention',
    at: ctx.now.toISOString(),
    itemsRead: meter.items,
    retentionDays,
    facilities: facilities.length,
    due,
    anonymized: anonymizedStayIds.length,
    skipped,
    anonymizedStayIds: anonymizedStayIds.sort(),
  };
}
