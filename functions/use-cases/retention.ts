import { ledgerKeys } from '../entities/schedule-ledger.js';
import { auditKeys, auditPut } from '../entities/audit.js';
import { checkKeys } from '../entities/check.js';
import { departureKeys } from '../entities/departure.js';
import { documentKeys, listStayDocuments } from '../entities/document.js';
import { dueKeys } from '../entities/due-item.js';
import { countStayUpdate } from '../entities/facility-stats.js';
import { situationKeys } from '../entities/situation.js';
import { sampleKeys } from '../entities/sample.js';
import { getStayRecord, isAnonymized, stayKeys, type AnonymousPerson, type Stay } from '../entities/stay.js';
import { testResultKeys } from '../entities/test-result.js';
import { queryAllCounted } from '../entities/partition.js';
import { addDays, localDate } from '../domain/calendar.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { config } from '../shared/config.js';
import { tableName } from '../shared/db.js';
import type { JobContext, JobResult } from '../shared/job.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { facilitiesIn, openDue, ReadMeter, type DueRow } from './due-jobs.js';
import { purgeOldReminders, purgeOldUnmatchedSamples } from './retention-sweeps.js';

// Retention: personal data of stays closed RETENTION_DAYS days ago or earlier is
// removed; anonymous counts stay. Closing a stay (release, transfer) opens a PURGE
// due item dated with the facility-local close date, so the job reads only the
// sparse GSI3 (FACILITY#<id>#DUE#PURGE / <closeDate>#<stayId>) up to today - N, per
// facility in its time zone: no Scan, reads flat as the table grows.
//
// Per stay, ONE conditional transaction anonymizes the stay item (and drops its
// GSI2 document key), resolves the PURGE item, adds the stay to the facility's
// monthly counts and writes the audit entry; it also deletes the situations (free
// text) and the departure, removes check notes and audit reasons, strips the
// documents' snapshots (holder, tests, flight) and download key hashes, and removes
// the travel document number from the stay's lab samples and every version of them.
// retention-sweeps.ts then deletes old reminders and old unmatched samples. The stay's version and
// `attribute_not_exists(anonymizedAt)` make it run once: a second run finds no open
// PURGE item, and a racing run's transaction is cancelled. Should the clean-up
// ever exceed one transaction (100 items), it is written first in chunks, all of it
// idempotent, and the anonymizing transaction last: a failure in between leaves
// the PURGE item open and the next run finishes the job.

export const RETENTION_ACTOR = 'job:retention';
const MAX_TX_ITEMS = 100;
const FACILITY_CONCURRENCY = 2;
const STAY_CONCURRENCY = 4;

/**
 * Stay attributes that hold personal data or free text (besides `person`, emptied):
 * the anonymous stay keeps only what the monthly counts need (status, category,
 * schedule dates) and its ids, policy and room.
 */
const REMOVED_STAY_FIELDS = ['diet', 'ethnicity', 'notes', 'departure', 'arrival', 'specialConditions', 'healthSignoff', 'home', 'endCheck', 'cancellation'] as const;

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
  /** Reminders created on or before the cut-off date (their lines name people). */
  remindersDeleted: number;
  /** Unmatched lab samples untouched for the period, deleted with their history. */
  unmatchedSamplesDeleted: number;
}

/** Nothing of the person is kept: the counts do not need sex, age or nationality. */
export function anonymousPerson(): AnonymousPerson {
  return {};
}

interface PersonalItems {
  situations: string[];
  checkNotes: string[];
  departure: boolean;
  /** Audit entries whose `changes.reason` is staff free text, which may name people. */
  auditReasons: string[];
  /** End-date ledger entries (entities/schedule-ledger.ts): their `reason` is staff free text too. */
  ledgerReasons: string[];
  /** Lab samples on the file: their items keep the travel document the lab sent. */
  samples: { labId: string; sampleId: string }[];
}

/** The stay's own items that hold free text or lead to personal data: situations, check notes, the departure, audit reasons, samples. */
async function personalItemsOf(stayId: string, meter: ReadMeter): Promise<PersonalItems> {
  const found: PersonalItems = { situations: [], checkNotes: [], departure: false, auditReasons: [], ledgerReasons: [], samples: [] };
  const queried = await queryAllCounted(
    {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId) },
      // corrections: a check's correction history holds each correction's free-text reason.
      ProjectionExpression: 'SK, #note, corrections, #changes.#reason, #reason, labId, sampleId',
      ExpressionAttributeNames: { '#note': 'note', '#changes': 'changes', '#reason': 'reason' },
      ConsistentRead: true,
    },
    meter,
  );
  for (const item of queried) {
    const sk = String(item.SK);
    if (sk.startsWith(situationKeys.prefix)) found.situations.push(sk);
    else if (sk.startsWith(checkKeys.prefix) && (item.note !== undefined || item.corrections !== undefined)) found.checkNotes.push(sk);
    else if (sk === departureKeys.key(stayId).SK) found.departure = true;
    else if (sk.startsWith(auditKeys.prefix) && (item.changes as { reason?: unknown } | undefined)?.reason !== undefined) found.auditReasons.push(sk);
    else if (sk.startsWith(ledgerKeys.prefix) && item.reason !== undefined) found.ledgerReasons.push(sk);
    else if (sk.startsWith(testResultKeys.prefix) && item.labId !== undefined) found.samples.push({ labId: String(item.labId), sampleId: String(item.sampleId) });
  }
  return found;
}

