import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentSnapshot, DocumentType } from '../documents/snapshot.js';
import { db, tableName } from '../shared/db.js';

// Issued document (release notice, health certificate, test report): PK DOCUMENT#<id>,
// SK DOCUMENT. Immutable once written except for revocation: the snapshot is what
// every download renders. Only a SHA-256 hash of the download key is stored.
// GSI1 lists a stay's documents: STAY#<stayId>#DOCUMENTS / <issuedAt>#<documentId>.

/** Why a document was revoked: by staff, replaced by a reissue, or a positive result after release. */
export type RevocationCode = 'revoked_by_staff' | 'reissued' | 'positive_result_after_release';

interface DocumentBase {
  documentId: string;
  stayId: string;
  facilityId: string;
  type: DocumentType;
  state: 'valid' | 'revoked';
  issuedAt: string;
  issuedBy: string;
  revokedAt?: string;
  revokedBy?: string;
  revokedReason?: string;
  /** Absent on documents revoked before codes were kept: read as revoked_by_staff. */
  revocationCode?: RevocationCode;
  /** The document this one replaces (reissue) and the one that replaced it. */
  replaces?: string;
  replacedBy?: string;
}

export interface IssuedDocument extends DocumentBase {
  snapshot: DocumentSnapshot;
  keyHash: string;
  anonymizedAt?: undefined;
}

/** What retention keeps of a document's snapshot: no holder, no test lines. */
export type RetainedSnapshot = Omit<DocumentSnapshot, 'holder' | 'tests' | 'observation' | 'retest' | 'signoff'>;

/**
 * A document of an anonymized stay: the holder and tests are gone from the snapshot
 * and so is the download key's hash, so it can be verified (valid / revoked, type,
 * issue date, facility) but never downloaded again.
 */
export interface AnonymizedDocument extends DocumentBase {
  snapshot: RetainedSnapshot;
  anonymizedAt: string;
  keyHash?: undefined;
}

/** A document item as stored. */
export type DocumentRecord = IssuedDocument | AnonymizedDocument;

export const documentKeys = {
  key: (documentId: string) => ({ PK: `DOCUMENT#${documentId}`, SK: 'DOCUMENT' }),
  byStayPk: (stayId: string) => `STAY#${stayId}#DOCUMENTS`,
  byStaySk: (issuedAt: string, documentId: string) => `${issuedAt}#${documentId}`,
};

export function documentItem(d: IssuedDocument) {
  // `type` names the entity on every item; the document's own type is kept as documentType.
  const { type: documentType, ...rest } = d;
  return {
    ...documentKeys.key(d.documentId),
    GSI1PK: documentKeys.byStayPk(d.stayId),
    GSI1SK: documentKeys.byStaySk(d.issuedAt, d.documentId),
    ...rest,
    type: 'Document',
    documentType,
  };
}

function fromItem(item: Record<string, unknown>): DocumentRecord {
  const { PK, SK, GSI1PK, GSI1SK, type, documentType, ...rest } = item;
  void PK, SK, GSI1PK, GSI1SK, type;
  return { ...(rest as Omit<DocumentRecord, 'type'>), type: documentType as DocumentType } as DocumentRecord;
}

export async function getDocument(documentId: string): Promise<DocumentRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: documentKeys.key(documentId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

export async function listStayDocuments(stayId: string): Promise<DocumentRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': documentKeys.byStayPk(stayId) },
    }),
  );
  return (out.Items ?? []).map(fromItem);
}
