import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { stayArrived } from './care-support.js';

// The Excel exports of the board, the daily sheet and departures, read back with
// another implementation (exceljs): every row is the screen's JSON, in the page's
// language, with names in their scripts and room numbers, never ids.

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;
let stayIds: string[] = [];
let releaseDate = '';

const PEOPLE = [
  { nameNative: '李娜', nameLatin: 'LI Na' },
  { nameNative: 'Jean Dupont', nameLatin: 'DUPONT Jean' },
  { nameNative: '김민준', nameLatin: 'KIM Minjun' },
];

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 4);
  other = await facilityWithRooms(api, 1);
  const stays = [];
  for (const p of PEOPLE) stays.push(await stayArrived(api, f, 13, p));
  stayIds = stays.map((s) => s.stayId);
  releaseDate = stays[0]!.schedule.releaseDate;
  const plans = [
    { destination: { city: 'Paris, 16e', country: 'FR' }, mode: 'flight', number: 'CA933', departureAt: `${releaseDate}T09:30:00+08:00` },
    { destination: { city: '上海', country: 'CN' }, mode: 'train', number: 'G1234', departureAt: `${releaseDate}T14:00:00+08:00` },
  ];
  for (const [i, body] of plans.entries()) expect((await api.call('PUT', `/stays/${stayIds[i]}/departure`, { token: f.staff, body })).status).toBe(200);
}, 180_000);
afterAll(() => api.close());

/** Each sheet's rows as exceljs reads them: blanks as '', dates as YYYY-MM-DD. */
async function download(path: string, token = f.staff): Promise<{ res: Response; sheets: { name: string; rows: unknown[][] }[] }> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { res, sheets: [] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const sheets = wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    const width = ws.getRow(1).cellCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: width }, (_, c) => {
        const v = row.getCell(c + 1).value;
        return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '');
      });
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    return { name: ws.name, rows };
  });
  return { res, sheets };
}

