import { BUILTIN_FORMATS, fromSerial, isDateFormat, type WallClock } from './number-formats.js';
import { elements, tokens, unescapeOoxml, type XmlToken } from './xml.js';
import { readZip } from './zip.js';

// An .xlsx (as Excel, WPS, LibreOffice, Numbers or exceljs save it) to its sheets'
// values: shared and inline strings (rich text runs joined, phonetic runs left out),
// numbers, booleans, formulas' cached values, errors as empty, dates by their number
// format in the workbook's date system. Cells sit where their r= reference puts them.

export type XlsxValue = string | number | boolean | WallClock | null;

export interface ReadSheet {
  name: string;
  /** Rows by index (row 1 is index 0), cells by column (A is 0); missing rows are empty arrays. */
  cells: XlsxValue[][];
  /** Each cell's number format code, where it has one other than General. */
  formats: (string | undefined)[][];
}

export class NotAWorkbook extends Error {}

/** A value beyond this row is refused: no manifest is that long, and a stray cell would allocate a million rows. */
const MAX_ROWS = 100_000;

const OFFICE_DOC = /\/officeDocument$/;

/** Relationships of a part: id to target path (resolved from the part's folder) and type. */
function relationships(parts: Map<string, () => Buffer>, part: string): Map<string, { target: string; type: string }> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const rels = parts.get(`${dir}_rels/${part.slice(slash + 1)}.rels`.toLowerCase());
  const map = new Map<string, { target: string; type: string }>();
  if (!rels) return map;
  for (const r of elements(rels().toString('utf8'), 'Relationship')) {
    if (!r.Id || !r.Target || r.TargetMode === 'External') continue;
    map.set(r.Id, { target: resolve(dir, r.Target), type: r.Type ?? '' });
  }
  return map;
}

function resolve(dir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** Text of one `<si>` or `<is>` item fed token by token: every `<t>` outside phonetic runs (`<rPh>`), joined. */
class ItemText {
  text = '';
  private inT = false;
  private phonetic = 0;
  feed(t: XmlToken): void {
    if (t.kind === 'open' && !t.empty) {
      if (t.name === 'rPh') this.phonetic++;
      else if (t.name === 't') this.inT = true;
    } else if (t.kind === 'close') {
      if (t.name === 'rPh') this.phonetic--;
      else if (t.name === 't') this.inT = false;
    } else if (t.kind === 'text' && this.inT && this.phonetic === 0) this.text += t.text;
  }
  value = () => unescapeOoxml(this.text);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let item: ItemText | undefined;
  for (const t of tokens(xml)) {
    if (t.kind === 'open' && t.name === 'si') {
      if (t.empty) out.push('');
      else item = new ItemText();
    } else if (t.kind === 'close' && t.name === 'si' && item) (out.push(item.value()), (item = undefined));
    else item?.feed(t);
  }
  return out;
}

interface Styles {
  /** Per cell style index: its number format code (undefined for General) and whether it shows a date. */
  xf: { code: string | undefined; date: boolean }[];
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { xf: [] };
  const custom = new Map(elements(xml, 'numFmt', 'numFmts').map((f) => [Number(f.numFmtId), f.formatCode ?? '']));
  const xf = elements(xml, 'xf', 'cellXfs').map((x) => {
    const id = Number(x.numFmtId ?? 0);
    const code = custom.get(id);
    const shown = code ?? BUILTIN_FORMATS[id];
    return { code: shown === 'General' ? undefined : shown, date: isDateFormat(id, code) };
  });
  return { xf };
}

/** Column index of an A1 reference ("C5" is 2), or undefined without letters. */
function columnOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? undefined : col - 1;
}

const isoWall = (s: string): WallClock | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  return m ? { wall: true, y: +m[1]!, m: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0) } : null;
};

