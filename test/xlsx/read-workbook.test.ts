import { describe, expect, it } from 'vitest';
import { isDateCode } from '../../functions/xlsx/number-formats.js';
import { readWorkbook } from '../../functions/xlsx/read-workbook.js';
import { writeZip } from '../../functions/xlsx/zip.js';

// The reader on parts written by hand the way other programs save them: WPS and
// LibreOffice inline strings, Excel's rich text with phonetic runs, the 1904 date
// system of Mac workbooks, East Asian built-in date formats, sparse cells, namespace
// prefixes, formulas with cached values and errors.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheets: { name: string; xml: string }[];
  shared?: string;
  styles?: string;
  workbookPr?: string;
  /** Absolute targets, as some writers use. */
  absolute?: boolean;
}

function workbook(p: Parts): Buffer {
  const dir = p.absolute ? '/xl/' : '';
  const rels = [
    ...p.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${dir}worksheets/s${i + 1}.xml"/>`),
    p.shared ? `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="${dir}strings.xml"/>` : '',
    p.styles ? `<Relationship Id="rT" Type="${REL}/styles" Target="${dir}styles.xml"/>` : '',
  ].join('');
  const entries = [
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${NS}>${p.workbookPr ?? ''}<sheets>${p.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...p.sheets.map((s, i) => ({ name: `xl/worksheets/s${i + 1}.xml`, data: `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>` })),
    ...(p.shared ? [{ name: 'xl/strings.xml', data: `<sst ${NS}>${p.shared}</sst>` }] : []),
    ...(p.styles ? [{ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${p.styles}</styleSheet>` }] : []),
  ];
  return writeZip(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data, 'utf8') })));
}

const wall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => ({ wall: true as const, y, m, d, h, mi, s });

describe('xlsx reader', () => {
  it('shared strings: rich text runs joined, phonetic runs left out, xml:space kept, entities and _x000D_ decoded', () => {
    const shared =
      '<si><t>姓名</t></si>' +
      '<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve"> 小宝 </t></r></si>' +
      '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>A &amp; B &lt;c&gt; &#x4E2D;&#25991; &quot;q&quot;</t></si>' +
      '<si><t>line1_x000D_\nline2 _x005F_x0041_</t></si>' +
      '<si/>';
    const xml = '<row r="1">' + [0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('') + '</row>';
    const [sheet] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }], shared }));
    expect(sheet!.cells[0]).toEqual(['姓名', '王 小宝 ', '山田', 'A & B <c> 中文 "q"', 'line1\r\nline2 _x0041_', '']);
  });

  it('inline strings (WPS, LibreOffice exports), formula strings, booleans, errors and cached formula values', () => {
    const xml =
      '<row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>内联</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>Rich</t></r><r><rPr><i/></rPr><t xml:space="preserve"> inline</t></r></is></c>' +
      '<c r="C1" t="str"><f>A1&amp;"x"</f><v>内联x</v></c>' +
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>' +
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="G1"><f>1+2</f><v>3</v></c>' +
      '<c r="H1"><v>13800000000</v></c><c r="I1"><v>-1.5E-3</v></c>' +
      '</row>';
    const [sheet] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }] }));
    expect(sheet!.cells[0]).toEqual(['内联', 'Rich inline', '内联x', true, false, undefined, 3, 13800000000, -0.0015]);
  });

  it('sparse cells sit at their r= reference; rows and cells without r follow the previous one', () => {
    const xml =
      '<row r="2"><c r="C2" t="inlineStr"><is><t>c2</t></is></c><c r="AA2"><v>27</v></c></row>' +
      '<row r="5"><c r="B5"><v>1</v></c><c><v>2</v></c></row>' +
      '<row><c r="A6"><v>6</v></c></row>';
    const [sheet] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }] }));
    expect(sheet!.cells.length).toBe(6);
    expect(sheet!.cells[0]).toEqual([]);
    expect(sheet!.cells[1]![2]).toBe('c2');
    expect(sheet!.cells[1]![26]).toBe(27);
    expect(sheet!.cells[1]!.length).toBe(27);
    expect(sheet!.cells[4]).toEqual([undefined, 1, 2]);
    expect(sheet!.cells[5]).toEqual([6]);
  });

  it('dates by number format: built-in 14-22 and 45-47, East Asian 27-36 and 50-58, custom codes; not numbers, text or quoted letters', () => {
    const custom = ['yyyy/m/d', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日 h:mm', 'hh:mm:ss', '[h]:mm', '0.00', '"days "0', '#,##0 "h"', '[Red]0.0', '@', 'e"年"m"月"'];
    const ids = [14, 22, 31, 57, 45, 2, 49, 0];
    const styles =
      `<numFmts count="${custom.length}">${custom.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${c.replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>' +
      `<cellXfs count="${ids.length + custom.length}">${[...ids, ...custom.map((_, i) => 164 + i)].map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs>`;
    const count = ids.length + custom.length;
    const xml = '<row r="1">' + Array.from({ length: count }, (_, i) => `<c r="A${i + 1}" s="${i}"><v>45993.5</v></c>`).map((c, i) => (i ? `</row><row r="${i + 1}">${c}` : c)).join('') + '</row>';
    const [sheet] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }], styles }));
    const noon = wall(2025, 12, 2, 12);
    const dates = sheet!.cells.map((r) => r[0]);
    expect(dates).toEqual([noon, noon, noon, noon, noon, 45993.5, 45993.5, 45993.5, noon, noon, noon, noon, noon, 45993.5, 45993.5, 45993.5, 45993.5, 45993.5, noon]);
    // Formats are kept for writing back: built-in ids as their codes, General as none.
    expect(sheet!.formats.map((r) => r[0])).toEqual(['mm-dd-yy', 'm/d/yy h:mm', 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'mm:ss', '0.00', '@', undefined, ...custom]);
    expect([isDateCode('General'), isDateCode('0.00E+00'), isDateCode('_(* #,##0_)'), isDateCode('d-mmm'), isDateCode('[$-F800]dddd, mmmm dd, yyyy')]).toEqual([false, false, false, true, true]);
  });

  it('the 1904 date system of Mac workbooks, and ISO t="d" cells', () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const xml = '<row r="1"><c r="A1" s="1"><v>44531</v></c><c r="B1" t="d"><v>2026-12-02T08:30:00</v></c><c r="C1"><v>44531</v></c></row>';
    for (const pr of ['<workbookPr date1904="1"/>', '<workbookPr date1904="true" defaultThemeVersion="124226"/>']) {
      const [sheet] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }], styles, workbookPr: pr }));
      expect(sheet!.cells[0]).toEqual([wall(2025, 12, 2), wall(2026, 12, 2, 8, 30), 44531]);
    }
    const [plain] = readWorkbook(workbook({ sheets: [{ name: 'S', xml }], styles }));
    expect(plain!.cells[0]![0]).toEqual(wall(2021, 12, 1));
  });

  it('several sheets in tab order with names; absolute targets and prefixed (x:) elements', () => {
    const a = '<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>';
    const b = '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>second</x:t></x:is></x:c></x:row>';
    const sheets = readWorkbook(workbook({ sheets: [{ name: '说明', xml: a }, { name: 'Sheet &amp; 2', xml: b }], absolute: true }));
    expect(sheets.map((s) => s.name)).toEqual(['说明', 'Sheet & 2']);
    expect(sheets[1]!.cells[0]).toEqual([undefined, 'second']);
  });

  it('refuses what is not a workbook: not a zip, a zip without a workbook, a truncated or corrupted zip', () => {
    const good = workbook({ sheets: [{ name: 'S', xml: '' }] });
    const docx = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    const corrupted = Buffer.from(good);
    const inWorkbook = good.indexOf('xl/workbook.xml') + 'xl/workbook.xml'.length + 4;
    corrupted[inWorkbook] = (corrupted[inWorkbook]! + 1) % 256;
    for (const bad of [Buffer.from('not a zip at all'), docx, good.subarray(0, good.length - 30), corrupted]) expect(() => readWorkbook(bad)).toThrow();
  });
});
