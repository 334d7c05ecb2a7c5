import { localDate } from '../domain/calendar.js';
import { ValidationError, type FieldIssue } from '../shared/errors.js';
import type { FlightDefaults } from '../schemas/manifest.js';
import { columnOf, COLUMNS, type Column } from './columns.js';
import { decodeText, parseCsv, type TextEncoding } from './csv-file.js';
import {
  isBlank,
  readCategory,
  readConditions,
  readCountry,
  readDate,
  readDateTime,
  readDocumentType,
  readFlight,
  readLanguage,
  readPhone,
  readSex,
  text,
  type Cell,
  type Read,
} from './values.js';
import { readXlsx, type Sheet } from './xlsx-file.js';

// A manifest file (xlsx or CSV) to check-in rows: find the header row, map each
// header to its column, read every cell by its column's rules, apply the flight's
// defaults, and name every problem by the file's own row number and column header.

export type FileFormat = 'xlsx' | 'csv';

export interface ManifestFile {
  format: FileFormat;
  encoding?: TextEncoding;
  sheet: Sheet;
  headerIndex: number;
  /** Header text as in the file, for each column found, and columns the file has that we do not know. */
  columns: { header: string; field: string }[];
  ignored: string[];
  rows: FileRow[];
}

export interface FileRow {
  /** Row number as Excel shows it (1-based). */
  line: number;
  index: number;
  raw: Record<string, unknown>;
  issues: FieldIssue[];
  /** Short description for the preview (no ids): name and document. */
  name: string;
}

/** The path in the check-in input each column fills (issues on these paths name the column). */
export const FIELD_PATHS: Record<string, string> = {
  nameNative: 'person.nameNative',
  nameLatin: 'person.nameLatin',
  sex: 'person.sex',
  birthDate: 'person.birthDate',
  nationality: 'person.nationality',
  documentType: 'person.document.type',
  documentNumber: 'person.document.number',
  documentCountry: 'person.document.country',
  phone: 'person.phone',
  language: 'person.language',
  category: 'category',
  arrivedAt: 'arrival.arrivedAt',
  flightNumber: 'arrival.flightNumber',
  originCountry: 'arrival.originCountry',
  household: 'household',
  roomNumber: 'roomNumber',
  diet: 'diet',
  specialConditions: 'specialConditions',
  notes: 'notes',
};

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** A password-protected .xlsx is an OLE file holding an "EncryptionInfo" stream (name in UTF-16). */
const isEncryptedXlsx = (b: Buffer) => isOle(b) && b.includes(Buffer.from('EncryptionInfo', 'utf16le'));

const looksLikeHeader = (row: Cell[]) => row.filter((c) => typeof c === 'string' && columnOf(c)).length >= 3;

export async function openManifestFile(fileName: string, bytes: Buffer): Promise<Omit<ManifestFile, 'rows' | 'columns' | 'ignored' | 'headerIndex'> & { headerIndex: number }> {
  if (isEncryptedXlsx(bytes)) {
    throw new ValidationError([{ path: 'contentBase64', code: 'file_unreadable', message: 'The .xlsx file is password-protected: save it again without a password' }]);
  }
  if (isOle(bytes)) {
    throw new ValidationError([{ path: 'contentBase64', code: 'file_format_xls', message: 'Old Excel .xls files are not read: save the sheet as .xlsx or CSV' }]);
  }
  let format: FileFormat;
  let sheet: Sheet;
  let encoding: TextEncoding | undefined;
  if (isZip(bytes)) {
    format = 'xlsx';
    sheet = await readXlsx(bytes, looksLikeHeader);
  } else {
    if (/\.xlsx$/i.test(fileName)) throw new ValidationError([{ path: 'contentBase64', code: 'file_unreadable', message: 'The file is named .xlsx but is not an Excel workbook' }]);
    format = 'csv';
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    const cells = parseCsv(decoded.text);
    sheet = { cells, formats: [], sheetName: fileName.replace(/\.[^.]*$/, '') };
  }
  const headerIndex = sheet.cells.slice(0, 5).findIndex(looksLikeHeader);
  if (headerIndex < 0) {
    throw new ValidationError([
      { path: 'contentBase64', code: 'header_not_found', message: 'No header row found in the first 5 rows: use the template headers, e.g. 姓名, 性别, 出生日期, 证件号码 (Name, Sex, Date of birth, Document number)' },
    ]);
  }
  return { format, encoding, sheet, headerIndex };
}