/**
 * Updates removing the travel document number from a sample and every version of its
 * history (the lab's copy of whom it belongs to). Type and country stay; the result,
 * times and the stay it is matched to stay with the anonymous file.
 */
async function sampleDocumentRemovals(samples: PersonalItems['samples'], meter: ReadMeter): Promise<TxItems> {
  const names = { '#current': 'current', '#subject': 'subject', '#document': 'document', '#number': 'number' };
  const perSample = await mapWithConcurrency(samples, STAY_CONCURRENCY, async ({ labId, sampleId }) => {
    const items: TxItems = [];
    const queried = await queryAllCounted(
      {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': sampleKeys.pk(labId, sampleId) },
        ProjectionExpression: 'PK, SK, #subject.#document.#number, #current.#subject.#document.#number',
        ExpressionAttributeNames: names,
        ConsistentRead: true,
      },
      meter,
    );
    for (const item of queried) {
      const onSample = item.SK === 'SAMPLE';
      const subject = (onSample ? (item.current as { subject?: unknown } | undefined)?.subject : item.subject) as { document?: { number?: string } } | undefined;
      if (subject?.document?.number === undefined) continue;
      items.push({
        Update: {
          TableName: tableName(),
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: onSample ? 'REMOVE #current.#subject.#document.#number' : 'REMOVE #subject.#document.#number',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: onSample ? names : { '#subject': 'subject', '#document': 'document', '#number': 'number' },
        },
      });
    }
    return items;
  });
  return perSample.flat();
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
  if (stay.status !== 'released' && stay.status !== 'transferred' && stay.status !== 'continued' && stay.status !== 'cancelled') return 'skipped';

  const [own, documents] = await Promise.all([personalItemsOf(stay.stayId, meter), listStayDocuments(stay.stayId)]);
  meter.items += documents.length;
  const sampleUpdates = await sampleDocumentRemovals(own.samples, meter);
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
        // A correction of the person's data (edit-person.ts) also kept the values before and after.
        UpdateExpression: 'SET #changes.#reason = :removed REMOVE #changes.#before, #changes.#after',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#changes': 'changes', '#reason': 'reason', '#before': 'before', '#after': 'after' },
        ExpressionAttributeValues: { ':removed': '(removed by retention)' },
      },
    })),
    ...own.ledgerReasons.map((SK) => ({
      Update: {
        TableName: tableName(),
        Key: { PK: pk, SK },
        UpdateExpression: 'SET #reason = :removed',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#reason': 'reason' },
        ExpressionAttributeValues: { ':removed': '(removed by retention)' },
      },
    })),
    ...sampleUpdates,
    ...documents
      .filter((d) => d.anonymizedAt === undefined)
      .map((d) => ({
        Update: {
          TableName: tableName(),
          Key: documentKeys.key(d.documentId),
          // Without the key hash no download can succeed; verification keeps state, type, issue date, facility.
          // The temperature-log facts, the retest's sample and a doctor's note are the person's health data too;
          // the flight goes too, as it goes from the stay (travel history).
          UpdateExpression: 'SET anonymizedAt = :at REMOVE keyHash, #snapshot.#holder, #snapshot.#tests, #snapshot.#observation, #snapshot.#retest, #snapshot.#signoff, #snapshot.#stay.#flight, revokedReason',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#snapshot': 'snapshot', '#holder': 'holder', '#tests': 'tests', '#observation': 'observation', '#retest': 'retest', '#signoff': 'signoff', '#stay': 'stay', '#flight': 'flightNumber' },
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
        ExpressionAttributeValues: { ':person': anonymousPerson(), ':at': at, ':one': 1, ':version': stay.version, ':status': stay.status },
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
        removed: ['person', ...REMOVED_STAY_FIELDS, ...transferText.map((k) => `transfer.${k}`)],
        sampleDocumentsRemoved: sampleUpdates.length,
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
  let remindersDeleted = 0;
  await mapWithConcurrency(facilities, FACILITY_CONCURRENCY, async (facility) => {
    const cutoff = addDays(localDate(ctx.now, facility.timeZone), -retentionDays);
    const rows = await openDue(facility.facilityId, 'PURGE', cutoff, meter);
    due += rows.length;
    await mapWithConcurrency(rows, STAY_CONCURRENCY, async (row) => {
      const outcome = await anonymizeStay({ ...row, facilityId: facility.facilityId }, ctx.now, meter);
      if (outcome === 'anonymized') anonymizedStayIds.push(row.stayId);
      else skipped++;
    });
    remindersDeleted += await purgeOldReminders(facility.facilityId, facility.timeZone, cutoff, ctx.now, retentionDays, meter);
  });
  // The unmatched queue belongs to no facility: a run limited to some facilities leaves it
  // alone unless it names labs too (manual runs, tests sharing a table).
  const unmatchedSamplesDeleted =
    ctx.facilityIds && !ctx.labIds ? 0 : await purgeOldUnmatchedSamples(new Date(ctx.now.getTime() - retentionDays * 86_400_000), meter, ctx.labIds);
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
    remindersDeleted,
    unmatchedSamplesDeleted,
  };
}
