// The frozen content of one issued document. It is stored as issued and re-rendered
// on demand, so the PDF can always be reproduced byte for byte from it.

export type DocumentType = 'release_notice' | 'health_certificate' | 'test_report';
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

export interface DocumentFacility {
  name: string;
  timeZone: string; // IANA, e.g. Asia/Shanghai
}

export interface DocumentStay {
  stayId: string;
  category: StayCategory;
  day1Date: string; // YYYY-MM-DD, arrival day in facility time
  endDate: string; // YYYY-MM-DD, last day of observation (inclusive)
  releasedDate: string; // YYYY-MM-DD
  roomNumber?: string;
  flightNumber?: string;
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
  verifyUrl: string; // absolute URL of the public verification page; encoded in the QR code
}
