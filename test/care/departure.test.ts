import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { issuePaths, itemsOf, stayArrived } from './care-support.js';

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 8);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

const put = (stayId: string, body: unknown, token = f.staff) => api.call('PUT', `/stays/${stayId}/departure`, { token, body });
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

describe('return travel', () => {
  it('refuses incomplete or malformed travel information', async () => {
    const s = await stayArrived(api, f, 13);
    const d = s.schedule.releaseDate as string;
    const base = { destination: { city: 'Paris', country: 'FR' }, mode: 'flight', number: 'AF111', departureAt: at(d, '10:00') };
    const cases: [unknown, string[]][] = [
      [{ ...base, number: undefined }, ['number']],
      [{ ...base, mode: 'train', number: 'AF-111' }, ['number']],
      [{ ...base, mode: 'boat' }, ['mode']],
      [{ ...base, departureAt: `${d}T10:00:00` }, ['departureAt']],
      [{ ...base, destination: { city: '', country: 'XX' } }, ['destination.city', 'destination.country']],
      [{ ...base, seat: '12A' }, ['seat']],
    ];
    for (const [body, paths] of cases) {
      const res = await put(s.stayId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(issuePaths(res.body), JSON.stringify(body)).toEqual(paths);
    }
    // Before the document day (release not yet allowed): refused with the window.
    const early = await put(s.stayId, { ...base, departureAt: at(s.day1Date, '10:00') });
    expect(early.status).toBe(400);
    expect(early.body.issues[0]).toMatchObject({ path: 'departureAt', code: 'outside_release_window' });
    // A car needs no number.
    expect((await put(s.stayId, { ...base, mode: 'car', number: undefined })).status).toBe(200);
  });

  it('groups a day of departures by mode and 2-hour window, and exports them as CSV', async () => {
    const g = await facilityWithRooms(api, 5);
    const people = await Promise.all([
      stayArrived(api, g, 13, { nameNative: '李娜', nameLatin: 'LI Na' }),
      stayArrived(api, g, 13, { nameNative: '王芳', nameLatin: 'WANG Fang' }),
      stayArrived(api, g, 13, { nameNative: '陈杰', nameLatin: 'CHEN Jie' }),
      stayArrived(api, g, 13, { nameNative: 'Jean Dupont', nameLatin: 'DUPONT Jean' }),
      stayArrived(api, g, 13, { nameNative: '刘洋', nameLatin: 'LIU Yang' }),
    ]);
    const d = people[0]!.schedule.releaseDate as string;
    const plans = [
      { destination: { city: 'Paris, 16e', country: 'FR' }, mode: 'flight', number: 'ca933', departureAt: at(d, '08:10') },
      { destination: { city: 'Lyon "Part-Dieu"', country: 'FR' }, mode: 'flight', number: 'CA933', departureAt: at(d, '09:30') },
      { destination: { city: '上海', country: 'CN' }, mode: 'train', number: 'G1234', departureAt: at(d, '14:00') },
      { destination: { city: '=Zhengzhou', country: 'CN' }, mode: 'car', departureAt: at(d, '08:30') },
      { destination: { city: 'Beijing', country: 'CN' }, mode: 'flight', number: 'CA1502', departureAt: at(d, '10:05') },
    ];
    for (const [i, p] of plans.entries()) {
      const res = await put(people[i]!.stayId, p, g.staff);
      expect(res.status, res.text).toBe(200);
    }
    // A changed plan replaces the old one (moved to 07:00, then back to 10:05): one entry, at 10:05.
    const moved = await put(people[4]!.stayId, { ...plans[4], departureAt: at(d, '07:00') }, g.staff);
    expect(moved.status).toBe(200);
    expect((await put(people[4]!.stayId, plans[4], g.staff)).body).toMatchObject({ localDate: d, localTime: '10:05', number: 'CA1502' });

    const res = await api.call('GET', `/facilities/${g.facilityId}/transport?date=${d}`, { token: g.staff });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: d, windowMinutes: 120, total: 5, byMode: { flight: 3, train: 1, bus: 0, car: 1 } });
    const summary = res.body.groups.map((g: any) => `${g.mode} ${g.window.from}-${g.window.to} ${g.count} ${g.people.map((p: any) => p.localTime).join(',')}`);
    expect(summary).toEqual(['flight 08:00-10:00 2 08:10,09:30', 'flight 10:00-12:00 1 10:05', 'train 14:00-16:00 1 14:00', 'car 08:00-10:00 1 08:30']);
    expect(res.body.groups[0].byNumber).toEqual([{ number: 'CA933', count: 2 }]);

    const hourly = await api.call('GET', `/facilities/${g.facilityId}/transport?date=${d}&windowMinutes=60`, { token: g.staff });
    expect(hourly.body.groups.filter((g: any) => g.mode === 'flight').map((g: any) => g.window.from)).toEqual(['08:00', '09:00', '10:00']);

    // The stay file carries the plan; the audit trail the change.
    const file = await api.call('GET', `/stays/${people[4]!.stayId}`, { token: g.staff });
    expect(file.body.departure).toMatchObject({ mode: 'flight', localTime: '10:05' });
    const audit = (await itemsOf(`STAY#${people[4]!.stayId}`, 'AUDIT#')).map((a) => a.action);
    expect(audit.filter((a) => a.startsWith('departure_')).sort()).toEqual(['departure_changed', 'departure_changed', 'departure_set']);

    // CSV: UTF-8 with BOM, a download, proper quoting, formulas neutralised.
    const csv = await fetch(`${api.url}/facilities/${g.facilityId}/transport?date=${d}&format=csv`, { headers: { authorization: `Bearer ${g.staff}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="transport-${g.facilityId}-${d}.csv"`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('date,mode,window,departure_time,number,room,name_native,name_latin,destination_city,destination_country,stay_id');
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe(`${d},flight,08:00-10:00,08:10,CA933,${people[0]!.roomNumber},李娜,LI Na,"Paris, 16e",FR,${people[0]!.stayId}`);
    expect(lines[2]).toContain(',"Lyon ""Part-Dieu""",FR,');
    expect(lines[4]).toContain(',上海,CN,');
    expect(lines[5]).toContain(`,car,08:00-10:00,08:30,,${people[3]!.roomNumber},Jean Dupont,DUPONT Jean,'=Zhengzhou,CN,`);
  });

  it('a transfer to hospital drops the person from the transport plan', async () => {
    const s = await stayArrived(api, f, 13);
    const body = { destination: { city: 'Xi’an', country: 'CN' }, mode: 'train', number: 'G88', departureAt: at(s.schedule.releaseDate, '14:20') };
    expect((await put(s.stayId, body)).status).toBe(200);
    const plan = () => api.call('GET', `/facilities/${f.facilityId}/transport?date=${s.schedule.releaseDate}`, { token: f.staff });
    expect(JSON.stringify((await plan()).body)).toContain(s.stayId);
    expect((await api.call('POST', `/stays/${s.stayId}/transfer`, { token: f.staff, body: { destination: 'Zhengzhou Sixth People’s Hospital' } })).status).toBe(200);
    expect(JSON.stringify((await plan()).body)).not.toContain(s.stayId);
  });

  it('refuses bad queries and other facilities', async () => {
    const s = await stayArrived(api, f, 13);
    const body = { destination: { city: 'Paris', country: 'FR' }, mode: 'car', departureAt: at(s.schedule.releaseDate, '10:00') };
    expect((await put(s.stayId, body, other.staff)).status).toBe(403);
    expect((await api.call('GET', `/facilities/${f.facilityId}/transport`, { token: other.staff })).status).toBe(403);
    expect((await api.call('GET', `/facilities/${f.facilityId}/transport?format=csv`, { token: other.staff })).status).toBe(403);
    const bad = await api.call('GET', `/facilities/${f.facilityId}/transport?date=tomorrow&format=xls&windowMinutes=7`, { token: f.staff });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(['query.date', 'query.format', 'query.windowMinutes']);
    const empty = await api.call('GET', `/facilities/${f.facilityId}/transport?date=2020-01-01`, { token: f.staff });
    expect(empty.body).toMatchObject({ total: 0, groups: [] });
    expect((await put('SNOSUCHSTAY00', body)).status).toBe(404);
  });
});
