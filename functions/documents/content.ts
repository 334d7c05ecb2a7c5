// What a document says, independent of how it is drawn: the PDF renderer and the
// HTML baseline in bench/pdf.ts lay out the same content.
import { periodEnd, statement } from './body-text.js';
import { countryName, formatInstant } from './format.js';
import { LABELS, travelDocumentName, type Labels } from './labels.js';
import type { DocumentSnapshot, Language } from './snapshot.js';

export interface LocalizedText {
  language: Language;
  text: string;
}

/** A labelled value; `span` is its width in sixths of the content width. */
export interface Field {
  label: string;
  lines: string[];
  span: number;
  /** Print the first line in bold (the holder's name). */
  strong?: boolean;
}

export interface Section {
  heading: string;
  fields: Field[];
}

export interface TestColumn {
  heading: LocalizedText[];
  /** Relative width. */
  weight: number;
}

export interface DocumentContent {
  languages: Language[];
  title: LocalizedText[];
  documentNo: { label: string; value: string };
  sections: Section[];
  statement: LocalizedText[];
  testsHeading: string;
  testColumns: TestColumn[];
  testRows: string[][];
  issuedBy: Field;
  issueDate: Field;
  /** The signature and seal area: a box for the authority's seal and a line for the signing officer. */
  seal: { box: string; officer: string };
  verifyUrl: string;
  verifyCaption: string;
  note: LocalizedText[];
  /** PDF metadata. */
  meta: { title: string; issuedAt: Date };
}

/** Chinese and English always; Korean too for Korean speakers. */
export function printedLanguages(language: Language): Language[] {
  return language === 'ko' ? ['zh', 'en', 'ko'] : ['zh', 'en'];
}

export function composeDocument(s: DocumentSnapshot): DocumentContent {
  const languages = printedLanguages(s.language);
  const each = <T>(pick: (labels: Labels, language: Language) => T): T[] => languages.map((l) => pick(LABELS[l], l));
  const label = (pick: (labels: Labels) => string): string => each(pick).join(' ');
  const field = (pick: (labels: Labels) => string, lines: string[], span: number): Field => ({ label: label(pick), lines, span });
  const localized = (pick: (labels: Labels, language: Language) => string): LocalizedText[] =>
    each((labels, language) => ({ language, text: pick(labels, language) }));

  const { holder, stay, facility } = s;
  const home = stay.setting === 'home';
  // Chinese (and Korean) text names the facility and authority in Chinese; English its English name when it has one.
  const names = (zh: string, en: string | undefined) => (en === undefined || en === zh ? [zh] : [zh, en]);
  const issuer = s.facility.authority ? names(s.facility.authority.name, s.facility.authority.nameEn) : names(facility.name, facility.nameEn);
  const hasMethod = s.tests.some((t) => t.method !== undefined);
  const time = (isoInstant: string) => formatInstant(isoInstant, facility.timeZone);

  return {
    languages,
    title: localized((l) => l.title[s.type]),
    documentNo: { label: label((l) => l.documentNo), value: s.documentId },
    sections: [
      {
        heading: label((l) => l.section.holder),
        fields: [
          {
            ...field((l) => l.field.name, holder.nameNative === holder.nameLatin ? [holder.nameNative] : [holder.nameNative, holder.nameLatin], 2.4),
            strong: true,
          },
          field((l) => l.field.sex, [each((l) => l.sex[holder.sex]).join(' / ')], 1.6),
          field((l) => l.field.birthDate, [holder.birthDate], 2),
          field((l) => l.field.nationality, [`${each((_, language) => countryName(holder.nationality, language)).join(' / ')} (${holder.nationality})`], 2.4),
          field((l) => l.field.documentType, [[...new Set(languages.map((l) => travelDocumentName(holder.documentType, l)))].join(' / ')], 1.6),
          field((l) => l.field.documentNumber, [holder.documentNumber], 2),
        ],
      },
      {
        heading: label((l) => (home ? l.section.homeStay : l.section.stay)),
        fields: [
          field((l) => (home ? l.field.programme : l.field.facility), names(facility.name, facility.nameEn), 2.4),
          field((l) => l.field.category, [each((l) => l.category[stay.category]).join(' / ')], 3.6),
          field((l) => l.field.day1Date, [stay.day1Date], 2.4),
          field((l) => l.field.endDate, [periodEnd(s)], 1.6),
          field((l) => l.field.releasedDate, [stay.releasedDate], 2),
          ...(stay.roomNumber === undefined ? [] : [field((l) => l.field.roomNumber, [stay.roomNumber], 2.4)]),
          ...(stay.flightNumber === undefined ? [] : [field((l) => l.field.flightNumber, [stay.flightNumber], 1.6)]),
          ...(stay.homeAddress === undefined ? [] : [field((l) => l.field.homeAddress, [stay.homeAddress], 6)]),
          ...(stay.hotelPart === undefined
            ? []
            : [field((l) => l.field.hotelPart, [...names(stay.hotelPart.name, stay.hotelPart.nameEn), `${stay.hotelPart.fromDate} – ${stay.hotelPart.toDate}`], 6)]),
        ],
      },
    ],
    statement: languages.map((language) => ({ language, text: statement(s, language) })),
    testsHeading: label((l) => l.section.tests),
    testColumns: [
      { heading: localized((l) => l.testColumn.sampleId), weight: 2.2 },
      { heading: localized((l) => l.testColumn.collectedAt), weight: 2 },
      { heading: localized((l) => l.testColumn.resultedAt), weight: 2 },
      ...(hasMethod ? [{ heading: localized((l) => l.testColumn.method), weight: 1.6 }] : []),
      { heading: localized((l) => l.testColumn.result), weight: 2.2 },
    ],
    testRows: s.tests.map((t) => [
      t.sampleId,
      time(t.collectedAt),
      time(t.resultedAt),
      ...(hasMethod ? [t.method ?? '—'] : []),
      each((l) => l.result[t.result]).join(' '),
    ]),
    issuedBy: field((l) => l.field.issuedBy, issuer, 3),
    issueDate: field((l) => l.field.issueDate, [s.issueDate], 3),
    seal: { box: label((l) => l.seal.box), officer: label((l) => l.seal.officer) },
    verifyUrl: s.verifyUrl,
    verifyCaption: [LABELS.en.scanToVerify, LABELS.zh.scanToVerify, ...(s.language === 'ko' ? [LABELS.ko.scanToVerify] : [])].join(' / '),
    note: localized((l) => l.verifyNote),
    meta: { title: `${LABELS.en.title[s.type]} ${s.documentId}`, issuedAt: new Date(s.issuedAt) },
  };
}
