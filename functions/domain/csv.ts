// CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold a
// comma, quote or line break, quotes doubled. A UTF-8 byte order mark lets Excel
// open Chinese names correctly. Cells that a spreadsheet would run as a formula
// (starting with = + - @ or a control character) are prefixed with an apostrophe.

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
