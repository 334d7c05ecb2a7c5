// The statement each document makes, in each language. A typed record so a missing
// sentence for any document type or language fails to compile.
import { daysInclusive, formatDate, localDate } from './format.js';
import { travelDocumentName } from './labels.js';
import type { DocumentSnapshot, DocumentType, Language, TestResultLine } from './snapshot.js';

interface StatementFacts {
  s: DocumentSnapshot;
  days: number;
  latestTest: TestResultLine;
  date: (isoDate: string) => string; // formatted in the statement's language
}

interface Brackets {
  language: Language;
  open: string;
  comma: string;
  close: string;
}
const ZH: Brackets = { language: 'zh', open: '（', comma: '，', close: '）' };
const KO: Brackets = { language: 'ko', open: '(', comma: ', ', close: ')' };

/** Native name, then in brackets the Latin one (unless the same) and optionally the travel document. */
function named(s: DocumentSnapshot, brackets: Brackets, withDocument = false): string {
  const { nameNative, nameLatin, documentType, documentNumber } = s.holder;
  const travelDocument = `${travelDocumentName(documentType, brackets.language)} ${documentNumber}`;
  const details = [...(nameNative === nameLatin ? [] : [nameLatin]), ...(withDocument ? [travelDocument] : [])];
  return details.length === 0 ? nameNative : `${nameNative}${brackets.open}${details.join(brackets.comma)}${brackets.close}`;
}

// The release notice states the observation period (day 1 to the end date) and the
// release date separately: release is allowed from the document day, before the end.
const STATEMENTS: Record<Language, Record<DocumentType, (f: StatementFacts) => string>> = {
  zh: {
    release_notice: ({ s, days, date }) =>
      `${named(s, ZH, true)}自${date(s.stay.day1Date)}至${date(s.stay.endDate)}在${s.facility.name}接受集中隔离医学观察（观察期${days}天），核酸检测结果为阴性，符合解除条件，于${date(s.stay.releasedDate)}解除集中隔离医学观察。`,
    health_certificate: ({ s, latestTest, date }) =>
      `兹证明${named(s, ZH)}自${date(s.stay.day1Date)}至${date(s.stay.endDate)}在${s.facility.name}接受集中隔离医学观察期间，无发热及其他相关症状，${date(localDate(latestTest.collectedAt, s.facility.timeZone))}采样的复检核酸检测结果为阴性。`,
    test_report: ({ s, date }) =>
      `${named(s, ZH)}自${date(s.stay.day1Date)}起在${s.facility.name}接受集中隔离医学观察，期间新型冠状病毒核酸检测结果如下。`,
  },
  en: {
    release_notice: ({ s, days, date }) =>
      `${s.holder.nameLatin} (${travelDocumentName(s.holder.documentType, 'en')} ${s.holder.documentNumber}) has been under centralized medical observation at ${s.facility.name} for the ${days}-day observation period from ${date(s.stay.day1Date)} to ${date(s.stay.endDate)}, has tested negative for nucleic acid, meets the release criteria and is released from centralized medical observation on ${date(s.stay.releasedDate)}.`,
    health_certificate: ({ s, latestTest, date }) =>
      `This is to certify that ${s.holder.nameLatin} underwent centralized medical observation at ${s.facility.name} from ${date(s.stay.day1Date)} to ${date(s.stay.endDate)}, had no fever or related symptoms during that period, and the nucleic acid retest sampled on ${date(localDate(latestTest.collectedAt, s.facility.timeZone))} was negative.`,
    test_report: ({ s, date }) =>
      `SARS-CoV-2 nucleic acid test results of ${s.holder.nameLatin} during centralized medical observation at ${s.facility.name} since ${date(s.stay.day1Date)} are listed below.`,
  },
  ko: {
    release_notice: ({ s, days, date }) =>
      `${named(s, KO, true)} 님은 ${date(s.stay.day1Date)}부터 ${date(s.stay.endDate)}까지 ${s.facility.name}에서 ${days}일간의 집중격리 의학관찰 기간 중 핵산 검사 결과 음성으로 해제 기준을 충족하여 ${date(s.stay.releasedDate)}부로 집중격리 의학관찰이 해제됨을 통지합니다.`,
    health_certificate: ({ s, latestTest, date }) =>
      `${named(s, KO)} 님은 ${date(s.stay.day1Date)}부터 ${date(s.stay.endDate)}까지 ${s.facility.name}에서 집중격리 의학관찰을 받는 동안 발열 및 관련 증상이 없었으며, ${date(localDate(latestTest.collectedAt, s.facility.timeZone))}에 채취한 재검사 핵산 검사 결과가 음성임을 증명합니다.`,
    test_report: ({ s, date }) =>
      `${named(s, KO)} 님이 ${date(s.stay.day1Date)}부터 ${s.facility.name}에서 집중격리 의학관찰을 받는 동안 실시한 코로나19 핵산 검사 결과는 아래와 같습니다.`,
  },
};

/** The most recently resulted test: the one a release or certificate relies on. */
export function latestTest(tests: TestResultLine[]): TestResultLine | undefined {
  return tests.reduce<TestResultLine | undefined>((latest, t) => (!latest || Date.parse(t.resultedAt) > Date.parse(latest.resultedAt) ? t : latest), undefined);
}

export function statement(s: DocumentSnapshot, language: Language): string {
  const latest = latestTest(s.tests);
  if (!latest) throw new Error(`Document ${s.documentId} has no test result`);
  return STATEMENTS[language][s.type]({
    s,
    days: daysInclusive(s.stay.day1Date, s.stay.endDate),
    latestTest: latest,
    date: (isoDate) => formatDate(isoDate, language),
  });
}
