import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, templateHeader } from '../../functions/manifest/columns.js';
import { writeZip } from '../../functions/xlsx/zip.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { uniqueDocumentNumber } from '../support/fixtures.js';
import { csvText, encodeGbk, wall, xlsxManifest } from './files.js';

// Manifests straight from Excel: .xlsx with Chinese headers and date cells, CSV in
// GBK (Chinese Windows) and UTF-8, flight-level defaults, the dry run matching the
// real run row by row, refused rows downloaded in the same format, fixed and imported again.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function facility(rooms = 20) {
  const facilityId = uniqueId('imp');
  const admin = api.token('admin');
  expect((await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: `Hotel ${facilityId}`, timeZone: 'Asia/Shanghai' } })).status).toBe(201);
  expect((await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body: { range: { from: 101, to: 100 + rooms }, capacity: 3 } })).status).toBe(201);
  return { facilityId, admin, staff: api.token('staff', [facilityId]) };
}

/** Now on a Shanghai wall clock, minus an hour, to the minute. */
function shanghaiNow() {
  const t = new Date(Date.now() - 3600_000 + 8 * 3600_000);
  const [y, m, d, h, mi] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  const p = (n: number) => String(n).padStart(2, '0');
  return { wall: wall(y, m, d, h, mi), text: `${y}/${m}/${d} ${h}:${p(mi)}`, iso: `${y}-${p(m)}-${p(d)}T${p(h)}:${p(mi)}:00+08:00` };
}

const upload = (f: { facilityId: string; staff: string }, fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}, dryRun = true) =>
  api.call('POST', `/facilities/${f.facilityId}/stays/import${dryRun ? '?dryRun=true' : ''}`, { token: f.staff, body: { fileName, contentBase64: bytes.toString('base64'), ...extra } });

const summary = (rows: { row: number; status: string; roomNumber?: string }[]) => rows.map((r) => `${r.row}:${r.status === 'ready' ? 'created' : r.status}:${r.roomNumber ?? '-'}`);

