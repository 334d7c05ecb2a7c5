import ExcelJS from 'exceljs';

// Manifest files made the way Excel saves them, for the import tests.

/** GBK bytes of a string (what Excel's "CSV" writes on Chinese Windows), from the runtime's own GBK decoder run backwards. */
let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export const CSV_HEADER = ['姓名', '拼音姓名', '性别', '出生日期', '国籍', '证件号码', '联系电话', '航班号', '抵达时间', '出发国', '同行'];

export function csvText(rows: string[][], header = CSV_HEADER): string {
  return [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

export interface XlsxPerson {
  name: string;
  latin: string;
  sex: string;
  /** A Date cell (wall clock as UTC), or a bare serial number as a General cell holds it. */
  birth: Date | number | string;
  nationality: string;
  doc: string;
  phone: number | string;
  household?: string;
}

/** An .xlsx as Excel writes it: Chinese headers, date cells with date formats, phone numbers as numbers. */
export async function xlsxManifest(people: XlsxPerson[], arrival: Date, flight = 'CA 934'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['序号', '姓名', '拼音', '性别', '出生日期', '国籍', '护照号码', '手机号', '航班', '入境时间', '出发地', '家庭']);
  people.forEach((p, i) => {
    const row = ws.addRow([i + 1, p.name, p.latin, p.sex, p.birth, p.nationality, p.doc, p.phone, flight, arrival, '法国', p.household ?? null]);
    if (p.birth instanceof Date) row.getCell(5).numFmt = 'yyyy/m/d';
    row.getCell(10).numFmt = 'yyyy/m/d h:mm';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A wall-clock time as Excel stores it (no zone: exceljs reads and writes the UTC fields). */
export const wall = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));
