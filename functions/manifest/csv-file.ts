import { ValidationError } from '../shared/errors.js';
import type { Cell } from './values.js';

// CSV as Excel saves it: UTF-8 (with or without BOM), GB18030/GBK ("CSV" on Chinese
// Windows), or UTF-16 ("Unicode text", tab-separated). The encoding is detected, never
// guessed silently: bytes that are neither valid UTF-8 nor valid GB18030 are refused.

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's "CSV" on Chinese Windows is GBK, which GB18030 contains.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new ValidationError([{ path: 'contentBase64', code: 'file_encoding_unknown', message: 'The file is neither UTF-8 nor GB18030/GBK text: save it from Excel as "CSV UTF-8" or .xlsx' }]);
  }
}

/** RFC 4180 fields; the separator is the one (comma, tab, semicolon) the header line uses most. */
export function parseCsv(text: string): Cell[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((sep) => ({ sep, n: firstLine.split(sep).length }));
  const sep = counts.sort((a, b) => b.n - a.n)[0]?.sep ?? ',';
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function csvSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return [',', '\t', ';'].map((sep) => ({ sep, n: firstLine.split(sep).length })).sort((a, b) => b.n - a.n)[0]?.sep ?? ',';
}

/** A CSV the way Excel on any Windows opens it correctly: UTF-8 with a BOM, CRLF lines. */
export function writeCsv(rows: readonly (readonly string[])[], sep = ','): Buffer {
  const cell = (v: string) => (/[",\r\n\t;]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`, 'utf8');
}
