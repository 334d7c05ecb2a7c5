import { auditPut } from '../entities/audit.js';
import { getSample, sampleKeys } from '../entities/sample.js';
import { getStay, stayKeys } from '../entities/stay.js';
import { testResultKeys } from '../entities/test-result.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ServiceUnavailableError } from '../shared/errors.js';
import { canAccessFacility, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { notYours } from './lab-samples.js';

// POST /lab/samples/{labId}/{sampleId}/unassign. Its own module because it deletes
// (the stay's test-result item): only this handler is granted DeleteItem, not the
// other sample handlers that share lab-samples.ts.

class ReadAgain extends Error {}

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
