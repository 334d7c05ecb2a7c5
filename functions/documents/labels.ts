// Every printed word in each language. `Record<Language, Labels>` makes a missing
// translation a compile-time error instead of a blank on an official document.
import type { DocumentType, Language, Sex, StayCategory, TestResult } from './snapshot.js';

/** Travel document codes stored with the person; any other value is printed as given. */
export type TravelDocumentCode = 'passport' | 'id_card' | 'travel_permit' | 'other';

export interface Labels {
  title: Record<DocumentType, string>;
  documentNo: string;
  section: { holder: string; stay: string; homeStay: string; tests: string };
  field: {
    name: string;
    sex: string;
    birthDate: string;
    nationality: string;
    documentType: string;
    documentNumber: string;
    category: string;
    facility: string;
    roomNumber: string;
    flightNumber: string;
    programme: string;
    homeAddress: string;
    hotelPart: string;
    day1Date: string;
    endDate: string;
    releasedDate: string;
    issueDate: string;
    issuedBy: string;
  };
  testColumn: { sampleId: string; collectedAt: string; resultedAt: string; method: string; result: string };
  result: Record<TestResult, string>;
  sex: Record<Sex, string>;
  travelDocument: Record<TravelDocumentCode, string>;
  category: Record<StayCategory, string>;
  scanToVerify: string;
  verifyNote: string;
  /** The signature and seal area. */
  seal: { box: string; officer: string };
}

export const LABELS: Record<Language, Labels> = {
  zh: {
    title: {
      release_notice: '解除集中隔离医学观察通知单',
      health_certificate: '健康证明',
      test_report: '核酸检测报告',
      home_release_notice: '解除居家隔离医学观察通知书',
    },
    documentNo: '文书编号',
    section: { holder: '持证人信息', stay: '集中隔离医学观察', homeStay: '居家隔离医学观察', tests: '核酸检测结果' },
    field: {
      name: '姓名',
      sex: '性别',
      birthDate: '出生日期',
      nationality: '国籍',
      documentType: '证件类型',
      documentNumber: '证件号码',
      category: '人员类别',
      facility: '隔离场所',
      roomNumber: '房间号',
      flightNumber: '航班号',
      programme: '管理单位',
      homeAddress: '居住地址',
      hotelPart: '集中隔离',
      day1Date: '第1天',
      endDate: '观察期至',
      releasedDate: '解除日期',
      issueDate: '签发日期',
      issuedBy: '签发单位',
    },
    testColumn: { sampleId: '样本编号', collectedAt: '采样时间', resultedAt: '报告时间', method: '检测方法', result: '结果' },
    result: { negative: '阴性', positive: '阳性', inconclusive: '不确定' },
    sex: { F: '女', M: '男', X: '未说明' },
    travelDocument: { passport: '护照', id_card: '身份证', travel_permit: '通行证', other: '其他证件' },
    category: { inbound: '入境人员', close_contact: '密切接触者', secondary_contact: '次密切接触者' },
    scanToVerify: '扫码验证',
    verifyNote: '本文书真伪以扫码验证页面显示的信息为准。',
    seal: { box: '签发机构（盖章）', officer: '签发人（签字）' },
  },
  en: {
    title: {
      release_notice: 'Notice of Release from Centralized Medical Observation',
      health_certificate: 'Health Certificate',
      test_report: 'Nucleic Acid Test Report',
      home_release_notice: 'Notice of Release from Home Medical Observation',
    },
    documentNo: 'Document No.',
    section: { holder: 'Holder', stay: 'Centralized medical observation', homeStay: 'Home medical observation', tests: 'Nucleic acid test results' },
    field: {
      name: 'Name',
      sex: 'Sex',
      birthDate: 'Date of birth',
      nationality: 'Nationality',
      documentType: 'Travel document',
      documentNumber: 'Document number',
      category: 'Category',
      facility: 'Facility',
      roomNumber: 'Room',
      flightNumber: 'Flight',
      programme: 'Managed by',
      homeAddress: 'Home address',
      hotelPart: 'Centralized part',
      day1Date: 'Day 1',
      endDate: 'Observed until',
      releasedDate: 'Released',
      issueDate: 'Date of issue',
      issuedBy: 'Issued by',
    },
    testColumn: { sampleId: 'Sample ID', collectedAt: 'Collected', resultedAt: 'Resulted', method: 'Method', result: 'Result' },
    result: { negative: 'Negative', positive: 'Positive', inconclusive: 'Inconclusive' },
    sex: { F: 'Female', M: 'Male', X: 'Unspecified' },
    travelDocument: { passport: 'Passport', id_card: 'ID card', travel_permit: 'Travel permit', other: 'Other document' },
    category: { inbound: 'Inbound traveller', close_contact: 'Close contact', secondary_contact: 'Secondary close contact' },
    scanToVerify: 'Scan to verify',
    verifyNote: 'The information shown on the verification page linked by the QR code prevails.',
    seal: { box: 'Seal of the issuing authority', officer: 'Signing officer' },
  },
  ko: {
    title: {
      release_notice: '집중격리 의학관찰 해제 통지서',
      health_certificate: '건강 증명서',
      test_report: '핵산 검사 보고서',
      home_release_notice: '자가격리 의학관찰 해제 통지서',
    },
    documentNo: '문서 번호',
    section: { holder: '대상자 정보', stay: '집중격리 의학관찰', homeStay: '자가격리 의학관찰', tests: '핵산 검사 결과' },
    field: {
      name: '성명',
      sex: '성별',
      birthDate: '생년월일',
      nationality: '국적',
      documentType: '신분증 종류',
      documentNumber: '신분증 번호',
      category: '구분',
      facility: '격리 시설',
      roomNumber: '객실',
      flightNumber: '항공편',
      programme: '관리 기관',
      homeAddress: '거주지 주소',
      hotelPart: '집중격리',
      day1Date: '1일차',
      endDate: '관찰 종료일',
      releasedDate: '해제일',
      issueDate: '발급일',
      issuedBy: '발급 기관',
    },
    testColumn: { sampleId: '검체 번호', collectedAt: '채취 일시', resultedAt: '결과 일시', method: '검사 방법', result: '결과' },
    result: { negative: '음성', positive: '양성', inconclusive: '판정 보류' },
    sex: { F: '여', M: '남', X: '기타' },
    travelDocument: { passport: '여권', id_card: '신분증', travel_permit: '통행증', other: '기타 신분증' },
    category: { inbound: '입국자', close_contact: '밀접접촉자', secondary_contact: '2차 밀접접촉자' },
    scanToVerify: '스캔하여 확인',
    verifyNote: '본 문서의 진위는 QR 코드의 확인 페이지에 표시된 정보를 기준으로 합니다.',
    seal: { box: '발급 기관 직인', officer: '서명 담당자' },
  },
};

/** The travel document's name in one language, for a known code; otherwise the stored text. */
export function travelDocumentName(documentType: string, language: Language): string {
  const names = LABELS[language].travelDocument;
  return Object.hasOwn(names, documentType) ? names[documentType as TravelDocumentCode] : documentType;
}
