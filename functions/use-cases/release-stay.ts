import { auditPut } from '../entities/audit.js';
import { documentItem } from '../entities/document.js';
import { getFacilityCached } from '../entities/facility.js';
import { stayKeys } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { documentRefusals } from '../domain/document-eligibility.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { closeStayItems, withRoomRetry } from './close-stay.js';
import { buildDocument, documentReceipt, documentTypesOf } from './issue-documents.js';
import { releaseRefusalsOf } from './release-eligibility.js';
import { loadStayFor } from './load-stay.js';
import { documentFacts, gatherReleaseEvidence } from './release-evidence.js';
import { putMetric } from '../shared/metrics.js';

// Release (解除集中隔离): checks every condition, then in one transaction marks the
// stay released, sends the room to cleaning, frees the travel document, closes the
// due items and issues the three documents (三单) with frozen snapshots. A document
// the record does not (yet) allow — a health certificate awaiting a doctor's
// sign-off — is withheld with its reasons and issued later (issue-document.ts).

export async function releaseStay(principal: Principal, stayId: string, now = new Date()) {
  const stay = await loadStayFor(principal, stayId, true);
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const today = localDate(now, facility.timeZone);
  const evidence = await gatherReleaseEvidence(stay, facility.timeZone, now);
  const refusals = releaseRefusalsOf(stay, facility, evidence, now);
  if (refusals.length > 0) throw new ConflictError('The stay cannot be released yet.', refusals);

  const at = now.toISOString();
  const facts = documentFacts(stay, facility, evidence);
  const withheld = documentTypesOf(stay).map((type) => ({ type, reasons: documentRefusals(type, facts) })).filter((w) => w.reasons.length > 0);
  const issued = documentTypesOf(stay).filter((type) => !withheld.some((w) => w.type === type)).map((type) =>
    buildDocument({ type, stay: { ...stay, releasedAt: at }, facility, evidence, releasedDate: today, issuedAt: now, issuedBy: principal.subject }),
  );
  await withRoomRetry(stay, (room) =>
  transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stay.stayId),
          UpdateExpression: 'SET #status = :released, releasedAt = :at, releasedBy = :by, updatedAt = :at, version = version + :one',
          // The version pins the facts checked above: a concurrent change (a new check, a result) makes us re-check.
          ConditionExpression: '#status = :active AND version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released', ':active': 'active', ':at': at, ':by': principal.subject, ':one': 1, ':version': stay.version },
        },
      },
      ...closeStayItems(stay, at, facility.timeZone, room),
      ...issued.map((d) => ({ Put: { TableName: tableName(), Item: documentItem(d.document), ConditionExpression: 'attribute_not_exists(PK)' } })),
      auditPut({
        stayId: stay.stayId,
        at,
        actor: principal.subject,
        action: 'release',
        changes: {
          status: 'released',
          ...(stay.roomNumber !== undefined ? { roomState: 'cleaning' } : { teamId: stay.teamId }),
          documents: issued.map((d) => d.document.documentId),
          ...(withheld.length ? { withheld: withheld.map((w) => ({ type: w.type, reasons: w.reasons.map((r) => r.code) })) } : {}),
        },
      }),
    ],
    (reasons) =>
      reasons.some((r) => r.Code === 'ConditionalCheckFailed')
        ? new ConflictError('The stay changed while it was being released. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
        : undefined,
  ),
  );
  putMetric('Releases');
  return {
    stayId: stay.stayId,
    status: 'released' as const,
    releasedAt: at,
    releasedDate: today,
    ...(stay.roomNumber !== undefined ? { roomNumber: stay.roomNumber, roomState: 'cleaning' as const } : {}),
    documents: issued.map(documentReceipt),
    ...(withheld.length ? { withheld } : {}),
  };
}
