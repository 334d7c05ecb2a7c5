import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../functions/xlsx/read-workbook.js';
import { writeWorkbook } from '../../functions/xlsx/write-workbook.js';

// Our reader and writer against another implementation (exceljs, a test-only
// dependency): what it writes, we read; what we write, it reads with the same
// values, formats, widths, frozen header and drop-down lists.

const utc = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));
const wall = (y: number, m: number, d: number, h = 0, mi = 0) => ({ wall: true as const, y, m, d, h, mi, s: 0 });

async function exceljsBook(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const first = wb.addWorksheet('Cover');
  first.getCell('A1').value = 'not the manifest';
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', 'Latin', '出生日期', '抵达', '电话', '确认', '公式', '错误']);
  const row = ws.addRow(['王小宝', { richText: [{ text: 'WANG ', font: { bold: true } }, { text: 'Xiaobao' }] }, utc(2019, 11, 1), utc(2026, 12, 2, 8, 40), 13800000000, true, { formula: 'E2+1', result: 13800000001 }, { error: '#N/A' }]);
  row.getCell(3).numFmt = 'yyyy/m/d';
  row.getCell(4).numFmt = 'yyyy"年"m"月"d"日" h:mm';
  ws.getCell('K7').value = 'far away';
  ws.getCell('B3').value = { formula: 'A2&"!"', result: '王小宝!' };
  ws.getCell('C3').value = 'two\r\nlines & <tags>';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx against exceljs', () => {
  for (const date1904 of [false, true]) {
    it(`reads what exceljs writes (${date1904 ? '1904' : '1900'} date system): sheets, rich text, dates by format, formulas' results, errors, sparse cells`, async () => {
      const sheets = readWorkbook(await exceljsBook(date1904));
      expect(sheets.map((s) => s.name)).toEqual(['Cover', '名单']);
      const { cells, formats } = sheets[1]!;
      expect(cells[0]).toEqual(['姓名', 'Latin', '出生日期', '抵达', '电话', '确认', '公式', '错误']);
      expect(cells[1]).toEqual(['王小宝', 'WANG Xiaobao', wall(2019, 11, 1), wall(2026, 12, 2, 8, 40), 13800000000, true, 13800000001]); // the error cell (#N/A) reads as empty
      expect(formats[1]!.slice(2, 4)).toEqual(['yyyy/m/d', 'yyyy"年"m"月"d"日" h:mm']);
      expect(cells[2]!.slice(1, 3)).toEqual(['王小宝!', 'two\r\nlines & <tags>']);
      expect(cells[6]![10]).toBe('far away');
    });
  }

  it('exceljs reads what we write: values, dates with their formats, bold frozen header, widths, column formats, lists, several sheets', async () => {
    const bytes = writeWorkbook([
      {
        name: '床位 Board',
        columns: [{ width: 10 }, { width: 30 }, { width: 14, numFmt: '@' }, {}, { width: 18 }],
        rows: [
          ['房间', '姓名', '证件', '数', '日期'],
          ['101', '王小宝 WANG Xiaobao', 'E1234', 3, { value: wall(2026, 12, 2, 8, 40), numFmt: 'yyyy/m/d h:mm' }],
          ['102', '  spaced  ', '_x0041_ literal', 2.5, wall(2026, 12, 3)],
          ['103', 'a\r\nb & <c> "d"', null, true, null],
        ],
        boldFirstRow: true,
        freezeFirstRow: true,
        lists: [{ column: 4, fromRow: 2, toRow: 10, values: ['男', '女'], allowBlank: true }],
      },
      { name: 'bad:/name?*[]', rows: [['second']] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['床位 Board', 'bad  name']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '房间', '姓名', '证件', '数', '日期']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(5).value).toEqual(utc(2026, 12, 2, 8, 40));
    expect(ws.getRow(2).getCell(5).numFmt).toBe('yyyy/m/d h:mm');
    expect(ws.getRow(3).getCell(5).value).toEqual(utc(2026, 12, 3));
    expect(ws.getRow(3).values).toEqual([undefined, '102', '  spaced  ', '_x0041_ literal', 2.5, utc(2026, 12, 3)]);
    expect(ws.getRow(4).values).toEqual([undefined, '103', 'a\r\nb & <c> "d"', undefined, true]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3, 5].map((c) => ws.getColumn(c).width)).toEqual([10, 30, 14, 18]);
    expect(ws.getColumn(3).numFmt).toBe('@');
    expect(ws.getCell('D5').dataValidation).toMatchObject({ type: 'list', allowBlank: true, formulae: ['"男,女"'] });
    // And back through our reader, unchanged.
    const [again] = readWorkbook(bytes);
    expect(again!.cells[2]).toEqual(['102', '  spaced  ', '_x0041_ literal', 2.5, wall(2026, 12, 3)]);
    expect(again!.cells[3]!.slice(0, 4)).toEqual(['103', 'a\r\nb & <c> "d"', undefined, true]);
  });
});
