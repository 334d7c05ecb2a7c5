import { columnForPath, openManifestFile, readManifest, type ManifestFile } from '../manifest/read-manifest.js';
import { csvSeparator, decodeText, writeCsv } from '../manifest/csv-file.js';
import { REASON_HEADER } from '../manifest/columns.js';
import { text } from '../manifest/values.js';
import { writeRefusedXlsx, writeTemplate } from '../manifest/xlsx-file.js';
import type { ImportInput } from '../schemas/manifest.js';
import { ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';
import { registerManifest, type BatchRow, type Problem } from './register-batch.js';

// A manifest file straight from Excel: read on the server (one set of rules for the
// page, scripts and the template; dates need the facility's time zone), then the same
// manifest path as JSON rows: a dry run that writes nothing, or the real run. Rows
// are numbered as Excel shows them, problems name the file's own column headers.

export interface ImportRow {
  row: number;
  status: BatchRow['status'];
  name: string;
  stayId?: string;
  roomNumber?: string;
  householdId?: string;
  day1Date?: string;
  endDate?: string;
  problem?: Problem;
  /** Why it was refused, Chinese then English, as the refused-rows file prints it. */
  reason?: string;
}

export interface ImportReport {
  dryRun: boolean;
  format: 'xlsx' | 'csv';
  encoding?: string;
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  total: number;
  created: number;
  ready: number;
  refused: number;
  rows: ImportRow[];
}

const decode = (b64: string) => Buffer.from(b64, 'base64');

export async function importManifest(principal: Principal, facilityId: string, input: ImportInput, dryRun: boolean): Promise<ImportReport> {
  const facility = await loadFacilityFor(principal, facilityId);
  const file = readManifest(await openManifestFile(input.fileName, decode(input.contentBase64)), facility.timeZone, input.defaults);
  const picks = input.rooms ?? {};
  for (const r of file.rows) {
    const pick = picks[String(r.line)];
    if (pick) r.raw.roomNumber = pick;
  }
  const only = input.onlyRows ? new Set(input.onlyRows) : undefined;
  const report = await registerManifest(
    principal,
    facility.facilityId,
    file.rows.map((r) => ({ row: r.line, raw: r.raw, issues: r.issues })),
    { dryRun, only },
  );
  const names = new Map(file.rows.map((r) => [r.line, r.name]));
  const rows = report.rows.map((r): ImportRow => {
    const name = names.get(r.row) ?? '';
    if (r.status !== 'refused') return { ...r, name };
    const problem = withColumns(file, r.problem);
    return { row: r.row, status: 'refused', name, problem, reason: reasonText(problem) };
  });
  return {
    dryRun,
    format: file.format,
    ...(file.encoding ? { encoding: file.encoding } : {}),
    columns: file.columns,
    ignoredColumns: file.ignored,
    total: file.rows.length,
    created: report.created,
    ready: report.ready,
    refused: report.refused,
    rows,
  };
}

function withColumns(file: ManifestFile, problem: Problem): Problem {
  if (!Array.isArray(problem.issues)) return problem;
  return { ...problem, issues: (problem.issues as { path: string }[]).map((i) => ({ ...i, ...(columnForPath(file, i.path) ? { column: columnForPath(file, i.path) } : {}) })) };
}

const ZH: Record<string, string> = {
  required: '未填写',
  date_format: '日期格式应为 1988/7/15',
  date_invalid: '不是有效日期',
  datetime_format: '时间格式应为 2026/12/2 2:40',
  datetime_invalid: '不是有效的日期时间',
  sex_value: '性别应为 男 / 女',
  document_type_value: '证件类型应为 护照 / 身份证 / 通行证 / 其他',
  language_value: '语言应为 中文 / 英语 / 韩语',
  category_value: '人员类别应为 入境 / 密接 / 次密接',
  country_value: '无法识别的国家',
  condition_value: '无法识别的特殊情况',
  duplicate_in_file: '与文件中另一行证件相同',
  person_has_open_stay: '此人已有未结束的隔离记录',
  no_free_room: '没有空余房间',
  unknown_room: '房间不存在',
  room_not_ready: '房间正在清洁或待放房',
  room_full: '房间已住满',
  room_other_household: '房间已住其他同行组',
  room_not_free: '房间已被占用',
};

/** "列: 中文说明 (English message)" for each issue or reason. */
export function reasonText(problem: Problem): string {
  const issues = (Array.isArray(problem.issues) ? problem.issues : []) as { path: string; code: string; message: string; column?: string }[];
  const reasons = (Array.isArray(problem.reasons) ? problem.reasons : []) as { code: string; message: string }[];
  const parts = [
    ...issues.map((i) => `${i.column ?? i.path}: ${ZH[i.code] ?? '格式不正确'} (${i.message})`),
    ...reasons.map((r) => `${ZH[r.code] ?? r.code} (${r.message})`),
  ];
  return parts.join('; ') || problem.detail;
}

/** The refused rows in the file's own format (xlsx, or CSV as UTF-8 with BOM) with a reason column. */
export async function refusedRowsFile(principal: Principal, facilityId: string, input: { fileName: string; contentBase64: string; rows: { row: number; reason: string }[] }) {
  await loadFacilityFor(principal, facilityId);
  const bytes = decode(input.contentBase64);
  const opened = await openManifestFile(input.fileName, bytes);
  const { sheet, headerIndex } = opened;
  const last = sheet.cells.length;
  const bad = input.rows.filter((r) => r.row - 1 <= headerIndex || r.row > last);
  if (bad.length) throw new ValidationError(bad.map((r) => ({ path: 'rows', code: 'row_not_in_file', message: `Row ${r.row} is not a data row of the file` })));
  const base = input.fileName.replace(/\.[^.]*$/, '');
  if (opened.format === 'xlsx') {
    const out = await writeRefusedXlsx(sheet, headerIndex, input.rows.map((r) => ({ index: r.row - 1, reason: r.reason })));
    return { fileName: `${base}-refused.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: out.toString('base64') };
  }
  const header = (sheet.cells[headerIndex] ?? []).map((c) => text(c));
  const sep = csvSeparator(decodeText(bytes).text);
  const rows = input.rows.map((r) => [...header.map((_, c) => text((sheet.cells[r.row - 1] ?? [])[c] ?? null)), r.reason]);
  const out = writeCsv([[...header, REASON_HEADER], ...rows], sep);
  return { fileName: `${base}-refused.csv`, mediaType: 'text/csv; charset=utf-8', contentBase64: out.toString('base64') };
}

export async function manifestTemplate(principal: Principal, facilityId: string) {
  await loadFacilityFor(principal, facilityId);
  return writeTemplate();
}
