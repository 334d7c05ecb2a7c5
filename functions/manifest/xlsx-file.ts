import { ValidationError } from '../shared/errors.js';
import { readWorkbook } from '../xlsx/read-workbook.js';
import { writeWorkbook, type XlsxCell } from '../xlsx/write-workbook.js';
import { COLUMNS, REASON_HEADER, templateHeader } from './columns.js';
import type { Cell } from './values.js';

// The manifest's .xlsx files: the first sheet that has the manifest's header, its
// cells as text, numbers or wall-clock dates (Excel stores dates without a zone); the
// refused rows written back as they were; the template.

export interface Sheet {
  cells: Cell[][];
  /** Each cell's number format (to write refused rows back as they were). */
  formats: (string | undefined)[][];
  sheetName: string;
}

const unreadable = (message: string) => new ValidationError([{ path: 'contentBase64', code: 'file_unreadable', message }]);

export async function readXlsx(bytes: Buffer, looksLikeHeader: (row: Cell[]) => boolean): Promise<Sheet> {
  let sheets;
  try {
    sheets = readWorkbook(bytes).map((s) => ({ cells: s.cells, formats: s.formats, sheetName: s.name }));
  } catch {
    throw unreadable('The .xlsx file cannot be read: save it again from Excel as .xlsx');
  }
  const sheet = sheets.find((s) => s.cells.slice(0, 5).some(looksLikeHeader)) ?? sheets[0];
  if (!sheet) throw new ValidationError([{ path: 'contentBase64', code: 'file_empty', message: 'The workbook has no sheet' }]);
  return sheet;
}

/** The header row and the refused rows, as they were, with a reason column: to fix and import again. */
export async function writeRefusedXlsx(sheet: Sheet, headerIndex: number, rows: { index: number; reason: string }[]): Promise<Buffer> {
  const header = sheet.cells[headerIndex] ?? [];
  const headerRow: XlsxCell[] = [...header.map((c) => (c !== null && typeof c === 'object' ? '' : (c ?? ''))), REASON_HEADER];
  const refused = rows.map(({ index, reason }): XlsxCell[] => [
    ...header.map((_, c) => ({ value: sheet.cells[index]?.[c] ?? null, numFmt: sheet.formats[index]?.[c] })),
    reason,
  ]);
  const columns = [...header.map(() => ({})), { width: 60 }];
  return writeWorkbook([{ name: sheet.sheetName || 'Manifest', columns, rows: [headerRow, ...refused], boldFirstRow: true }]);
}

const LISTS: Partial<Record<string, string[]>> = {
  sex: ['男', '女', 'M', 'F', 'X'],
  documentType: ['护照', '身份证', '通行证', '其他'],
  language: ['中文', '英语', '韩语'],
  category: ['入境', '密接', '次密接'],
};

const FORMATS: Partial<Record<string, string>> = { date: 'yyyy/m/d', datetime: 'yyyy/m/d h:mm', text: '@', phone: '@', room: '@', flight: '@' };

/** The manifest template: the header row (from the column table), formats and lists for the cells, and a sheet of rules. */
export async function writeTemplate(): Promise<Buffer> {
  const manifest = {
    name: '名单 Manifest',
    columns: COLUMNS.map((c) => ({ width: Math.max(12, templateHeader(c).length + 4), numFmt: FORMATS[c.kind] })),
    rows: [COLUMNS.map(templateHeader)],
    boldFirstRow: true,
    freezeFirstRow: true,
    lists: COLUMNS.flatMap((c, i) => {
      const values = LISTS[c.kind];
      return values ? [{ column: i + 1, fromRow: 2, toRow: 501, values, allowBlank: !c.required }] : [];
    }),
  };
  const rules = {
    name: '说明 Rules',
    columns: [24, 18, 50, 60, 18].map((width) => ({ width })),
    rows: [
      ['列 / Column', '必填 / Required', '规则（中文）', 'Rule (English)', '示例 / Example'],
      ...COLUMNS.map((c) => [templateHeader(c), c.required ? (c.flightDefault ? '是（或全航班设置） / yes (or for the flight)' : '是 / yes') : '', c.rule.zh, c.rule.en, c.example]),
      [],
      ['表头可用中文或英文；同行的人填同一“同行”标记，同住一间房；每行按房间号顺序分到下一间空房。', 'Headers in Chinese or English; people travelling together share a Household mark and one room; rows take the next free rooms in room order.'],
    ],
    boldFirstRow: true,
  };
  return writeWorkbook([manifest, rules]);
}
