import { BUILTIN_FORMATS, toSerial, type WallClock } from './number-formats.js';
import type { XlsxValue } from './read-workbook.js';
import { escapeAttr, escapeText } from './xml.js';
import { writeZip } from './zip.js';

// Workbooks for people to open in Excel, WPS or LibreOffice: shared strings, numbers,
// booleans, wall-clock dates as serials with a date format, bold and frozen header
// rows, column widths and formats, drop-down lists. The smallest set of parts Excel
// opens without a repair prompt.

export type XlsxCell = XlsxValue | { value: XlsxValue; numFmt?: string };

export interface SheetSpec {
  name: string;
  columns?: { width?: number; numFmt?: string }[];
  rows: XlsxCell[][];
  boldFirstRow?: boolean;
  /** Keep the first row in view when scrolling. */
  freezeFirstRow?: boolean;
  /** Drop-down lists: the values allowed in a column's rows (1-based, inclusive). */
  lists?: { column: number; fromRow: number; toRow: number; values: string[]; allowBlank: boolean }[];
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = `${REL_NS}/`;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const isWall = (v: XlsxValue): v is WallClock => typeof v === 'object' && v !== null;
const defaultDateFormat = (w: WallClock) => (w.h || w.mi || w.s ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd');

/** Cell formats (font x number format) in first-use order; index 0 is the default. */
class Styles {
  private codes = new Map<string, number>();
  private xfs = new Map<string, number>([['0|0', 0]]);
  xf(bold: boolean, code: string | undefined): number {
    const fmt = code === undefined || code === 'General' ? 0 : this.format(code);
    const key = `${bold ? 1 : 0}|${fmt}`;
    let i = this.xfs.get(key);
    if (i === undefined) this.xfs.set(key, (i = this.xfs.size));
    return i;
  }
  private format(code: string): number {
    const builtin = Object.entries(BUILTIN_FORMATS).find(([id, c]) => c === code && (Number(id) < 27 || (Number(id) > 36 && Number(id) < 50)));
    if (builtin) return Number(builtin[0]);
    let id = this.codes.get(code);
    if (id === undefined) this.codes.set(code, (id = 164 + this.codes.size));
    return id;
  }
  xml(): string {
    const fmts = [...this.codes].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join('');
    const xfs = [...this.xfs.keys()]
      .map((k) => {
        const [font, fmt] = k.split('|');
        return `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${fmt !== '0' ? ' applyNumberFormat="1"' : ''}${font !== '0' ? ' applyFont="1"' : ''}/>`;
      })
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS}">` +
      (this.codes.size ? `<numFmts count="${this.codes.size}">${fmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private index = new Map<string, number>();
  count = 0;
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }
  xml(): string {
    const items = [...this.index.keys()].map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${escapeText(s)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

function sheetXml(spec: SheetSpec, styles: Styles, strings: SharedStrings): string {
  const columns = spec.columns ?? [];
  const width = Math.max(columns.length, ...spec.rows.map((r) => r.length), 1);
  const rows = spec.rows
    .map((row, r) => {
      const bold = r === 0 && !!spec.boldFirstRow;
      const cells = row
        .map((cell, c) => {
          const { value, numFmt } = cell !== null && typeof cell === 'object' && 'value' in cell ? cell : { value: cell, numFmt: undefined };
          const code = numFmt ?? columns[c]?.numFmt ?? (isWall(value) ? defaultDateFormat(value) : undefined);
          const s = styles.xf(bold, code);
          const at = `r="${columnName(c)}${r + 1}"${s ? ` s="${s}"` : ''}`;
          if (value === null || value === '') return s ? `<c ${at}/>` : '';
          if (typeof value === 'string') return `<c ${at} t="s"><v>${strings.of(value)}</v></c>`;
          if (typeof value === 'boolean') return `<c ${at} t="b"><v>${value ? 1 : 0}</v></c>`;
          const n = isWall(value) ? toSerial(value) : value;
          return Number.isFinite(n) ? `<c ${at}><v>${n}</v></c>` : '';
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const cols = columns
    .map((c, i) => (c.width || c.numFmt ? `<col min="${i + 1}" max="${i + 1}"${c.width ? ` width="${c.width}" customWidth="1"` : ' width="9.14"'}${c.numFmt ? ` style="${styles.xf(false, c.numFmt)}"` : ''}/>` : ''))
    .join('');
  const view = spec.freezeFirstRow
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const lists = (spec.lists ?? []).map((l) => {
    const col = columnName(l.column - 1);
    const formula = `"${l.values.join(',').replace(/"/g, '""')}"`;
    return `<dataValidation type="list" allowBlank="${l.allowBlank ? 1 : 0}" showErrorMessage="1" sqref="${col}${l.fromRow}:${col}${l.toRow}"><formula1>${escapeText(formula)}</formula1></dataValidation>`;
  });
  return (
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${columnName(width - 1)}${Math.max(spec.rows.length, 1)}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    (lists.length ? `<dataValidations count="${lists.length}">${lists.join('')}</dataValidations>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** Sheet names as Excel allows them: no []:*?/\, at most 31 characters, unique. */
function sheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || `Sheet${i + 1}`;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${name.slice(0, 28)} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function writeWorkbook(sheets: SheetSpec[]): Buffer {
  const styles = new Styles();
  const strings = new SharedStrings();
  const names = sheetNames(sheets.map((s) => s.name));
  const sheetParts = sheets.map((s) => sheetXml(s, styles, strings));
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
    '</Types>';
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    names.map((n, i) => `<sheet name="${escapeAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const n = sheets.length;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL}styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  return writeZip([
    { name: '[Content_Types].xml', data: utf8(contentTypes) },
    { name: '_rels/.rels', data: utf8(rootRels) },
    { name: 'xl/workbook.xml', data: utf8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels) },
    ...sheetParts.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: utf8(x) })),
    { name: 'xl/styles.xml', data: utf8(styles.xml()) },
    { name: 'xl/sharedStrings.xml', data: utf8(strings.xml()) },
  ]);
}