describe('manifest import', () => {
  it('xlsx with Chinese headers, Excel dates and serial numbers: the dry run says what the real run does; a refused row is downloaded, fixed and imported again into its household room', async () => {
    const f = await facility();
    const now = shanghaiNow();
    const docs = [uniqueDocumentNumber(), uniqueDocumentNumber(), uniqueDocumentNumber(), uniqueDocumentNumber()];
    const people = [
      { name: '王芳', latin: 'WANG Fang', sex: '女', birth: wall(1988, 7, 15), nationality: '中国', doc: docs[0] as string, phone: 13800000001, household: '王家' },
      { name: '王小宝', latin: 'WANG Xiaobao', sex: '男', birth: '2019/13/01', nationality: '中国', doc: docs[1] as string, phone: 13800000001, household: '王家' },
      { name: '刘强', latin: 'LIU Qiang', sex: 'M', birth: 32339, nationality: 'CN', doc: docs[2] as string, phone: '+86 139 0000 0000' },
      { name: 'Marie Dupont', latin: 'DUPONT Marie', sex: 'F', birth: wall(1990, 2, 28), nationality: '法国', doc: docs[3] as string, phone: '+33 6 12 34 56 78' },
    ];
    const file = await xlsxManifest(people, now.wall);
    const dry = await upload(f, '航班CA934名单.xlsx', file);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'xlsx', total: 4, ready: 3, refused: 1, ignoredColumns: ['序号'] });
    expect(dry.body.columns.map((c: { field: string }) => c.field)).toEqual(['nameNative', 'nameLatin', 'sex', 'birthDate', 'nationality', 'documentNumber', 'phone', 'flightNumber', 'arrivedAt', 'originCountry', 'household']);
    const refused = dry.body.rows.find((r: { status: string }) => r.status === 'refused');
    expect(refused).toMatchObject({ row: 3, name: '王小宝 WANG Xiaobao' });
    expect(refused.problem.issues).toEqual([expect.objectContaining({ path: 'person.birthDate', code: 'date_invalid', column: '出生日期' })]);
    expect(refused.reason).toContain('出生日期');
    expect(summary(dry.body.rows)).toEqual(['2:created:101', '3:refused:-', '4:created:102', '5:created:103']);

    const real = await upload(f, '航班CA934名单.xlsx', file, {}, false);
    expect(real.body).toMatchObject({ dryRun: false, created: 3, refused: 1 });
    expect(summary(real.body.rows)).toEqual(summary(dry.body.rows));
    const liu = await api.call('GET', `/stays/${real.body.rows[2].stayId}`, { token: f.staff });
    expect(liu.body.person).toMatchObject({ nameNative: '刘强', sex: 'M', birthDate: '1988-07-15', phone: '+86 139 0000 0000' });
    expect(liu.body.arrival).toEqual({ arrivedAt: now.iso, flightNumber: 'CA934', originCountry: 'FR' });
    const wang = await api.call('GET', `/stays/${real.body.rows[0].stayId}`, { token: f.staff });
    expect(wang.body.person).toMatchObject({ nameNative: '王芳', sex: 'F', birthDate: '1988-07-15', phone: '13800000001', nationality: 'CN' });

    // The refused row as an .xlsx: the same columns plus the reason.
    const back = await api.call('POST', `/facilities/${f.facilityId}/stays/import/refused`, {
      token: f.staff,
      body: { fileName: '航班CA934名单.xlsx', contentBase64: file.toString('base64'), rows: [{ row: refused.row, reason: refused.reason }] },
    });
    expect(back.status, back.text).toBe(200);
    expect(back.body.fileName).toBe('航班CA934名单-refused.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(back.body.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(1).getCell(13).value).toBe('拒绝原因 / Reason');
    expect(ws.getRow(2).getCell(2).value).toBe('王小宝');
    // Fixed in Excel and imported again: the child joins the parent's room.
    ws.getRow(2).getCell(5).value = wall(2019, 11, 1);
    ws.getRow(2).getCell(5).numFmt = 'yyyy/m/d';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await upload(f, 'fixed.xlsx', fixed, {}, false);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ created: 1, refused: 0, ignoredColumns: ['序号', '拒绝原因 / Reason'] });
    expect(again.body.rows[0].roomNumber).toBe('101');
  }, 60_000);

  it('a GBK CSV from Chinese Windows: detected, names intact, 男/女, 1988/7/15, 2026/12/2 2:40 and "CA 934" read', async () => {
    const f = await facility();
    const now = shanghaiNow();
    const text = csvText([
      ['张伟', 'ZHANG Wei', '男', '1988/7/15', '中国', uniqueDocumentNumber(), '13800000000', 'CA 934', now.text, '法国', ''],
      ['李娜', 'LI Na', '女', '1990-1-5', '中国', uniqueDocumentNumber(), '13900000000', 'CA 934', now.text, '法国', ''],
    ]);
    const bytes = encodeGbk(text);
    // Not UTF-8: a reader that assumed UTF-8 would garble every name.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const real = await upload(f, 'manifest.csv', bytes, {}, false);
    expect(real.status, real.text).toBe(200);
    expect(real.body).toMatchObject({ format: 'csv', encoding: 'gb18030', created: 2, refused: 0 });
    const stay = await api.call('GET', `/stays/${real.body.rows[0].stayId}`, { token: f.staff });
    expect(stay.body.person).toMatchObject({ nameNative: '张伟', sex: 'M', birthDate: '1988-07-15' });
    expect(stay.body.arrival).toMatchObject({ arrivedAt: now.iso, flightNumber: 'CA934', originCountry: 'FR' });
    expect(real.body.rows.map((r: { name: string }) => r.name)).toEqual(['张伟 ZHANG Wei', '李娜 LI Na']);
  }, 60_000);

  it('a UTF-8 CSV with English headers and the flight set once for the file; the refused rows come back as a CSV', async () => {
    const f = await facility();
    const now = shanghaiNow();
    const header = ['Name', 'Latin name', 'Sex', 'Date of birth', 'Nationality', 'Passport number', 'Phone', 'Household'];
    const rows = [
      ['Jean Martin', 'MARTIN Jean', 'M', '1975-03-09', 'FR', uniqueDocumentNumber(), '+33 6 00 00 00 01', 'Martin'],
      ['Léa Martin', 'MARTIN Lea', 'F', '2015-10-20', 'FR', uniqueDocumentNumber(), '+33 6 00 00 00 01', 'Martin'],
      ['Bad Row', 'ROW Bad', 'Q', '15/10/2015', 'Atlantis', 'x', '', ''],
    ];
    const bytes = Buffer.from(`\uFEFF${csvText(rows, header)}`, 'utf8');
    const defaults = { arrivedAt: now.text, flightNumber: 'AF 111', originCountry: '法国' };
    const dry = await upload(f, 'af111.csv', bytes, { defaults: { ...defaults, originCountry: 'FR' } });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ encoding: 'utf-8', ready: 2, refused: 1 });
    expect(dry.body.rows[0].roomNumber).toBe(dry.body.rows[1].roomNumber);
    const bad = dry.body.rows[2];
    expect(bad.problem.issues.map((i: { column: string; code: string }) => `${i.column}:${i.code}`)).toEqual(
      expect.arrayContaining(['Sex:sex_value', 'Date of birth:date_format', 'Nationality:country_value', 'Phone:required']),
    );
    const back = await api.call('POST', `/facilities/${f.facilityId}/stays/import/refused`, {
      token: f.staff,
      body: { fileName: 'af111.csv', contentBase64: bytes.toString('base64'), rows: [{ row: bad.row, reason: bad.reason }] },
    });
    const csv = Buffer.from(back.body.contentBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFName,Latin name,Sex,Date of birth,Nationality,Passport number,Phone,Household,拒绝原因 / Reason\r\nBad Row,ROW Bad,Q,15/10/2015,Atlantis,x,,,')).toBe(true);
  }, 60_000);

  it('refuses what it cannot read, naming it: undecodable bytes, an old .xls, missing columns (every one)', async () => {
    const f = await facility(1);
    const garbage = Buffer.from([0xe5, 0xbc, 0xa0, 0x2c, 0xff, 0xfe, 0x41, 0xff, 0x0a]);
    const enc = await upload(f, 'x.csv', Buffer.concat([Buffer.from('姓名,性别\n'), garbage.subarray(4)]));
    expect(enc.status).toBe(400);
    expect(enc.body.issues[0].code).toBe('file_encoding_unknown');
    const xls = await upload(f, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls.body.issues[0].code).toBe('file_format_xls');
    // A zip that is no workbook (a .docx renamed), a truncated .xlsx, a password-protected .xlsx (an OLE file with EncryptionInfo).
    const workbook = await xlsxManifest([], wall(2026, 12, 2));
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le')]);
    for (const bytes of [writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), workbook.subarray(0, workbook.length - 40), encrypted]) {
      const refused = await upload(f, 'names.xlsx', bytes);
      expect(refused.status).toBe(400);
      expect(refused.body.issues[0].code).toBe('file_unreadable');
    }
    const missing = await upload(f, 'm.csv', Buffer.from('姓名,拼音,国籍,证件号码\n张伟,ZHANG Wei,CN,E1\n'));
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['columns.arrivedAt', 'columns.birthDate', 'columns.phone', 'columns.sex']);
  });

  it('the .xlsx template has every column, Chinese and English, and imports as it is once filled in', async () => {
    const f = await facility(2);
    const res = await fetch(`${api.url}/facilities/${f.facilityId}/stays/import/template`, { headers: { authorization: `Bearer ${f.staff}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map(templateHeader));
    expect(wb.worksheets[1]?.name).toBe('说明 Rules');
    const now = shanghaiNow();
    const values: Record<string, unknown> = { nameNative: '赵敏', nameLatin: 'ZHAO Min', sex: '女', birthDate: wall(2001, 3, 4), nationality: '中国', documentNumber: uniqueDocumentNumber(), phone: '13700000000', arrivedAt: now.wall, flightNumber: 'MU 588', originCountry: '韩国', language: '韩语' };
    ws.addRow(COLUMNS.map((c) => values[c.field] ?? null));
    const dry = await upload(f, 'template.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ ready: 1, refused: 0, ignoredColumns: [] });
  });
});
