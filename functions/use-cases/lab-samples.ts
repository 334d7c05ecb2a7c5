import { listStayDocuments } from '../entities/document.js';
import { getFacilityCached } from '../entities/facility.js';
import { getSample, listSampleVersions, queryUnmatched, sampleKeys, type Sample, type SampleVersion } from '../entities/sample.js';
import { testResultItem } from '../entities/test-result.js';
import { subjectMatchesStay } from '../domain/lab-result.js';
import { servesFacility } from '../domain/lab-scope.js';
import { getLab } from '../entities/lab.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import { assertAdmin, canAccessFacility, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { documentsToRevoke, stayEffects } from './lab-stay-effects.js';
import { loadStayFor } from './load-stay.js';

// The unmatched queue and the samples themselves. A result no rule could match is
// never dropped: it waits in the queue (admins list it: it has no facility yet, and
// it names a person) until someone who works for the right facility assigns it to a
// stay. Assigning applies every report of the sample to that stay, exactly as if it
// had matched on arrival (a positive marks the stay and alerts the facility), and
// can be undone (back to the queue). Both are audited on the stay.

export interface UnmatchedEntry {
  labId: string;
  sampleId: string;
  reason?: string;
  subject: SampleVersion['subject'];
  collectedAt: string;
  resultedAt: string;
  result: string;
  receivedAt: string;
  updatedAt: string;
}

export async function listUnmatched(principal: Principal, q: { limit: number; cursor?: string }): Promise<{ samples: UnmatchedEntry[]; cursor?: string }> {
  assertAdmin(principal);
  const page = await queryUnmatched(q.limit, decodeCursor(q.cursor, { index: 'GSI1', partition: sampleKeys.unmatchedPk }));
  return {
    samples: page.samples.map((s) => ({
      labId: s.labId,
      sampleId: s.sampleId,
      ...(s.unmatchedReason ? { reason: s.unmatchedReason } : {}),
      subject: s.current.subject,
      collectedAt: s.current.collectedAt,
      resultedAt: s.current.resultedAt,
      result: s.current.result,
      receivedAt: s.firstReceivedAt,
      updatedAt: s.updatedAt,
    })),
    cursor: encodeCursor(page.lastKey),
  };
}

/** A sample with every report received, oldest first (admins: it may be unmatched and name a person). */
export async function sampleWithHistory(principal: Principal, labId: string, sampleId: string): Promise<{ sample: Sample; versions: SampleVersion[] }> {
  assertAdmin(principal);
  const sample = await getSample(labId, sampleId);
  if (!sample) throw new NotFoundError(`No sample ${sampleId} from lab ${labId}.`);
  return { sample, versions: await listSampleVersions(labId, sampleId) };
}

class ReadAgain extends Error {}
class RoomMismatch extends Error {}
class ReminderExists extends Error {
  constructor(readonly reminderId: string) {
    super(reminderId);
  }
}

/**
 * The one answer staff get for a sample that is not theirs: unknown, matched to a
 * stay of another facility, or naming another person. Same status, same body, so a
 * barcode reveals nothing about whether or whose it is.
 */
export function notYours(): NotFoundError {
  return new NotFoundError("No sample of this lab and number for this person's file. If the lab wrote the person's document wrong, an administrator can assign it with a reason.");
}

export interface AssignInput {
  stayId: string;
  /** Required from an administrator when the sample's subject does not name the stay's person. */
  reason?: string;
}

/**
 * Staff of the stay's facility assign an unmatched sample to a stay when the subject
 * the lab sent (its stay id or travel document, normalised) names that stay's person;
 * an administrator may assign any unmatched sample, with a reason when it does not.
 */