const STATE_ZH: Record<string, string> = { free: '空闲', occupied: '入住', cleaning: '清洁中', inspected: '已查验' };
const STATUS_ZH: Record<string, string> = { active: '观察中', positive: '阳性：待转运' };
const FLAG_ZH: Record<string, string> = { positive: '阳性待转运', alert: '发热/症状', missing: '缺测温', retest_due: '今日复检', release_due: '可解除', expired: '期满未解除' };
const SLOT_ZH: Record<string, string> = { done: '已测', alert: '异常', pending: '待测', missing: '缺测', not_due: '未到时间' };
const SLOT_EN: Record<string, string> = { done: 'Done', alert: 'Fever / symptom', pending: 'Pending', missing: 'Missing', not_due: 'Not due' };
const SEX_EN: Record<string, string> = { M: 'Male', F: 'Female', X: 'Other' };
const CAT_EN: Record<string, string> = { inbound: 'Inbound traveller', close_contact: 'Close contact', secondary_contact: 'Secondary close contact' };
const LANG_EN: Record<string, string> = { zh: 'Chinese', en: 'English', ko: 'Korean' };
const MEAL_EN: Record<string, string> = { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner' };

function noIds(sheets: { rows: unknown[][] }[]) {
  const text = JSON.stringify(sheets);
  for (const id of [...stayIds, f.facilityId]) expect(text).not.toContain(id);
}

describe('Excel exports', () => {
  it('the board: a row per person and per empty room, as the board JSON says, in Chinese', async () => {
    const board = (await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).body;
    const { res, sheets } = await download(`/facilities/${f.facilityId}/exports/board?lang=zh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="board-${board.date}.xlsx"`);
    expect(sheets.map((s) => s.name)).toEqual([`房态 ${board.date}`]);
    const expected = board.rooms.flatMap((r: any) =>
      (r.occupants.length ? r.occupants : [undefined]).map((o: any) => [
        r.floor ?? '', r.zone ?? '', r.roomNumber, STATE_ZH[r.state], r.capacity,
        o?.nameNative ?? '', o?.nameLatin ?? '', o?.dayOfStay ?? '', o?.endDate ?? '', o ? STATUS_ZH[o.status] : '',
        (o?.flags ?? []).map((x: string) => FLAG_ZH[x]).join('、'), o ? SLOT_ZH[o.checks.morning] : '', o ? SLOT_ZH[o.checks.evening] : '',
      ]),
    );
    expect(sheets[0]!.rows).toEqual([['楼层', '区域', '房间', '房态', '床位', '姓名', '拼音/英文名', '第几天', '结束日期', '状态', '待处理', '早测温', '晚测温'], ...expected]);
    expect(expected.filter((r: unknown[]) => r[5]).map((r: unknown[]) => r[5])).toEqual(expect.arrayContaining(PEOPLE.map((p) => p.nameNative)));
    expect(expected.some((r: unknown[]) => r[3] === '空闲')).toBe(true);
    noIds(sheets);
  });

  it('the daily sheet: occupants and meals as the sheet JSON says, in English', async () => {
    const today = (await api.call('GET', `/facilities/${f.facilityId}/today`, { token: f.staff })).body;
    const { res, sheets } = await download(`/facilities/${f.facilityId}/exports/today?lang=en&date=${today.date}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="daily-sheet-${today.date}.xlsx"`);
    expect(sheets.map((s) => s.name)).toEqual([`Daily sheet ${today.date}`, 'Meals']);
    const [people, meals] = sheets;
    expect(people!.rows[0]).toEqual(['Room', 'Name', 'Latin name', 'Sex', 'Age', 'Category', 'Language', 'Day', 'Diet', 'Ethnicity', 'Special conditions', 'Meals', 'Morning check', 'Evening check', 'Today']);
    expect(people!.rows.slice(1)).toEqual(
      today.occupants.map((o: any) => [
        o.roomNumber, o.nameNative, o.nameLatin, SEX_EN[o.sex], o.age, CAT_EN[o.category], LANG_EN[o.language], o.dayOfStay, o.diet ?? '', o.ethnicity ?? '',
        '', o.meals.map((m: string) => MEAL_EN[m]).join(', '), SLOT_EN[o.checks.morning], SLOT_EN[o.checks.evening],
        [o.birthday && 'birthday', o.retestDue && 'retest', o.documentsDue && 'documents', o.lastDay && 'last day'].filter(Boolean).join(', '),
      ]),
    );
    expect(today.occupants).toHaveLength(3);
    expect(meals!.rows).toEqual([['Meal', 'Portions', 'Diet notes'], ...today.meals.map((m: any) => [MEAL_EN[m.meal], m.portions, ''])]);
    noIds(sheets);
  });

  it('departures: in plan order as the transport JSON says, in Chinese; bad queries and other facilities refused', async () => {
    const plan = (await api.call('GET', `/facilities/${f.facilityId}/transport?date=${releaseDate}`, { token: f.staff })).body;
    const { res, sheets } = await download(`/facilities/${f.facilityId}/exports/departures?date=${releaseDate}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="departures-${releaseDate}.xlsx"`);
    const mode: Record<string, string> = { flight: '飞机', train: '火车' };
    const expected = plan.groups.flatMap((g: any) =>
      g.people.map((p: any) => [plan.date, mode[g.mode], `${g.window.from}–${g.window.to}`, p.localTime, p.number ?? '', p.roomNumber, p.nameNative, p.nameLatin, p.destination.city, p.destination.country]),
    );
    expect(sheets[0]!.rows).toEqual([['日期', '方式', '时间段', '出发时间', '航班/车次', '房间', '姓名', '拼音/英文名', '目的地城市', '目的地国家'], ...expected]);
    expect(expected.map((r: unknown[]) => r[6])).toEqual(['李娜', 'Jean Dupont']);
    expect(expected[0]).toContain('Paris, 16e');
    noIds(sheets);

    const bad = await api.call('GET', `/facilities/${f.facilityId}/exports/departures?lang=fr&windowMinutes=7`, { token: f.staff });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.lang', 'query.windowMinutes']);
    for (const kind of ['board', 'today', 'departures']) expect((await download(`/facilities/${f.facilityId}/exports/${kind}`, other.staff)).res.status).toBe(403);
  });
});
