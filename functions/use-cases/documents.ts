import { auditPut } from '../entities/audit.js';
import { documentKeys, getDocument, listStayDocuments, type DocumentRecord, type RevocationCode } from '../entities/document.js';
import { normalizeDocumentId } from '../domain/document-id.js';
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
  const id = normalizeDocumentId(documentId);
  const document = id ? await getDocument(id) : undefined;
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
      /** The issuing authority, when the facility issues in its name. */
      authority?: string;
      /** Absent once retention removed the holder's personal data. */
      holderInitials?: string;
      documentNumber?: string;
      revokedAt?: string;
      /** Why it was revoked, as a code the page renders in zh and en. */
      revocationCode?: RevocationCode;
    };

/** Public: only what a checkpoint needs to match paper to person. */
export async function verifyDocument(documentId: string): Promise<Verification> {
  const id = normalizeDocumentId(documentId);
  if (!id) return { status: 'not_valid' };
  const d = await getDocument(id);
  if (!d) return { status: 'not_valid' };
  return {
    status: d.state,
    documentId: d.documentId,
    type: d.type,
    issueDate: d.snapshot.issueDate,
    facility: d.snapshot.facility.name,
    ...(d.snapshot.facility.authority ? { authority: d.snapshot.facility.authority.name } : {}),
    ...(d.anonymizedAt === undefined
      ? { holderInitials: initials(d.snapshot.holder.nameLatin), documentNumber: maskDocumentNumber(d.snapshot.holder.documentNumber) }
      : {}),
    ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
    ...(d.state === 'revoked' ? { revocationCode: d.revocationCode ?? 'revoked_by_staff' } : {}),
  };
}

/**
 * Revokes a valid document. `code` is what /verify shows (in zh and en); `reason`
 * is the staff's own words, kept for staff and the audit, never shown publicly.
 */
export function revokeItem(d: Pick<DocumentRecord, 'documentId'>, actor: string, why: { code: RevocationCode; reason?: string }, at: string, replacedBy?: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: documentKeys.key(d.documentId),
      UpdateExpression: `SET #state = :revoked, revokedAt = :at, revokedBy = :by, revocationCode = :code${why.reason ? ', revokedReason = :reason' : ''}${replacedBy ? ', replacedBy = :next' : ''}`,
      ConditionExpression: '#state = :valid',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':revoked': 'revoked',
        ':valid': 'valid',
        ':at': at,
        ':by': actor,
        ':code': why.code,
        ...(why.reason ? { ':reason': why.reason } : {}),
        ...(replacedBy ? { ':next': replacedBy } : {}),
      },
    },
  };
}

export const alreadyRevoked = () => new ConflictError('The document is already revoked.', [{ code: 'already_revoked', message: 'Only a valid document can be revoked or reissued.' }]);

export async function revokeDocument(principal: Principal, stayId: string, documentId: string, reason: string, now = new Date()) {
  const d = await staffDocument(principal, stayId, documentId);
  const at = now.toISOString();
  await transactWithRetry(
    [
      revokeItem(d, principal.subject, { code: 'revoked_by_staff', reason }, at),
      auditPut({ stayId, at, actor: principal.subject, action: 'revoke_document', changes: { documentId: d.documentId, type: d.type, code: 'revoked_by_staff' } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? alreadyRevoked() : undefined),
  );
  return { documentId: d.documentId, state: 'revoked' as const, revokedAt: at };
}

