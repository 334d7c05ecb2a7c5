import { auditPut } from '../entities/audit.js';
import { documentItem, listStayDocuments } from '../entities/document.js';
import type { DocumentType } from '../documents/snapshot.js';
import { stayKeys } from '../entities/stay.js';
import { tableName } from '../shared/db.js';
import { ConflictError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadIssuable } from './document-issuance.js';
import { alreadyRevoked, revokeItem, staffDocument } from './documents.js';
import { buildDocument, documentReceipt } from './issue-documents.js';

/** Revokes the document and issues a new one of the same type from the stay's current data, if the record still allows it. */
export async function reissueDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const old = await staffDocument(principal, stayId, documentId);
  if (old.state !== 'valid') throw alreadyRevoked();
  const { stay, facility, evidence } = await loadIssuable(principal, stayId, old.type, now);
  // The released date printed stays the one of the first issue.
  const releasedDate = old.snapshot.stay.releasedDate;
  const next = buildDocument({ type: old.type, stay, facility, evidence, releasedDate, issuedAt: now, issuedBy: principal.subject, replaces: old.documentId });
  const at = now.toISOString();
  await transactWithRetry(
    [
      revokeItem(old, principal.subject, { code: 'reissued', reason }, at, next.document.documentId),
      { Put: { TableName: tableName(), Item: documentItem(next.document), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ stayId, at, actor: principal.subject, action: 'reissue_document', changes: { revoked: old.documentId, issued: next.document.documentId, type: old.type } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return documentReceipt(next);
}

const issueGuardKey = (stayId: string, type: DocumentType, after: string | undefined) => ({ PK: stayKeys.pk(stayId), SK: `DOCISSUE#${type}#${after ?? 'FIRST'}` });

/**
 * POST /stays/{stayId}/documents/issue: a document of `type` for a released stay
 * that has no valid one — withheld at release (a certificate awaiting a doctor's
 * sign-off) or revoked (by mistake, or on a result later corrected). New id and key.
 */
export async function issueDocumentAgain(principal: Principal, stayId: string, type: DocumentType, now = new Date()) {
  const { stay, facility, evidence, releasedDate } = await loadIssuable(principal, stayId, type, now);
  const existing = (await listStayDocuments(stayId)).filter((d) => d.type === type);
  if (existing.some((d) => d.state === 'valid')) {
    throw new ConflictError('A valid document of this type exists.', [{ code: 'document_valid', message: 'Reissue the valid document instead.', messageZh: '已有有效文书，请使用重新签发。' } as { code: string; message: string }]);
  }
  const previous = existing.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0];
  const next = buildDocument({ type, stay, facility, evidence, releasedDate: previous?.snapshot.stay.releasedDate ?? releasedDate, issuedAt: now, issuedBy: principal.subject, ...(previous ? { replaces: previous.documentId } : {}) });
  const at = now.toISOString();
  await transactWithRetry(
    [
      { Put: { TableName: tableName(), Item: documentItem(next.document), ConditionExpression: 'attribute_not_exists(PK)' } },
      // One new document per predecessor: two staff issuing at once cannot both succeed.
      { Put: { TableName: tableName(), Item: { ...issueGuardKey(stayId, type, previous?.documentId), type: 'DocumentIssue', documentId: next.document.documentId, at }, ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ stayId, at, actor: principal.subject, action: 'issue_document', changes: { issued: next.document.documentId, type, ...(previous ? { after: previous.documentId } : {}) } }),
    ],
    (reasons) =>
      reasons.some((r) => r.Code === 'ConditionalCheckFailed')
        ? new ConflictError('The document was issued by someone else a moment ago.', [{ code: 'document_valid', message: 'Reload the documents.' }])
        : undefined,
  );
  return documentReceipt(next);
}
