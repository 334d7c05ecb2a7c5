import { createHash } from 'node:crypto';
import type { IssuedDocument } from '../entities/document.js';
import type { Facility } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import type { DocumentSnapshot, DocumentType } from '../documents/snapshot.js';
import { qrSvgPath } from '../documents/qr.js';
import { assertRenderable } from '../documents/validate-snapshot.js';
import { localDate } from '../domain/calendar.js';
import { newDocumentId } from '../domain/document-id.js';
import { config } from '../shared/config.js';
import { randomToken } from '../shared/ids.js';
import type { ReleaseEvidence } from './release-evidence.js';

// Issuing freezes what a document shows: the snapshot is stored with the document
// and every download renders exactly it. The download key is random per document,
// returned once and stored only as a hash.

export const DOCUMENT_TYPES: readonly DocumentType[] = ['release_notice', 'health_certificate', 'test_report'];
/** Release from home isolation (销号): the home release notice instead of the hotel's. */
export const HOME_DOCUMENT_TYPES: readonly DocumentType[] = ['home_release_notice', 'health_certificate', 'test_report'];

/** The documents a stay's release issues. */
export function documentTypesOf(stay: Pick<Stay, 'home'>): readonly DocumentType[] {
  return stay.home ? HOME_DOCUMENT_TYPES : DOCUMENT_TYPES;
}

export interface NewDocument {
  document: IssuedDocument;
  /** The secret download key: shown to staff once, never stored. */
  key: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function buildDocument(params: {
  type: DocumentType;
  stay: Stay;
  facility: Facility;
  evidence: ReleaseEvidence;
  releasedDate: string;
  issuedAt: Date;
  issuedBy: string;
  replaces?: string;
}): NewDocument {
  const { stay, facility, issuedAt } = params;
  const documentId = newDocumentId();
  const key = randomToken(24);
  const snapshot: DocumentSnapshot = {
    documentId,
    type: params.type,
    language: stay.person.language,
    issuedAt: issuedAt.toISOString(),
    issueDate: localDate(issuedAt, facility.timeZone),
    holder: {
      nameNative: stay.person.nameNative,
      nameLatin: stay.person.nameLatin,
      sex: stay.person.sex,
      birthDate: stay.person.birthDate,
      nationality: stay.person.nationality,
      documentType: stay.person.document.type,
      documentNumber: stay.person.document.number,
    },
    facility: {
      name: facility.name,
      ...(facility.nameEn ? { nameEn: facility.nameEn } : {}),
      timeZone: facility.timeZone,
      ...(facility.authority ? { authority: { name: facility.authority.name, ...(facility.authority.nameEn ? { nameEn: facility.authority.nameEn } : {}) } } : {}),
    },
    stay: {
      stayId: stay.stayId,
      category: stay.category,
      day1Date: stay.schedule.day1Date,
      endDate: stay.schedule.endDate,
      releasedDate: params.releasedDate,
      ...(stay.roomNumber !== undefined ? { roomNumber: stay.roomNumber } : {}),
      ...(stay.arrival.flightNumber ? { flightNumber: stay.arrival.flightNumber } : {}),
      ...(stay.home ? { setting: 'home' as const, homeAddress: stay.home.address } : {}),
      ...(params.evidence.hotelPart ? { hotelPart: params.evidence.hotelPart } : {}),
    },
    tests: params.evidence.tests,
    ...(params.evidence.retest ? { retest: params.evidence.retest } : {}),
    observation: params.evidence.observation,
    ...(stay.healthSignoff && params.type === 'health_certificate'
      ? { signoff: { doctorName: stay.healthSignoff.doctorName, note: stay.healthSignoff.note, signedDate: localDate(new Date(stay.healthSignoff.signedAt), facility.timeZone) } }
      : {}),
    ...(stay.endCheck && params.type === 'home_release_notice' ? { endCheck: { doctorName: stay.endCheck.doctorName, date: stay.endCheck.date } } : {}),
    verifyUrl: `${config().PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${documentId}`,
  };
  // Refuse to issue a document that could not render: better a clear error now than a broken PDF later.
  assertRenderable(snapshot);
  return {
    key,
    document: {
      documentId,
      stayId: stay.stayId,
      facilityId: stay.facilityId,
      type: params.type,
      snapshot,
      keyHash: hashKey(key),
      state: 'valid',
      issuedAt: snapshot.issuedAt,
      issuedBy: params.issuedBy,
      ...(params.replaces ? { replaces: params.replaces } : {}),
    },
  };
}

/** What staff get back for each new document: where to download it (with its key) and verify it. */
export function documentReceipt(d: NewDocument) {
  const base = config().PUBLIC_BASE_URL.replace(/\/$/, '');
  const downloadUrl = `${base}/documents/${d.document.documentId}.pdf?key=${d.key}`;
  return {
    documentId: d.document.documentId,
    type: d.document.type,
    key: d.key,
    downloadUrl,
    // The key exists only in this answer, so the printable slip's QR code is drawn from it now.
    downloadQr: qrSvgPath(downloadUrl),
    verifyUrl: d.document.snapshot.verifyUrl,
  };
}
