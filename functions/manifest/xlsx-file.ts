import ExcelJS from 'exceljs';
import { ValidationError } from '../shared/errors.js';
import { COLUMNS, REASON_HEADER, templateHeader } from './columns.js';
import type { Cell, WallClock } from './values.js';

// .xlsx through exceljs: the first sheet that has the manifest's header, cells as
// text, numbers or wall-clock dates (Excel stores dates without a zone, exceljs hands
// them over as UTC Dates: their UTC fields ARE the wall clock).

export interface Sheet {
  cells: Cell[][];
  /** Each cell's number format (to write refused rows back as they were). */
  formats: (string | undefined)[][];
  sheetName: string;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return { wall: true, y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate(), h: value.getUTCHours(), mi: value.getUTCMinutes(), s: value.getUTCSeconds() } satisfies WallClock;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer, looksLikeHeader: (row: Cell[]) => boolean): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError([{ path: 'contentBase64', code: 'file_unreadable', message: 'The .xlsx file cannot be read: save it again from Excel as .xlsx' }]);
  }
  const sheets = wb.worksheets.map((ws) => {
    const cells: Cell[][] = [];
    const formats: (string | undefined)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: Cell[] = [];
      const fmts: (string | undefined)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        values.push(cellOf(cell.value));
        fmts.push(cell.numFmt || undefined);
      }
      cells[rowNumber - 1] = values;
      formats[rowNumber - 1] = fmts;
    });
    for (let i = 0; i < cells.length; i++) {
      cells[i] ??= [];
      formats[i] ??= [];
    }
    return { cells, formats, sheetName: ws.name };
  });
  const sheet = sheets.find((s) => s.cells.slice(0, 5).some(looksLikeHeader)) ?? sheets[0];
  if (!sheet) throw new ValidationError([{ path: 'contentBase64', code: 'file_empty', message: 'The workbook has no sheet' }]);
  return sheet;
}

const toDate = (w: WallClock) => new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s));

/** The header row and the refused rows, as they were, with a reason column: to fix and import again. */
export async function writeRefusedXlsx(sheet: Sheet, headerIndex: number, rows: { index: number; reason: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.sheetName || 'Manifest');
  const header = sheet.cells[headerIndex] ?? [];
  ws.addRow([...header.map((c) => (c === null ? '' : typeof c === 'object' ? '' : c)), REASON_HEADER]).font = { bold: true };
  for (const { index, reason } of rows) {
    const cells = sheet.cells[index] ?? [];
    const out = ws.addRow([...header.map((_, c) => {
      const v = cells[c] ?? null;
      return v !== null && typeof v === 'object' ? toDate(v) : v;
    }), reason]);
    header.forEach((_, c) => {
      const fmt = sheet.formats[index]?.[c];
      if (fmt) out.getCell(c + 1).numFmt = fmt;
    });
  }
  ws.getColumn(header.length + 1).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The manifest template: the header row (from the column table), formats and lists for the cells, and a sheet of rules. */
export async function writeTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单 Manifest', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(COLUMNS.map(templateHeader)).font = { bold: true };
  const lists: Partial<Record<string, string>> = {
    sex: '"男,女,M,F,X"',
    documentType: '"护照,身份证,通行证,其他"',
    language: '"中文,英语,韩语"',
    category: '"入境,密接,次密接"',
  };
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, templateHeader(c).length + 4);
    if (c.kind === 'date') col.numFmt = 'yyyy/m/d';
    if (c.kind === 'datetime') col.numFmt = 'yyyy/m/d h:mm';
    if (['text', 'phone', 'room', 'flight'].includes(c.kind)) col.numFmt = '@';
    const list = lists[c.kind];
    for (let r = 2; r <= 501; r++) {
      if (list) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [list] };
    }
  });
  const rules = wb.addWorksheet('说明 Rules');
  rules.addRow(['列 / Column', '必填 / Required', '规则（中文）', 'Rule (English)', '示例 / Example']).font = { bold: true };
  for (const c of COLUMNS) {
    rules.addRow([templateHeader(c), c.required ? (c.flightDefault ? '是（或全航班设置） / yes (or for the flight)' : '是 / yes') : '', c.rule.zh, c.rule.en, c.example]);
  }
  rules.addRow([]);
  rules.addRow(['表头可用中文或英文；同行的人填同一“同行”标记，同住一间房；每行按房间号顺序分到下一间空房。', 'Headers in Chinese or English; people travelling together share a Household mark and one room; rows take the next free rooms in room order.']);
  rules.columns.forEach((col, i) => (col.width = [24, 18, 50, 60, 18][i] ?? 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
