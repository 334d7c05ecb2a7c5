// The statement each document makes, in each language. A typed record so a missing
// sentence for any document type or language fails to compile. Every clause is
// computed from the snapshot: the period ends on the release date when release came
// early, the retest named is the one that counts (domain/retest.ts), and the health
// clause states what the whole temperature log shows (domain/observation.ts).
import type { ObservationRecord } from '../domain/observation.js';
import { daysInclusive, formatDate, localDate } from './format.js';
import { travelDocumentName } from './labels.js';
import type { DocumentSnapshot, DocumentType, Language, TestResultLine } from './snapshot.js';

interface StatementFacts {
  s: DocumentSnapshot;
  /** Last day printed for the period: the release date when release came before the planned end. */
  periodEnd: string;
  days: number;
  /** The facility's name in the statement's language. */
  facility: string;
  /** Local collection date of the retest that counts (absent: none, e.g. a policy without retest). */
  retestDate?: string;
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

const celsius = (t: number) => `${t.toFixed(1)} °C`;

/** Up to three dates listed; more as "on N days between the first and the last". */
function dateList(dates: string[], language: Language, date: (d: string) => string): string {
  if (dates.length > 3) {
    const [first, last] = [date(dates[0]!), date(dates.at(-1)!)];
    return { zh: `${first}至${last}期间的${dates.length}天`, en: `${dates.length} days between ${first} and ${last}`, ko: `${first}부터 ${last}까지 중 ${dates.length}일` }[language];
  }
  const each = dates.map(date);
  if (language === 'zh') return each.join('、');
  if (language === 'ko') return each.join(', ');
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/** What the temperature log shows, as a clause of the certificate. */
function healthClause(o: ObservationRecord, language: Language, date: (d: string) => string): string {
  const dates = dateList(o.alertDates, language, date);
  const highest = o.highestC !== undefined && o.highestDate !== undefined ? { t: celsius(o.highestC), on: date(o.highestDate) } : undefined;
  switch (language) {
    case 'zh':
      if (o.checks === 0) return '期间无体温检测记录';
      if (o.alertChecks === 0) return `期间${o.checks}次体温检测均未记录发热（37.3 °C及以上）及其他相关症状`;
      return `期间于${dates}记录发热或相关症状${highest ? `（最高体温${highest.t}，${highest.on}）` : ''}，解除前${o.finalWindowHours}小时内未再记录发热及相关症状`;
    case 'en':
      if (o.checks === 0) return 'no temperature check is on file for that period';
      if (o.alertChecks === 0) return `none of the ${o.checks} temperature checks of that period recorded a fever (37.3 °C or more) or related symptoms`;
      return `a fever or related symptom was recorded on ${dates}${highest ? ` (highest reading ${highest.t} on ${highest.on})` : ''}, and none was recorded in the final ${o.finalWindowHours} hours before release`;
    case 'ko':
      if (o.checks === 0) return '그 기간 체온 측정 기록이 없으며';
      if (o.alertChecks === 0) return `그 기간 ${o.checks}회의 체온 측정에서 발열(37.3 °C 이상) 및 관련 증상이 기록되지 않았으며`;
      return `${dates}에 발열 또는 관련 증상이 기록되었으나${highest ? `(최고 체온 ${highest.t}, ${highest.on})` : ''} 해제 전 ${o.finalWindowHours}시간 이내에는 기록되지 않았으며`;
  }
}

function signoffClause(s: DocumentSnapshot, language: Language, date: (d: string) => string): string {
  const o = s.signoff;
  if (!o) return '';
  return {
    zh: `，经${o.doctorName}医师于${date(o.signedDate)}审核签字（${o.note}）`,
    en: `; the doctor ${o.doctorName} reviewed this record and signed it off on ${date(o.signedDate)} (${o.note})`,
    ko: ` 의사 ${o.doctorName}이(가) ${date(o.signedDate)}에 기록을 검토하고 승인하였으며(${o.note})`,
  }[language];
}

/** How the observation was spent, as the statements name it: in a hotel, at home, or a hotel part then at home. */
function where(f: StatementFacts, language: Language): string {
  const { s, facility, date } = f;
  const hotel = s.stay.hotelPart;
  const hotelName = hotel ? (language === 'en' ? (hotel.nameEn ?? hotel.name) : hotel.name) : '';
  if (s.stay.setting !== 'home') {
    return { zh: `在${facility}接受集中隔离医学观察`, en: `underwent centralized medical observation at ${facility}`, ko: `${facility}에서 집중격리 의학관찰을 받았고` }[language];
  }
  if (!hotel) {
    return { zh: `在${facility}管理下接受居家隔离医学观察`, en: `underwent home medical observation (home isolation) under ${facility}`, ko: `${facility} 관리하에 자가격리 의학관찰을 받았고` }[language];
  }
  const [from, to] = [date(hotel.fromDate), date(hotel.toDate)];
  return {
    zh: `接受医学观察（其中${from}至${to}在${hotelName}集中隔离，其后在${facility}管理下居家隔离）`,
    en: `underwent medical observation (centralized at ${hotelName} from ${from} to ${to}, then at home under ${facility})`,
    ko: `의학관찰을 받았고(${from}부터 ${to}까지 ${hotelName}에서 집중격리 후 ${facility} 관리하에 자가격리)`,
  }[language];
}

function certificate(f: StatementFacts, language: Language): string {
  if (f.s.stay.setting === 'home') return homeCertificate(f, language);
  const { s, periodEnd, facility, retestDate, date } = f;
  // Snapshots issued before the observation record was frozen render as they were issued.
  const legacy = { zh: '无发热及其他相关症状', en: 'no fever or related symptoms were reported during that period', ko: '발열 및 관련 증상이 없었으며' }[language];
  const health = s.observation ? healthClause(s.observation, language, date) : legacy;
  const signoff = signoffClause(s, language, date);
  switch (language) {
    case 'zh':
      return `兹证明${named(s, ZH)}自${date(s.stay.day1Date)}至${date(periodEnd)}在${facility}接受集中隔离医学观察，${health}${signoff}${retestDate ? `，${date(retestDate)}采样的复检核酸检测结果为阴性` : ''}。`;
    case 'en':
      return `This is to certify that ${s.holder.nameLatin} underwent centralized medical observation at ${facility} from ${date(s.stay.day1Date)} to ${date(periodEnd)}; ${health}${signoff}${retestDate ? `; the nucleic acid retest sampled on ${date(retestDate)} was negative` : ''}.`;
    case 'ko':
      return `${named(s, KO)} 님은 ${date(s.stay.day1Date)}부터 ${date(periodEnd)}까지 ${facility}에서 집중격리 의학관찰을 받았고, ${health}${signoff}${retestDate ? `, ${date(retestDate)}에 채취한 재검사 핵산 검사 결과가 음성임을 증명합니다` : ' 이상과 같이 증명합니다'}.`;
  }
}

function homeCertificate(f: StatementFacts, language: Language): string {
  const { s, periodEnd, retestDate, date } = f;
  const health = s.observation ? healthClause(s.observation, language, date) : '';
  const signoff = signoffClause(s, language, date);
  switch (language) {
    case 'zh':
      return `兹证明${named(s, ZH)}自${date(s.stay.day1Date)}至${date(periodEnd)}${where(f, 'zh')}，${health}${signoff}${retestDate ? `，${date(retestDate)}采样的复检核酸检测结果为阴性` : ''}。`;
    case 'en':
      return `This is to certify that ${s.holder.nameLatin} ${where(f, 'en')} from ${date(s.stay.day1Date)} to ${date(periodEnd)}; ${health}${signoff}${retestDate ? `; the nucleic acid retest sampled on ${date(retestDate)} was negative` : ''}.`;
    case 'ko':
      return `${named(s, KO)} 님은 ${date(s.stay.day1Date)}부터 ${date(periodEnd)}까지 ${where(f, 'ko')}, ${health}${signoff}${retestDate ? `, ${date(retestDate)}에 채취한 재검사 핵산 검사 결과가 음성임을 증명합니다` : ' 이상과 같이 증명합니다'}.`;
  }
}

/** The home release notice: the period, how it was spent, the team doctor's end-of-period check, the retest when there was one. */
function homeNotice(f: StatementFacts, language: Language): string {
  const { s, periodEnd, days, retestDate, date } = f;
  const check = s.endCheck;
  switch (language) {
    case 'zh':
      return `${named(s, ZH, true)}自${date(s.stay.day1Date)}至${date(periodEnd)}${where(f, 'zh')}（观察期${days}天）${check ? `，经${check.doctorName}医师于${date(check.date)}期满健康检查` : ''}${retestDate ? `，${date(retestDate)}采样的复检核酸检测结果为阴性` : ''}，符合解除条件，于${date(s.stay.releasedDate)}解除居家隔离医学观察。`;
    case 'en':
      return `${s.holder.nameLatin} (${travelDocumentName(s.holder.documentType, 'en')} ${s.holder.documentNumber}) ${where(f, 'en')} for the ${days}-day observation period from ${date(s.stay.day1Date)} to ${date(periodEnd)}${check ? `, was found fit at the end-of-period health check by the doctor ${check.doctorName} on ${date(check.date)}` : ''}${retestDate ? `, tested negative in the nucleic acid retest sampled on ${date(retestDate)}` : ''}, meets the release criteria and is released from home medical observation on ${date(s.stay.releasedDate)}.`;
    case 'ko':
      return `${named(s, KO, true)} 님은 ${date(s.stay.day1Date)}부터 ${date(periodEnd)}까지 ${days}일간 ${where(f, 'ko')}${check ? ` ${date(check.date)} 의사 ${check.doctorName}의 기간 만료 건강검진을 받았으며` : ''}${retestDate ? ` ${date(retestDate)}에 채취한 재검사 핵산 검사 결과가 음성으로` : ''} 해제 기준을 충족하여 ${date(s.stay.releasedDate)}부로 자가격리 의학관찰이 해제됨을 통지합니다.`;
  }
}

function testReportIntro(f: StatementFacts, language: Language): string {
  const { s, date } = f;
  switch (language) {
    case 'zh':
      return `${named(s, ZH)}自${date(s.stay.day1Date)}起${where(f, 'zh')}，期间新型冠状病毒核酸检测结果如下。`;
    case 'en':
      return `SARS-CoV-2 nucleic acid test results of ${s.holder.nameLatin}, who ${where(f, 'en')} since ${date(s.stay.day1Date)}, are listed below.`;
    case 'ko': {
      const hotel = s.stay.hotelPart;
      const during = hotel
        ? `의학관찰(${date(hotel.fromDate)}부터 ${date(hotel.toDate)}까지 ${hotel.name}에서 집중격리 후 ${f.facility} 관리하에 자가격리)을 받는 동안`
        : `${f.facility} 관리하에 자가격리 의학관찰을 받는 동안`;
      return `${named(s, KO)} 님이 ${date(s.stay.day1Date)}부터 ${during} 실시한 코로나19 핵산 검사 결과는 아래와 같습니다.`;
    }
  }
}

// The release notice states the observation period (day 1 to its last day) and the
// release date separately: release is allowed from the document day, before the end.
const STATEMENTS: Record<Language, Record<DocumentType, (f: StatementFacts) => string>> = {
  zh: {
    release_notice: ({ s, periodEnd, days, facility, date }) =>
      `${named(s, ZH, true)}自${date(s.stay.day1Date)}至${date(periodEnd)}在${facility}接受集中隔离医学观察（观察期${days}天），核酸检测结果为阴性，符合解除条件，于${date(s.stay.releasedDate)}解除集中隔离医学观察。`,
    health_certificate: (f) => certificate(f, 'zh'),
    test_report: (f) =>
      f.s.stay.setting === 'home' ? testReportIntro(f, 'zh') : `${named(f.s, ZH)}自${f.date(f.s.stay.day1Date)}起在${f.facility}接受集中隔离医学观察，期间新型冠状病毒核酸检测结果如下。`,
    home_release_notice: (f) => homeNotice(f, 'zh'),
  },
  en: {
    release_notice: ({ s, periodEnd, days, facility, date }) =>
      `${s.holder.nameLatin} (${travelDocumentName(s.holder.documentType, 'en')} ${s.holder.documentNumber}) has been under centralized medical observation at ${facility} for the ${days}-day observation period from ${date(s.stay.day1Date)} to ${date(periodEnd)}, has tested negative for nucleic acid, meets the release criteria and is released from centralized medical observation on ${date(s.stay.releasedDate)}.`,
    health_certificate: (f) => certificate(f, 'en'),
    test_report: (f) =>
      f.s.stay.setting === 'home'
        ? testReportIntro(f, 'en')
        : `SARS-CoV-2 nucleic acid test results of ${f.s.holder.nameLatin} during centralized medical observation at ${f.facility} since ${f.date(f.s.stay.day1Date)} are listed below.`,
    home_release_notice: (f) => homeNotice(f, 'en'),
  },
  ko: {
    release_notice: ({ s, periodEnd, days, facility, date }) =>
      `${named(s, KO, true)} 님은 ${date(s.stay.day1Date)}부터 ${date(periodEnd)}까지 ${facility}에서 ${days}일간의 집중격리 의학관찰 기간 중 핵산 검사 결과 음성으로 해제 기준을 충족하여 ${date(s.stay.releasedDate)}부로 집중격리 의학관찰이 해제됨을 통지합니다.`,
    health_certificate: (f) => certificate(f, 'ko'),
    test_report: (f) =>
      f.s.stay.setting === 'home'
        ? testReportIntro(f, 'ko')
        : `${named(f.s, KO)} 님이 ${f.date(f.s.stay.day1Date)}부터 ${f.facility}에서 집중격리 의학관찰을 받는 동안 실시한 코로나19 핵산 검사 결과는 아래와 같습니다.`,
    home_release_notice: (f) => homeNotice(f, 'ko'),
  },
};

/** The most recently resulted test: what snapshots issued before `retest` was frozen relied on. */
function legacyLatestTest(tests: TestResultLine[]): TestResultLine | undefined {
  return tests.reduce<TestResultLine | undefined>((latest, t) => (!latest || Date.parse(t.resultedAt) > Date.parse(latest.resultedAt) ? t : latest), undefined);
}

/** The test the release notice and certificate rest on: the frozen retest that counts, else (older snapshots) the latest resulted. */
export function retestLine(s: DocumentSnapshot): TestResultLine | undefined {
  if (s.retest) return s.tests.find((t) => t.sampleId === s.retest?.sampleId && t.collectedAt === s.retest.collectedAt);
  // Issued with an observation record but no retest: the stay's policy had none to count.
  return s.observation ? undefined : legacyLatestTest(s.tests);
}

/** The last day of the period printed: observation ends on release when release came first. */
export function periodEnd(s: Pick<DocumentSnapshot, 'stay'>): string {
  return s.stay.releasedDate < s.stay.endDate ? s.stay.releasedDate : s.stay.endDate;
}

/** The facility's name as English text prints it. */
export function facilityName(s: Pick<DocumentSnapshot, 'facility'>, language: Language): string {
  return language === 'en' ? (s.facility.nameEn ?? s.facility.name) : s.facility.name;
}

export function statement(s: DocumentSnapshot, language: Language): string {
  const retest = retestLine(s);
  const end = periodEnd(s);
  return STATEMENTS[language][s.type]({
    s,
    periodEnd: end,
    days: daysInclusive(s.stay.day1Date, end),
    facility: facilityName(s, language),
    ...(retest ? { retestDate: localDate(retest.collectedAt, s.facility.timeZone) } : {}),
    date: (isoDate) => formatDate(isoDate, language),
  });
}