export function readManifest(file: Awaited<ReturnType<typeof openManifestFile>>, timeZone: string, defaults: FlightDefaults = {}): ManifestFile {
  const header = file.sheet.cells[file.headerIndex] ?? [];
  const byField = new Map<string, { col: Column; index: number; header: string }>();
  const ignored: string[] = [];
  const problems: FieldIssue[] = [];
  header.forEach((cell, index) => {
    const h = text(cell);
    if (!h) return;
    const col = columnOf(h);
    if (!col) return void ignored.push(h);
    const seen = byField.get(col.field);
    if (seen) problems.push({ path: `columns.${col.field}`, code: 'column_twice', message: `Columns "${seen.header}" and "${h}" are both ${col.zh} / ${col.en}` });
    else byField.set(col.field, { col, index, header: h });
  });
  const flightDefault: Partial<Record<string, string | undefined>> = { arrivedAt: defaults.arrivedAt, flightNumber: defaults.flightNumber, originCountry: defaults.originCountry, category: defaults.category };
  for (const col of COLUMNS) {
    if (col.required && !byField.has(col.field) && !(col.flightDefault && flightDefault[col.field])) {
      problems.push({ path: `columns.${col.field}`, code: 'column_missing', message: `The file has no ${col.zh} / ${col.en} column${col.flightDefault ? ' and no value was set for the whole flight' : ''}` });
    }
  }
  if (problems.length) throw new ValidationError(problems, 'The file does not have the manifest columns.');

  const rows: FileRow[] = [];
  for (let i = file.headerIndex + 1; i < file.sheet.cells.length; i++) {
    const cells = file.sheet.cells[i] ?? [];
    if (cells.every(isBlank)) continue;
    rows.push(readRow(i, cells, byField, flightDefault, timeZone));
  }
  if (rows.length === 0) throw new ValidationError([{ path: 'contentBase64', code: 'file_no_rows', message: 'The file has a header but no rows' }]);
  return {
    ...file,
    columns: [...byField.values()].sort((a, b) => a.index - b.index).map((c) => ({ header: c.header, field: c.col.field })),
    ignored,
    rows,
  };
}

function readRow(
  index: number,
  cells: Cell[],
  byField: Map<string, { col: Column; index: number; header: string }>,
  flightDefault: Partial<Record<string, string | undefined>>,
  timeZone: string,
): FileRow {
  const issues: FieldIssue[] = [];
  const values: Record<string, unknown> = {};
  const cellFor = (field: string): Cell => {
    const at = byField.get(field);
    const v = at ? (cells[at.index] ?? null) : null;
    return isBlank(v) && flightDefault[field] ? (flightDefault[field] as string) : v;
  };
  const take = <T>(field: string, read: (c: Cell) => Read<T>, optional = true) => {
    const cell = cellFor(field);
    if (isBlank(cell) && optional && !['documentType', 'language'].includes(field)) return;
    const r = read(cell);
    if ('ok' in r) values[field] = r.ok;
    else issues.push({ path: FIELD_PATHS[field] as string, code: r.code, message: r.error });
  };
  const plain = (field: string) => {
    const t = text(cellFor(field));
    if (t) values[field] = t;
  };
  plain('nameNative');
  plain('nameLatin');
  take('sex', readSex, false);
  take('birthDate', readDate, false);
  take('nationality', readCountry, false);
  take('documentType', readDocumentType);
  plain('documentNumber');
  take('documentCountry', readCountry);
  take('phone', readPhone, false);
  take('language', readLanguage);
  take('category', readCategory);
  take('arrivedAt', (c) => readDateTime(c, timeZone), false);
  take('flightNumber', readFlight);
  take('originCountry', readCountry);
  plain('household');
  plain('roomNumber');
  plain('diet');
  take('specialConditions', readConditions);
  plain('notes');
  // Blank required cells: named here with the column, not left to a generic "Required".
  for (const [field, at] of byField) {
    if (at.col.required && isBlank(cellFor(field)) && !issues.some((i) => i.path === FIELD_PATHS[field])) {
      issues.push({ path: FIELD_PATHS[field] as string, code: 'required', message: `${at.col.zh} / ${at.col.en} is empty` });
    }
  }

  const arrivedAt = values.arrivedAt as string | undefined;
  const label = values.household as string | undefined;
  // A household mark is per flight: the same mark on another flight or day is another family.
  const household = label ? [values.flightNumber ?? '', arrivedAt ? localDate(arrivedAt, timeZone) : '', label].join(' ') : undefined;
  const raw: Record<string, unknown> = {
    person: {
      nameNative: values.nameNative,
      nameLatin: values.nameLatin,
      sex: values.sex,
      birthDate: values.birthDate,
      nationality: values.nationality,
      document: { type: values.documentType ?? 'passport', number: values.documentNumber, country: values.documentCountry ?? values.nationality },
      phone: values.phone,
      language: values.language ?? 'zh',
    },
    category: values.category ?? 'inbound',
    arrival: {
      arrivedAt,
      ...(values.flightNumber ? { flightNumber: values.flightNumber } : {}),
      ...(values.originCountry ? { originCountry: values.originCountry } : {}),
    },
    ...(values.diet ? { diet: values.diet } : {}),
    ...(values.specialConditions ? { specialConditions: values.specialConditions } : {}),
    ...(values.notes ? { notes: values.notes } : {}),
    ...(values.roomNumber ? { roomNumber: values.roomNumber } : {}),
    ...(household ? { household } : {}),
  };
  return { line: index + 1, index, raw, issues, name: [values.nameNative, values.nameLatin].filter(Boolean).join(' ') };
}

/** The column header (as in the file) an issue's path belongs to. */
export function columnForPath(file: Pick<ManifestFile, 'columns'>, path: string): string | undefined {
  const field = Object.entries(FIELD_PATHS).find(([, p]) => path === p || path.startsWith(`${p}.`))?.[0];
  return field ? file.columns.find((c) => c.field === field)?.header : undefined;
}