function readSheet(xml: string, name: string, shared: string[], styles: Styles, date1904: boolean): ReadSheet {
  const cells: XlsxValue[][] = [];
  const formats: (string | undefined)[][] = [];
  let row = -1;
  let col = -1;
  let cell: { type: string; style: number; v: string; inline: string | undefined } | undefined;
  let inV = false;
  let inline: ItemText | undefined;
  const put = (r: number, c: number, value: XlsxValue, code: string | undefined) => {
    if (value === null && code === undefined) return;
    if (r >= MAX_ROWS) throw new NotAWorkbook('too many rows');
    for (let i = cells.length; i <= r; i++) (cells[i] = []), (formats[i] = []);
    if (value !== null) (cells[r] as XlsxValue[])[c] = value;
    if (code !== undefined) (formats[r] as (string | undefined)[])[c] = code;
  };
  for (const t of tokens(xml)) {
    if (inline && cell) {
      if (t.kind === 'close' && t.name === 'is') (cell.inline = inline.value()), (inline = undefined);
      else inline.feed(t);
      continue;
    }
    if (t.kind === 'open') {
      if (t.name === 'row') {
        row = t.attrs.r ? Number(t.attrs.r) - 1 : row + 1;
        col = -1;
      } else if (t.name === 'c') {
        col = (t.attrs.r ? columnOf(t.attrs.r) : undefined) ?? col + 1;
        if (t.attrs.r && row < 0) row = Number(t.attrs.r.replace(/^[A-Za-z]+/, '')) - 1;
        cell = { type: t.attrs.t ?? 'n', style: Number(t.attrs.s ?? 0), v: '', inline: undefined };
        if (t.empty) finish();
      } else if (t.name === 'v' && cell && !t.empty) inV = true;
      else if (t.name === 'is' && cell && !t.empty) inline = new ItemText();
    } else if (t.kind === 'close') {
      if (t.name === 'v') inV = false;
      else if (t.name === 'c') finish();
    } else if (inV && cell) cell.v += t.text;
  }
  return { name, cells, formats };

  function finish() {
    if (!cell) return;
    const style = styles.xf[cell.style];
    const { type, v } = cell;
    let value: XlsxValue = null;
    if (type === 's') value = v.trim() === '' ? null : (shared[Number(v)] ?? null);
    else if (type === 'inlineStr') value = cell.inline ?? (v ? unescapeOoxml(v) : null);
    else if (type === 'str') value = unescapeOoxml(v);
    else if (type === 'b') value = v.trim() === '1' || v.trim() === 'true';
    else if (type === 'e') value = null;
    else if (type === 'd') value = isoWall(v.trim());
    else if (v.trim() !== '') {
      const n = Number(v);
      value = Number.isFinite(n) ? (style?.date ? fromSerial(n, date1904) : n) : v;
    }
    put(row, col, value, style?.code);
    cell = undefined;
  }
}

/** Every worksheet of the workbook, in tab order (chart sheets left out). */
export function readWorkbook(bytes: Buffer): ReadSheet[] {
  // Part names are case-insensitive (OPC): looked up in lower case.
  const parts = new Map([...readZip(bytes)].map(([name, read]) => [name.toLowerCase(), read]));
  const text = (path: string | undefined) => (path ? parts.get(path.toLowerCase())?.().toString('utf8') : undefined);
  const root = [...relationships(parts, '').values()].find((r) => OFFICE_DOC.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbook = text(root);
  if (!workbook) throw new NotAWorkbook('no workbook part');
  const relById = relationships(parts, root);
  const rels = [...relById.values()];
  const date1904 = elements(workbook, 'workbookPr').some((p) => p.date1904 === '1' || p.date1904 === 'true');
  const sharedXml = text(rels.find((r) => r.type.endsWith('/sharedStrings'))?.target);
  const shared = sharedXml ? sharedStrings(sharedXml) : [];
  const styles = readStyles(text(rels.find((r) => r.type.endsWith('/styles'))?.target));
  const sheets: ReadSheet[] = [];
  for (const s of elements(workbook, 'sheet', 'sheets')) {
    const rel = relById.get(s.id ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const xml = text(rel.target);
    if (xml !== undefined) sheets.push(readSheet(xml, s.name ?? '', shared, styles, date1904));
  }
  return sheets;
}
