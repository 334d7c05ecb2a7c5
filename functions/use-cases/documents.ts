import { timingSafeEqual } from 'node:crypto';
import { documentItem, documentKeys, getDocument, listStayDocuments, type IssuedDocument } from '../entities/document.js';
import { getFacilityCached } from '../entities/facility.js';
import { renderDocument } from '../documents/render.js';
import { localDate } from '../domain/calendar.js';
import { isWellFormedDocumentId } from '../domain/document-id.js';
import { initials, maskDocumentNumber } from '../domain/masking.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { auditItem } from '../entities/audit.js';
import { buildDocument, documentReceipt, hashKey } from './issue-documents.js';
import { loadStayFor } from './load-stay.js';
import { gatherReleaseEvidence } from './release-evidence.js';

// Download, verification, revocation and reissue of issued documents.

const NOT_FOUND = () => new NotFoundError('No such document.');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export class RevokedDocumentError extends ConflictError {}

/** The PDF for a holder presenting the document's key. A wrong key looks exactly like an unknown document. */
export async function downloadWithKey(documentId: string, key: string | undefined): Promise<{ pdf: Buffer; document: IssuedDocument }> {
  if (!isWellFormedDocumentId(documentId) || !key) throw NOT_FOUND();
  const document = await getDocument(documentId);
  if (!document || !sameHash(document.keyHash, hashKey(key))) throw NOT_FOUND();
  if (document.state === 'revoked') throw new RevokedDocumentError('This document was revoked.', [{ code: 'revoked', message: document.replacedBy ? 'A newer document replaces it.' : 'Ask the facility for a new one.' }]);
  return { pdf: await renderDocument(document.snapshot), document };
}

async function staffDocument(principal: Principal, stayId: string, documentId: string): Promise<IssuedDocument> {
  await loadStayFor(principal, stayId);
  const document = isWellFormedDocumentId(documentId) ? await getDocument(documentId) : undefined;
  if (!document || document.stayId !== stayId) throw NOT_FOUND();
  return document;
}

/** Staff of the facility may fetch any of its documents, revoked ones included. */
export async function downloadForStaff(principal: Principal, stayId: string, documentId: string): Promise<{ pdf: Buffer; document: IssuedDocument }> {
  const document = await staffDocument(principal, stayId, documentId);
  return { pdf: await renderDocument(document.snapshot), document };
}

export async function listDocuments(principal: Principal, stayId: string) {
  await loadStayFor(principal, stayId);
  const docs = await listStayDocuments(stayId);
  return docs.map(({ keyHash, snapshot, ...rest }) => {
    void keyHash, snapshot;
    return rest;
  });
}

export type Verification =
  | { status: 'not_valid' }
  | { status: 'valid' | 'revoked'; documentId: string; type: string; issueDate: string; facility: string; holderInitials: string; documentNumber: string; revokedAt?: string };

/** Public: only what a checkpoint needs to match paper to person. */
export async function verifyDocument(documentId: string): Promise<Verification> {
  if (!isWellFormedDocumentId(documentId)) return { status: 'not_valid' };
  const d = await getDocument(documentId);
  if (!d) return { status: 'not_valid' };
  return {
    status: d.state,
    documentId: d.documentId,
    type: d.type,
    issueDate: d.snapshot.issueDate,
    facility: d.snapshot.facility.name,
    holderInitials: initials(d.snapshot.holder.nameLatin),
    documentNumber: maskDocumentNumber(d.snapshot.holder.documentNumber),
    ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
  };
}

function revokeItem(d: IssuedDocument, principal: Principal, reason: string, at: string, replacedBy?: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: documentKeys.key(d.documentId),
      UpdateExpression: `SET #state = :revoked, revokedAt = :at, revokedBy = :by, revokedReason = :reason${replacedBy ? ', replacedBy = :next' : ''}`,
      ConditionExpression: '#state = :valid',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':revoked': 'revoked', ':valid': 'valid', ':at': at, ':by': principal.subject, ':reason': reason, ...(replacedBy ? { ':next': replacedBy } : {}) },
    },
  };
}

const alreadyRevoked = () => new ConflictError('The document is already revoked.', [{ code: 'already_revoked', message: 'Only a valid document can be revoked or reissued.' }]);

export async function revokeDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const d = await staffDocument(principal, stayId, documentId);
  const at = now.toISOString();
  await transactWithRetry(
    [revokeItem(d, principal, reason, at), { Put: { TableName: tableName(), Item: auditItem({ stayId, at, actor: principal.subject, action: 'revoke_document', changes: { documentId, type: d.type } }) } }],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return { documentId, state: 'revoked' as const, revokedAt: at };
}

/** Revokes the document and issues a new one of the same type from the stay's current data. */
export async function reissueDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const old = await staffDocument(principal, stayId, documentId);
  if (old.state !== 'valid') throw alreadyRevoked();
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
      { Put: { TableName: tableName(), Item: auditItem({ stayId, at, actor: principal.subject, action: 'reissue_document', changes: { revoked: old.documentId, issued: next.document.documentId, type: old.type } }) } },
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return documentReceipt(next);
}