export async function assignSample(principal: Principal, labId: string, sampleId: string, input: AssignInput, now = new Date()) {
  const { stayId, reason } = input;
  let withRoom = true;
  const skipReminders = new Set<string>();
  for (let attempt = 0; attempt < 8; attempt++) {
    // The stay first: staff of another facility learn nothing about the sample.
    const stay = await loadStayFor(principal, stayId, true);
    const facility = await getFacilityCached(stay.facilityId);
    if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
    const admin = principal.role === 'admin';
    const sample = await getSample(labId, sampleId);
    if (!sample) throw notYours();
    if (sample.state !== 'unmatched') {
      if (!admin && !(sample.facilityId && canAccessFacility(principal, sample.facilityId))) throw notYours();
      throw new ConflictError('The sample is already matched to a stay.', [{ code: 'already_matched', message: 'Only unmatched samples can be assigned.' }]);
    }
    const matches = subjectMatchesStay(sample.current.subject, { stayId: stay.stayId, document: stay.person.document });
    if (!matches && !admin) throw notYours();
    // A lab that does not serve this facility: only an administrator decides its result belongs here.
    if (!admin && !servesFacility((await getLab(labId))?.scope, stay.facilityId)) throw notYours();
    if (!matches && !reason) {
      throw new ValidationError([
        { path: 'reason', code: 'required', message: "The sample's subject does not name this person: say why it is theirs (kept in the audit trail)" },
      ]);
    }
    const versions = await listSampleVersions(labId, sampleId);
    const at = now.toISOString();
    const v = sample.current;
    const items: TxItems = [
      {
        Update: {
          TableName: tableName(),
          Key: sampleKeys.key(labId, sampleId),
          UpdateExpression:
            'SET #state = :matched, stayId = :stayId, facilityId = :facilityId, matchedBy = :assignment, assignedStayId = :stayId, assignedBy = :by, assignedAt = :at, updatedAt = :at REMOVE GSI1PK, GSI1SK, unmatchedReason',
          ConditionExpression: '#state = :unmatched AND versionKey = :versionKey',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':matched': 'matched',
            ':unmatched': 'unmatched',
            ':assignment': 'assignment',
            ':stayId': stay.stayId,
            ':facilityId': stay.facilityId,
            ':by': principal.subject,
            ':at': at,
            ':versionKey': sample.versionKey,
          },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: testResultItem({
            stayId: stay.stayId,
            facilityId: stay.facilityId,
            labId,
            sampleId,
            collectedAt: v.collectedAt,
            resultedAt: v.resultedAt,
            result: v.result,
            ...(v.method ? { method: v.method } : {}),
            ...(v.ct !== undefined ? { ct: v.ct } : {}),
            versionKey: v.versionKey,
            matchedBy: 'assignment',
            recordedAt: at,
          }),
        },
      },
    ];
    // A positive assigned to a released person revokes the documents that certify otherwise, as a lab's own match does.
    const revokeDocumentIds = v.result === 'positive' && stay.status === 'released' ? documentsToRevoke(stay, [v], await listStayDocuments(stay.stayId)) : [];
    const effects = stayEffects({
      stay,
      facility,
      revokeDocumentIds,
      versions: versions.map(({ receivedAt: _r, ...version }) => version),
      now,
      actor: principal.subject,
      action: 'lab_result_assigned',
      withRoom,
      skipReminders,
      extraChanges: { subjectMatches: matches, role: principal.role, ...(reason ? { reason } : {}) },
    });
    const offset = items.length;
    items.push(...effects.items);
    try {
      await transactWithRetry(items, (reasons) => {
        const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
        if (failed(0) || failed(offset + effects.stayIndex)) return new ReadAgain();
        if (effects.roomIndex >= 0 && failed(offset + effects.roomIndex)) return new RoomMismatch();
        for (const [i, id] of effects.reminderIndexes) if (failed(offset + i)) return new ReminderExists(id);
        return undefined;
      });
    } catch (err) {
      if (err instanceof ReadAgain) continue;
      if (err instanceof RoomMismatch) {
        logger.warn('lab assignment: room occupant mismatch', { stayId });
        withRoom = false;
        continue;
      }
      if (err instanceof ReminderExists) {
        skipReminders.add(err.reminderId);
        continue;
      }
      throw err;
    }
    return { labId, sampleId, stayId: stay.stayId, state: 'matched' as const, versions: versions.length, becamePositive: effects.becamePositive, subjectMatches: matches };
  }
  throw new ServiceUnavailableError('Too many simultaneous changes to this sample or stay. Retry.', 1);
}
