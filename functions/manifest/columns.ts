// The manifest's columns: ONE table the importer reads headers with, the .xlsx
// template is generated from and the page shows as its rules. Headers may be
// Chinese or English (any of the names, any case, full- or half-width, with or
// without spaces and a trailing "*"); a bilingual header "姓名 / Name" matches too.

export type ColumnKind = 'text' | 'sex' | 'date' | 'datetime' | 'country' | 'documentType' | 'language' | 'category' | 'flight' | 'conditions' | 'phone' | 'room';

export interface Column {
  field: string;
  /** Template header, Chinese and English. */
  zh: string;
  en: string;
  /** Other names accepted in a file's header row. */
  aliases: string[];
  kind: ColumnKind;
  required: boolean;
  /** Set once for the whole file (flight-level defaults) instead of per row. */
  flightDefault?: boolean;
  /** What the template's instructions say about accepted values. */
  rule: { zh: string; en: string };
  example: string;
}

export const COLUMNS: readonly Column[] = [
  { field: 'nameNative', zh: '姓名', en: 'Name', aliases: ['中文姓名', '姓名(中文)', 'name (native)', 'native name', 'full name'], kind: 'text', required: true, rule: { zh: '证件上的姓名（任何文字）', en: 'Name as in the document, any script' }, example: '张伟' },
  { field: 'nameLatin', zh: '拼音姓名', en: 'Latin name', aliases: ['拼音', '英文姓名', '姓名拼音', '护照姓名', 'name (latin)', 'passport name', 'name in passport', 'latin'], kind: 'text', required: true, rule: { zh: '护照上的拉丁字母姓名', en: 'Latin letters, as in the passport' }, example: 'ZHANG Wei' },
  { field: 'sex', zh: '性别', en: 'Sex', aliases: ['gender'], kind: 'sex', required: true, rule: { zh: '男 / 女 / M / F（其他: X）', en: '男 / 女 / M / F (other: X)' }, example: '男' },
  { field: 'birthDate', zh: '出生日期', en: 'Date of birth', aliases: ['生日', '出生年月日', 'birth date', 'birthdate', 'dob', 'birthday'], kind: 'date', required: true, rule: { zh: '1988/7/15、1988-07-15、1988年7月15日 或 Excel 日期', en: '1988/7/15, 1988-07-15, 1988年7月15日 or an Excel date' }, example: '1988/7/15' },
  { field: 'nationality', zh: '国籍', en: 'Nationality', aliases: ['国家', 'citizenship'], kind: 'country', required: true, rule: { zh: '国家名称（中文或英文）或两位代码 CN', en: 'Country name (Chinese or English) or 2-letter code CN' }, example: '中国' },
  { field: 'documentType', zh: '证件类型', en: 'Document type', aliases: ['证件种类', 'id type', 'document'], kind: 'documentType', required: false, rule: { zh: '护照 / 身份证 / 通行证 / 其他（空白为护照）', en: 'passport / id card / travel permit / other (blank: passport)' }, example: '护照' },
  { field: 'documentNumber', zh: '证件号码', en: 'Document number', aliases: ['护照号', '护照号码', '证件号', '身份证号', 'passport number', 'passport no', 'passport no.', 'document no', 'id number'], kind: 'text', required: true, rule: { zh: '3-30 位字母、数字', en: '3-30 letters and digits' }, example: 'E12345678' },
  { field: 'documentCountry', zh: '签发国', en: 'Issuing country', aliases: ['证件签发国', '发证国', 'document country', 'issued by'], kind: 'country', required: false, rule: { zh: '空白为国籍', en: 'Blank: the nationality' }, example: '中国' },
  { field: 'phone', zh: '联系电话', en: 'Phone', aliases: ['电话', '手机', '手机号', '手机号码', 'mobile', 'telephone', 'phone number'], kind: 'phone', required: true, rule: { zh: '数字，可带 + 和国家代码', en: 'Digits, optionally + and country code' }, example: '+86 138 0000 0000' },
  { field: 'language', zh: '语言', en: 'Language', aliases: ['沟通语言', 'preferred language'], kind: 'language', required: false, rule: { zh: '中文 / 英语 / 韩语（空白为中文）', en: 'Chinese / English / Korean (blank: Chinese)' }, example: '中文' },
  { field: 'category', zh: '人员类别', en: 'Category', aliases: ['类别', '人员类型', 'type'], kind: 'category', required: false, flightDefault: true, rule: { zh: '入境 / 密接 / 次密接（空白用全航班设置，默认入境）', en: 'inbound / close contact / secondary contact (blank: the flight setting, else inbound)' }, example: '入境' },
  { field: 'arrivedAt', zh: '抵达时间', en: 'Arrival time', aliases: ['入境时间', '到达时间', '抵达日期', 'arrival', 'arrived at', 'arrival date'], kind: 'datetime', required: true, flightDefault: true, rule: { zh: '2026/12/2 2:40 或 Excel 日期时间（隔离点当地时间）；可为全航班设置', en: '2026/12/2 2:40 or an Excel date-time (facility local time); may be set for the whole flight' }, example: '2026/12/2 2:40' },
  { field: 'flightNumber', zh: '航班号', en: 'Flight', aliases: ['航班', '航班号码', 'flight number', 'flight no', 'flight no.'], kind: 'flight', required: false, flightDefault: true, rule: { zh: 'CA934 或 CA 934；可为全航班设置', en: 'CA934 or CA 934; may be set for the whole flight' }, example: 'CA 934' },
  { field: 'originCountry', zh: '出发国', en: 'Origin', aliases: ['始发国', '来源国', '出发地', 'origin country', 'from', 'departure country'], kind: 'country', required: false, flightDefault: true, rule: { zh: '入境人员必填；可为全航班设置', en: 'Needed for inbound travellers; may be set for the whole flight' }, example: '法国' },
  { field: 'household', zh: '同行', en: 'Household', aliases: ['同行人', '家庭', '家庭编号', '同住', '同行编号', 'family', 'group', 'travelling with'], kind: 'text', required: false, rule: { zh: '同行的人（家庭、儿童与家长、陪护）填同一标记，住同一房间', en: 'The same mark for people travelling together (family, child and parent, caretaker): one room' }, example: '张家' },
  { field: 'roomNumber', zh: '房间号', en: 'Room', aliases: ['房间', '房号', 'room number'], kind: 'room', required: false, rule: { zh: '空白：按房间号顺序分配', en: 'Blank: the next free room in room order' }, example: '' },
  { field: 'diet', zh: '饮食', en: 'Diet', aliases: ['饮食要求', '饮食禁忌', 'dietary needs'], kind: 'text', required: false, rule: { zh: '例如 清真、素食', en: 'e.g. halal, vegetarian' }, example: '' },
  { field: 'specialConditions', zh: '特殊情况', en: 'Special conditions', aliases: ['特殊人群', 'conditions'], kind: 'conditions', required: false, rule: { zh: '慢性病、孕妇、儿童、老人、残疾、心理支持（用、或逗号分隔）', en: 'chronic illness, pregnancy, child, elderly, disability, psychological support (comma-separated)' }, example: '' },
  { field: 'notes', zh: '备注', en: 'Notes', aliases: ['说明', 'remarks', 'comment'], kind: 'text', required: false, rule: { zh: '', en: '' }, example: '' },
];

export const REASON_HEADER = '拒绝原因 / Reason';

/** Header text as compared: NFKC (full-width to half-width), lower case, no spaces, no "*" or "(必填)". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*＊]/g, '')
    .replace(/\((必填|required|选填|optional)\)/g, '')
    .replace(/[\s_:：]/g, '');
}

const BY_NAME = new Map<string, Column>();
for (const c of COLUMNS) for (const name of [c.zh, c.en, c.field, `${c.zh}/${c.en}`, ...c.aliases]) BY_NAME.set(normaliseHeader(name), c);

/** The column a header names, or undefined. */
export function columnOf(header: string): Column | undefined {
  const whole = BY_NAME.get(normaliseHeader(header));
  if (whole) return whole;
  for (const part of header.split(/[/|]/)) {
    const c = BY_NAME.get(normaliseHeader(part));
    if (c) return c;
  }
  return undefined;
}

export const templateHeader = (c: Column) => `${c.zh} / ${c.en}${c.required && !c.flightDefault ? ' *' : ''}`;
