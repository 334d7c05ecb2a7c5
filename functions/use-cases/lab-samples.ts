import { getFacilityCached } from '../entities/facility.js';
import { getSample, listSampleVersions, queryUnmatched, sampleKeys, type Sample, type SampleVersion } from '../entities/sample.js';
import { getStay, stayKeys } from '../entities/stay.js';
import { testResultItem, testResultKeys } from '../entities/test-result.js';
import { auditPut } from '../entities/audit.js';
import { subjectMatchesStay } from '../domain/lab-result.js';
import { servesFacility } from '../domain/lab-scope.js';
import { getLab } from '../entities/lab.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import { assertAdmin, canAccessFacility, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { stayEffects } from './lab-stay-effects.js';
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
function notYours(): NotFoundError {
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
    const effects = stayEffects({
      stay,
      facility,
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

/**
 * Undo an assignment: the sample goes back to the unmatched queue (reason
 * `unassigned`), its result leaves the stay's file, and the stay's version goes up
 * (a release in progress checks again). Admins, or staff of the stay's facility.
 * A positive that marked the stay stays marked: staff decide (as for lab corrections).
 */
export async function unassignSample(principal: Principal, labId: string, sampleId: string, reason: string, now = new Date()) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const sample = await getSample(labId, sampleId);
    const mine = sample?.state === 'matched' && sample.facilityId !== undefined && canAccessFacility(principal, sample.facilityId);
    if (!sample || (!mine && principal.role !== 'admin')) throw notYours();
    if (sample.state !== 'matched' || sample.matchedBy !== 'assignment' || !sample.stayId) {
      throw new ConflictError('Only a sample assigned by hand can be unassigned.', [
        { code: 'not_assigned', message: sample.state === 'matched' ? "The lab's own stay id or document matched this sample; ask the lab to correct it." : 'The sample is already unmatched.' },
      ]);
    }
    const stay = await getStay(sample.stayId, true);
    const at = now.toISOString();
    const items: TxItems = [
      {
        Update: {
          TableName: tableName(),
          Key: sampleKeys.key(labId, sampleId),
          UpdateExpression:
            'SET #state = :unmatched, unmatchedReason = :unassigned, GSI1PK = :queue, GSI1SK = :queueSk, updatedAt = :at REMOVE stayId, facilityId, matchedBy, assignedStayId, assignedBy, assignedAt',
          ConditionExpression: '#state = :matched AND versionKey = :versionKey AND stayId = :stayId',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':unmatched': 'unmatched',
            ':matched': 'matched',
            ':unassigned': 'unassigned',
            ':queue': sampleKeys.unmatchedPk,
            ':queueSk': sampleKeys.unmatchedSk(at, labId, sampleId),
            ':at': at,
            ':versionKey': sample.versionKey,
            ':stayId': sample.stayId,
          },
        },
      },
      { Delete: { TableName: tableName(), Key: testResultKeys.key(sample.stayId, labId, sampleId) } },
      ...(stay
        ? [
            {
              Update: {
                TableName: tableName(),
                Key: stayKeys.key(stay.stayId),
                UpdateExpression: 'SET version = version + :one, updatedAt = :at',
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':one': 1, ':at': at, ':version': stay.version },
              },
            },
            auditPut({ stayId: stay.stayId, at, actor: principal.subject, action: 'lab_result_unassigned', changes: { labId, sampleId, result: sample.current.result, role: principal.role, reason } }),
          ]
        : []),
    ];
    try {
      await transactWithRetry(items, (reasons) => (reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? new ReadAgain() : undefined));
    } catch (err) {
      if (err instanceof ReadAgain) continue;
      throw err;
    }
    const warnings =
      stay && stay.status === 'positive' && sample.current.result === 'positive'
        ? [{ code: 'stay_still_positive', message: 'The stay stays marked positive: transfer or correct it on the file.' }]
        : [];
    return { labId, sampleId, state: 'unmatched' as const, unmatchedReason: 'unassigned' as const, previousStayId: sample.stayId, warnings };
  }
  throw new ServiceUnavailableError('Too many simultaneous changes to this sample or stay. Retry.', 1);
}
