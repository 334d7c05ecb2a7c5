import { listStayDocuments } from '../entities/document.js';
import { getFacilityCached, type Facility } from '../entities/facility.js';
import { getLab } from '../entities/lab.js';
import { servesFacility, type LabScope } from '../domain/lab-scope.js';
import { getSample, sampleItem, sampleVersionItem, versionExists, type MatchedBy, type Sample, type UnmatchedReason } from '../entities/sample.js';
import { findStaysByDocument, getStay, type Stay } from '../entities/stay.js';
import { testResultItem, testResultKeys } from '../entities/test-result.js';
import { chooseStay, isNewer, toVersion, type LabResultVersion, type StayCandidate } from '../domain/lab-result.js';
import type { LabResultInput } from '../schemas/lab.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { tableName } from '../shared/db.js';
import { ServiceUnavailableError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { putMetricsByStatus } from '../shared/metrics.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { documentsToRevoke, stayEffects } from './lab-stay-effects.js';

// Storing a delivery of lab results. Each result is one transaction: its version in
// the sample's history (conditional put on a deterministic key: a resent report is
// refused there, however many deliveries race), the sample's current version if it
// is the latest report (conditional on the current version read), its copy on the
// stay's file, and its effects on the stay (lab-stay-effects.ts). Any condition
// that fails because of a concurrent change makes us read again and retry, so
// deliveries split, repeated, shuffled or racing end in the same state.
//
// Per result the answer is:
//   stored      first report of this sample, matched to a stay
//   superseded  a later report (greater resultedAt) replaced the sample's current one
//   duplicate   this exact report was already received: nothing written
//   stale       a report older than the current one: kept in history only (it does
//               not replace the current result; a positive still alerts the facility)
//   unmatched   now the current report, but no stay could be found: in the unmatched
//               queue (GET /lab/unmatched) until staff assign it

export type IngestStatus = 'stored' | 'superseded' | 'duplicate' | 'stale' | 'unmatched';

export interface IngestOutcome {
  index: number;
  sampleId: string;
  status: IngestStatus;
  /** The stay this report was matched to (also for stale reports). */
  stayId?: string;
  unmatchedReason?: UnmatchedReason;
}

export interface IngestReport {
  labId: string;
  received: number;
  counts: Record<IngestStatus, number>;
  results: IngestOutcome[];
}

/** Samples are independent; reports of one sample are applied in the order sent. */
const CONCURRENCY = 8;
const MAX_ATTEMPTS = 16;

export async function ingestLabResults(labId: string, results: readonly LabResultInput[], now = new Date()): Promise<IngestReport> {
  // Which facilities this lab serves, read once per delivery (domain/lab-scope.ts).
  const scope = (await getLab(labId))?.scope;
  const bySample = new Map<string, number[]>();
  results.forEach((r, i) => bySample.set(r.sampleId, [...(bySample.get(r.sampleId) ?? []), i]));
  const outcomes = new Array<IngestOutcome>(results.length);
  await mapWithConcurrency([...bySample.values()], CONCURRENCY, async (indexes) => {
    for (const i of indexes) outcomes[i] = { index: i, ...(await ingestOne(toVersion(labId, results[i]!), now, scope)) };
  });
  const counts: Record<IngestStatus, number> = { stored: 0, superseded: 0, duplicate: 0, stale: 0, unmatched: 0 };
  for (const o of outcomes) counts[o.status]++;
  putMetricsByStatus('LabResults', counts);
  return { labId, received: results.length, counts, results: outcomes };
}

type Match = { stay: Stay; facility: Facility; matchedBy: MatchedBy } | { reason: UnmatchedReason };

async function facilityOf(stay: Stay): Promise<Facility> {
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new Error(`Stay ${stay.stayId} names a facility that does not exist`);
  return facility;
}

/** Whose result is it? The stay id the lab sent, else the document rule (domain/lab-result.ts), else a staff assignment. */
async function resolveStay(v: LabResultVersion, sample: Sample | undefined): Promise<Match> {
  let reason: UnmatchedReason;
  if ('stayId' in v.subject) {
    const stay = await getStay(v.subject.stayId, true);
    if (stay) return { stay, facility: await facilityOf(stay), matchedBy: 'stay_id' };
    reason = 'unknown_stay';
  } else {
    // A hotel part that continued at home hands its results to the home part (the open stay); a cancelled no-show was never there.
    const stays = (await findStaysByDocument(v.subject.document, 10)).filter((s) => s.status !== 'continued' && s.status !== 'cancelled');
    const candidates: StayCandidate[] = await Promise.all(
      stays.map(async (s) => ({ stayId: s.stayId, day1Date: s.schedule.day1Date, releaseDate: s.schedule.releaseDate, timeZone: (await facilityOf(s)).timeZone })),
    );
    const choice = chooseStay(candidates, v.collectedAt);
    if ('stayId' in choice) {
      // The index copy may lag: read the stay itself (its version is what we condition on).
      const stay = await getStay(choice.stayId, true);
      if (stay) return { stay, facility: await facilityOf(stay), matchedBy: 'document' };
    }
    reason = 'reason' in choice ? choice.reason : 'no_stay_for_document';
  }
  if (sample?.assignedStayId) {
    const stay = await getStay(sample.assignedStayId, true);
    if (stay) return { stay, facility: await facilityOf(stay), matchedBy: 'assignment' };
  }
  return { reason };
}

class DuplicateVersion extends Error {}
class ReadAgain extends Error {}
class RoomMismatch extends Error {}
class ReminderExists extends Error {
  constructor(readonly reminderId: string) {
    super(reminderId);
  }
}

/** A stay the lab has no business reporting on is no match: the result waits for the admins instead. */
function withinScope(match: Match, scope: LabScope | undefined): Match {
  // A person's hand assignment (assign-sample) is a decision already taken for this sample.
  if (!('stay' in match) || match.matchedBy === 'assignment' || servesFacility(scope, match.stay.facilityId)) return match;
  return { reason: 'outside_lab_scope' };
}

async function ingestOne(v: LabResultVersion, now: Date, scope: LabScope | undefined): Promise<Omit<IngestOutcome, 'index'>> {
  let withRoom = true;
  const skipReminders = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [sample, seen] = await Promise.all([getSample(v.labId, v.sampleId), versionExists(v.labId, v.sampleId, v.versionKey)]);
    if (seen) return duplicate(v, sample);
    const match = withinScope(await resolveStay(v, sample), scope);
    const matched = 'stay' in match ? match : undefined;
    const becomesCurrent = isNewer(v.versionKey, sample?.versionKey);
    const at = now.toISOString();

    const items: TxItems = [];
    const historyIndex = items.push({ Put: { TableName: tableName(), Item: sampleVersionItem({ ...v, receivedAt: at }), ConditionExpression: 'attribute_not_exists(PK)' } }) - 1;
    let sampleIndex = -1;
    if (becomesCurrent) {
      const next: Sample = {
        labId: v.labId,
        sampleId: v.sampleId,
        versionKey: v.versionKey,
        current: v,
        state: matched ? 'matched' : 'unmatched',
        ...(matched ? { stayId: matched.stay.stayId, facilityId: matched.stay.facilityId, matchedBy: matched.matchedBy } : { unmatchedReason: (match as { reason: UnmatchedReason }).reason }),
        ...(sample?.assignedStayId ? { assignedStayId: sample.assignedStayId, assignedBy: sample.assignedBy, assignedAt: sample.assignedAt } : {}),
        firstReceivedAt: sample?.firstReceivedAt ?? at,
        updatedAt: at,
      };
      sampleIndex =
        items.push({
          Put: {
            TableName: tableName(),
            Item: sampleItem(next),
            ...(sample
              ? { ConditionExpression: 'versionKey = :seen', ExpressionAttributeValues: { ':seen': sample.versionKey } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        }) - 1;
      if (matched) {
        items.push({
          Put: {
            TableName: tableName(),
            Item: testResultItem({
              stayId: matched.stay.stayId,
              facilityId: matched.stay.facilityId,
              labId: v.labId,
              sampleId: v.sampleId,
              collectedAt: v.collectedAt,
              resultedAt: v.resultedAt,
              result: v.result,
              ...(v.method ? { method: v.method } : {}),
              ...(v.ct !== undefined ? { ct: v.ct } : {}),
              versionKey: v.versionKey,
              matchedBy: matched.matchedBy,
              recordedAt: at,
            }),
          },
        });
      }
      // A correction naming another person: the result leaves the first stay's file.
      if (sample?.stayId && sample.stayId !== matched?.stay.stayId) {
        items.push({ Delete: { TableName: tableName(), Key: testResultKeys.key(sample.stayId, v.labId, v.sampleId) } });
      }
    }
    // A positive that becomes a released person's current result revokes the documents that certify otherwise.
    const revokeDocumentIds =
      matched && becomesCurrent && v.result === 'positive' && matched.stay.status === 'released'
        ? documentsToRevoke(matched.stay, [v], await listStayDocuments(matched.stay.stayId))
        : [];
    const effects = matched
      ? stayEffects({ stay: matched.stay, facility: matched.facility, versions: [v], now, actor: `lab:${v.labId}`, action: 'lab_result', withRoom, skipReminders, extraChanges: { current: becomesCurrent }, revokeDocumentIds })
      : undefined;
    const offset = items.length;
    if (effects) items.push(...effects.items);

    try {
      await transactWithRetry(items, (reasons) => {
        const failed = (i: number) => i >= 0 && reasons[i]?.Code === 'ConditionalCheckFailed';
        if (failed(historyIndex)) return new DuplicateVersion();
        if (failed(sampleIndex)) return new ReadAgain();
        if (effects) {
          if (failed(offset + effects.stayIndex)) return new ReadAgain();
          if (effects.roomIndex >= 0 && failed(offset + effects.roomIndex)) return new RoomMismatch();
          for (const [i, id] of effects.reminderIndexes) if (failed(offset + i)) return new ReminderExists(id);
        }
        return undefined;
      });
    } catch (err) {
      if (err instanceof DuplicateVersion) return duplicate(v, await getSample(v.labId, v.sampleId));
      if (err instanceof ReadAgain) {
        // Another result for the same stay or sample won the race: back off a little, read again.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
        continue;
      }
      if (err instanceof RoomMismatch) {
        logger.warn('lab result: room occupant mismatch', { stayId: matched?.stay.stayId });
        withRoom = false;
        continue;
      }
      if (err instanceof ReminderExists) {
        skipReminders.add(err.reminderId);
        continue;
      }
      throw err;
    }

    if (!matched) logger.warn('lab result unmatched', { labId: v.labId, sampleId: v.sampleId, reason: (match as { reason: string }).reason, positive: v.result === 'positive' });
    const status: IngestStatus = !becomesCurrent ? 'stale' : !matched ? 'unmatched' : sample ? 'superseded' : 'stored';
    return {
      sampleId: v.sampleId,
      status,
      ...(matched ? { stayId: matched.stay.stayId } : { unmatchedReason: (match as { reason: UnmatchedReason }).reason }),
    };
  }
  throw new ServiceUnavailableError('Too many simultaneous changes to the same sample or stay. Send the delivery again.', 1);
}

function duplicate(v: LabResultVersion, sample: Sample | undefined): Omit<IngestOutcome, 'index'> {
  return { sampleId: v.sampleId, status: 'duplicate', ...(sample?.stayId ? { stayId: sample.stayId } : {}) };
}
