// Snapshots for a Chinese, an English and a Korean speaker; shared by the render
// tests, the PDF benchmark and the sample rendering.
import type { DocumentHolder, DocumentSnapshot, DocumentType, Language } from '../../functions/documents/snapshot.js';

export interface Person {
  key: 'zh' | 'en' | 'ko';
  language: Language;
  holder: DocumentHolder;
  documentId: string;
}

export const PEOPLE: Person[] = [
  {
    key: 'zh',
    language: 'zh',
    documentId: 'D7K2M9Q4X1',
    holder: { nameNative: '张伟', nameLatin: 'ZHANG WEI', sex: 'M', birthDate: '1985-06-12', nationality: 'CN', documentType: 'passport', documentNumber: 'E12345678' },
  },
  {
    key: 'en',
    language: 'en',
    documentId: 'D3HT8W2RZ5',
    holder: { nameNative: 'John Smith', nameLatin: 'John Smith', sex: 'M', birthDate: '1979-11-03', nationality: 'GB', documentType: 'passport', documentNumber: '533123456' },
  },
  {
    key: 'ko',
    language: 'ko',
    documentId: 'D9NB4C6V0P',
    holder: { nameNative: '김민준', nameLatin: 'KIM MINJUN', sex: 'M', birthDate: '1992-02-28', nationality: 'KR', documentType: 'passport', documentNumber: 'M70318452' },
  },
];

export const DOCUMENT_TYPES: DocumentType[] = ['release_notice', 'health_certificate', 'test_report'];

export const FACILITY_NAME = '郑州市金水区第三集中隔离酒店';

export function snapshotFor(person: Person, type: DocumentType): DocumentSnapshot {
  const documentId = `${person.documentId.slice(0, 8)}${DOCUMENT_TYPES.indexOf(type)}${person.documentId.slice(9)}`;
  return {
    documentId,
    type,
    language: person.language,
    issuedAt: '2022-03-14T02:00:00Z',
    issueDate: '2022-03-14',
    holder: person.holder,
    facility: { name: FACILITY_NAME, timeZone: 'Asia/Shanghai' },
    stay: { stayId: `S-${person.key}-0312`, category: 'inbound', day1Date: '2022-03-02', endDate: '2022-03-15', releasedDate: '2022-03-14', roomNumber: '0512', flightNumber: 'CA908' },
    tests: [
      { sampleId: 'HN2203020417', collectedAt: '2022-03-02T02:30:00Z', resultedAt: '2022-03-02T11:05:00Z', result: 'negative', method: 'RT-PCR' },
      { sampleId: 'HN2203130266', collectedAt: '2022-03-13T00:10:00Z', resultedAt: '2022-03-13T12:45:00Z', result: 'negative', method: 'RT-PCR' },
    ],
    verifyUrl: `https://verify.quarantine-desk.example/d/${documentId}`,
  };
}
