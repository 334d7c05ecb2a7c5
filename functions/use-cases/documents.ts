import { auditPut } from '../entities/audit.js';
import { documentKeys, getDocument, listStayDocuments, type DocumentRecord } from '../entities/document.js';
import { isWellFormedDocumentId } from '../domain/document-id.js';
import { initials, maskDocumentNumber } from '../domain/masking.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadStayRecordFor } from './load-stay.js';

// Listing, verification and revocation of issued documents: nothing here renders or
// issues one, so these handlers' bundles carry neither pdfkit nor the fonts
// (downloads: document-downloads.ts, reissue: reissue-document.ts).

export const NOT_FOUND = () => new NotFoundError('No such document.');

export async function staffDocument(principal: Principal, stayId: string, documentId: string): Promise<DocumentRecord> {
  await loadStayRecordFor(principal, stayId);
  const document = isWellFormedDocumentId(documentId) ? await getDocument(documentId) : undefined;
  if (!document || document.stayId !== stayId) throw NOT_FOUND();
  return document;
}

export async function listDocuments(principal: Principal, stayId: string) {
  await loadStayRecordFor(principal, stayId);
  const docs = await listStayDocuments(stayId);
  return docs.map(({ keyHash, snapshot, ...rest }) => {
    void keyHash, snapshot;
    return rest;
  });
}

export type Verification =
  | { status: 'not_valid' }
  | {
      status: 'valid' | 'revoked';
      documentId: string;
      type: string;
      issueDate: string;
      facility: string;
      /** Absent once retention removed the holder's personal data. */
      holderInitials?: string;
      documentNumber?: string;
      revokedAt?: string;
    };

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
    ...(d.anonymizedAt === undefined
      ? { holderInitials: initials(d.snapshot.holder.nameLatin), documentNumber: maskDocumentNumber(d.snapshot.holder.documentNumber) }
      : {}),
    ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
  };
}

export function revokeItem(d: DocumentRecord, principal: Principal, reason: string, at: string, replacedBy?: string) {
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

export const alreadyRevoked = () => new ConflictError('The document is already revoked.', [{ code: 'already_revoked', message: 'Only a valid document can be revoked or reissued.' }]);

export async function revokeDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const d = await staffDocument(principal, stayId, documentId);
  const at = now.toISOString();
  await transactWithRetry(
    [revokeItem(d, principal, reason, at), auditPut({ stayId, at, actor: principal.subject, action: 'revoke_document', changes: { documentId, type: d.type } })],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return { documentId, state: 'revoked' as const, revokedAt: at };
}

