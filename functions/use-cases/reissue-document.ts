import { auditPut } from '../entities/audit.js';
import { documentItem } from '../entities/document.js';
import { getFacilityCached } from '../entities/facility.js';
import { localDate } from '../domain/calendar.js';
import { tableName } from '../shared/db.js';
import { NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { alreadyRevoked, revokeItem, staffDocument } from './documents.js';
import { buildDocument, documentReceipt } from './issue-documents.js';
import { loadStayFor } from './load-stay.js';
import { gatherReleaseEvidence } from './release-evidence.js';

/** Revokes the document and issues a new one of the same type from the stay's current data. */
export async function reissueDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const old = await staffDocument(principal, stayId, documentId);
  if (old.state !== 'valid') throw alreadyRevoked();
  // 410 Gone for an anonymized stay: there is no person left to issue a document for.
  const stay = await loadStayFor(principal, stayId, true);
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const evidence = await gatherReleaseEvidence(stay, facility.timeZone, now);
  const releasedDate = old.snapshot.stay.releasedDate ?? localDate(now, facility.timeZone);
  const next = buildDocument({ type: old.type, stay, facility, tests: evidence.tests, releasedDate, issuedAt: now, issuedBy: principal.subject, replaces: old.documentId });
  const at = now.toISOString();
  await transactWithRetry(
    [
      revokeItem(old, principal, reason, at, next.document.documentId),
      { Put: { TableName: tableName(), Item: documentItem(next.document), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ stayId, at, actor: principal.subject, action: 'reissue_document', changes: { revoked: old.documentId, issued: next.document.documentId, type: old.type } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return documentReceipt(next);
}
