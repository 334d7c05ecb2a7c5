import { timingSafeEqual } from 'node:crypto';
import { getDocument, type IssuedDocument } from '../entities/document.js';
import { renderDocument } from '../documents/render.js';
import { isWellFormedDocumentId } from '../domain/document-id.js';
import { ConflictError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { NOT_FOUND, staffDocument } from './documents.js';
import { hashKey } from './issue-documents.js';

// The PDF of an issued document, rendered from its frozen snapshot on each download
// (same snapshot, same bytes): for the holder with the key, or for the facility's staff.

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
  // A document anonymized by retention has no key hash any more: it looks unknown too.
  if (!document || document.anonymizedAt !== undefined || !sameHash(document.keyHash, hashKey(key))) throw NOT_FOUND();
  if (document.state === 'revoked') throw new RevokedDocumentError('This document was revoked.', [{ code: 'revoked', message: document.replacedBy ? 'A newer document replaces it.' : 'Ask the facility for a new one.' }]);
  return { pdf: await renderDocument(document.snapshot), document };
}

/** Staff of the facility may fetch any of its documents, revoked ones included. */
export async function downloadForStaff(principal: Principal, stayId: string, documentId: string): Promise<{ pdf: Buffer; document: IssuedDocument }> {
  const document = await staffDocument(principal, stayId, documentId);
  // Retention removed the holder from the snapshot: nothing left to render.
  if (document.anonymizedAt !== undefined) throw NOT_FOUND();
  return { pdf: await renderDocument(document.snapshot), document };
}

