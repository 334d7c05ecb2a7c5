// The frozen content of one issued document. It is stored as issued and re-rendered
// on demand, so the PDF can always be reproduced byte for byte from it. Fields
// added later are optional: a snapshot issued before them renders as it was issued.
import type { ObservationRecord } from '../domain/observation.js';

/** home_release_notice: 解除居家隔离医学观察通知书, the release from home isolation (销号). */
export type DocumentType = 'release_notice' | 'health_certificate' | 'test_report' | 'home_release_notice';
export type Language = 'zh' | 'en' | 'ko';
export type Sex = 'F' | 'M' | 'X';
export type StayCategory = 'inbound' | 'close_contact' | 'secondary_contact';
export type TestResult = 'negative' | 'positive' | 'inconclusive';

export interface TestResultLine {
  sampleId: string;
  collectedAt: string; // ISO instant
  resultedAt: string; // ISO instant
  result: TestResult;
  method?: string;
}

export interface DocumentHolder {
  nameNative: string;
  nameLatin: string;
  sex: Sex;
  birthDate: string; // YYYY-MM-DD
  nationality: string; // ISO 3166-1 alpha-2
  documentType: string;
  documentNumber: string;
}

/** The body that issues and seals the document (e.g. a district health commission). */
export interface DocumentAuthority {
  name: string;
  nameEn?: string;
}

export interface DocumentFacility {
  name: string;
  /** Printed in English text instead of `name` when set. */
  nameEn?: string;
  timeZone: string; // IANA, e.g. Asia/Shanghai
  /** Absent: the facility issues in its own name. */
  authority?: DocumentAuthority;
}

/** The retest that counts (domain/retest.ts) when the document was issued. */
export interface DocumentRetest {
  sampleId: string;
  collectedAt: string; // ISO instant
}

/** A doctor's sign-off of a stay with a fever or symptom on file. */
export interface DocumentSignoff {
  doctorName: string;
  note: string;
  signedDate: string; // YYYY-MM-DD, facility time
}

export interface DocumentStay {
  stayId: string;
  category: StayCategory;
  day1Date: string; // YYYY-MM-DD, arrival day in facility time
  endDate: string; // YYYY-MM-DD, last day of observation (inclusive)
  releasedDate: string; // YYYY-MM-DD
  roomNumber?: string;
  flightNumber?: string;
  /** home: observed in home isolation (absent: in a hotel, as every snapshot before home isolation). */
  setting?: 'home';
  /** A home stay's address as registered. */
  homeAddress?: string;
  /** The hotel part a home stay continued ("14 + 7"): where, and its first and last day. */
  hotelPart?: { name: string; nameEn?: string; fromDate: string; toDate: string };
}

export interface DocumentSnapshot {
  documentId: string; // also printed as the document number
  type: DocumentType;
  language: Language; // zh and en are always printed; ko is added when 'ko'
  issuedAt: string; // ISO instant
  issueDate: string; // YYYY-MM-DD in facility time zone
  holder: DocumentHolder;
  facility: DocumentFacility;
  stay: DocumentStay;
  tests: TestResultLine[];
  retest?: DocumentRetest;
  /** What every temperature check of the stay showed (health certificate). */
  observation?: ObservationRecord;
  signoff?: DocumentSignoff;
  /** The team doctor's end-of-period health check of a home stay (home release notice). */
  endCheck?: { doctorName: string; date: string };
  verifyUrl: string; // absolute URL of the public verification page; encoded in the QR code
}
