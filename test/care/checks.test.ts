import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feverOrSymptomChecksInLast24h, hadFeverOrSymptomInLast24h } from '../../functions/use-cases/recent-fever.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { addDays, dateIn, facilityIn, issuePaths, itemsOf, remindersOf, stayArrived, zoneWithLocalTime } from './care-support.js';

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 20);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

const post = (stayId: string, body: unknown, query = '', token = f.staff) => api.call('POST', `/stays/${stayId}/checks${query}`, { token, body });

describe('recording a temperature check', () => {
  it('refuses readings out of range, with more than one decimal, unknown symptoms and unknown fields', async () => {
    const { stayId } = await stayArrived(api, f, 2);
    const cases: [unknown, string[]][] = [
      [{ temperatureC: 33.9, slot: 'morning' }, ['temperatureC']],
      [{ temperatureC: 43.1, slot: 'morning' }, ['temperatureC']],
      [{ temperatureC: 36.55, slot: 'morning' }, ['temperatureC']],
      [{ temperatureC: '36.6', slot: 'morning' }, ['temperatureC']],
      [{ temperatureC: 36.6, slot: 'noon' }, ['slot']],
      [{ temperatureC: 36.6 }, ['slot']],
      [{ temperatureC: 36.6, slot: 'morning', symptoms: ['headache'] }, ['symptoms.0']],
      [{ temperatureC: 36.6, slot: 'morning', symptoms: ['cough', 'cough'] }, ['symptoms']],
      [{ temperatureC: 36.6, slot: 'morning', temp: 36 }, ['temp']],
      [{ temperatureC: 36.6, slot: 'morning', measuredAt: '2026-01-01 08:00' }, ['measuredAt']],
      [{ temperatureC: 36.6, slot: 'morning', date: '2026-02-30' }, ['date']],
    ];
    for (const [body, paths] of cases) {
      const res = await post(stayId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(issuePaths(res.body), JSON.stringify(body)).toEqual(paths);
    }
    expect((await post(stayId, { temperatureC: 34.0, slot: 'morning' })).status).toBe(201);
    expect((await post(stayId, { temperatureC: 43.0, slot: 'evening' })).status).toBe(201);
    const badQuery = await post(stayId, { temperatureC: 36.6, slot: 'morning' }, '?replace=yes');
    expect(badQuery.status).toBe(400);
    expect(issuePaths(badQuery.body)).toEqual(['query.replace']);
  });

  it('refuses dates outside the stay or in the future, and future measurement times', async () => {
    const { stayId, day1Date } = await stayArrived(api, f, 1);
    const tz = 'Asia/Shanghai';
    const before = await post(stayId, { temperatureC: 36.6, slot: 'morning', date: addDays(day1Date, -1), measuredAt: `${addDays(day1Date, -1)}T08:00:00+08:00` });
    expect(before.status).toBe(400);
    expect(before.body.issues[0].code).toBe('outside_stay');
    const tomorrow = addDays(dateIn(tz), 1);
    const future = await post(stayId, { temperatureC: 36.6, slot: 'morning', date: tomorrow });
    expect(future.status).toBe(400);
    expect(issuePaths(future.body)).toContain('date');
    const later = await post(stayId, { temperatureC: 36.6, slot: 'morning', measuredAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(later.status).toBe(400);
    expect(issuePaths(later.body)).toContain('measuredAt');
  });

  it('keeps one check per slot and day: a second one is a 409 unless ?replace=true', async () => {
    const { stayId } = await stayArrived(api, f, 2);
    const first = await post(stayId, { temperatureC: 36.6, slot: 'morning' });
    expect(first.status).toBe(201);
    expect(first.body.check).toMatchObject({ temperatureC: 36.6, slot: 'morning', alert: false, dayOfStay: 3 });
    expect(first.body.reminderId).toBeUndefined();

    const again = await post(stayId, { temperatureC: 36.8, slot: 'morning' });
    expect(again.status).toBe(409);
    expect(again.body.reasons[0].code).toBe('check_exists');

    const replaced = await post(stayId, { temperatureC: 36.8, slot: 'morning', reason: 'Read the wrong line' }, '?replace=true');
    expect(replaced.status).toBe(200);
    expect(replaced.body.replaced).toBe(true);

    const list = await api.call('GET', `/stays/${stayId}/checks`, { token: f.staff });
    expect(list.status).toBe(200);
    expect(list.body.checks).toHaveLength(1);
    expect(list.body.checks[0]).toMatchObject({ temperatureC: 36.8, slot: 'morning' });
    const audit = await itemsOf(`STAY#${stayId}`, 'AUDIT#');
    expect(audit.map((a) => a.action).sort()).toEqual(['check_in', 'check_recorded', 'check_replaced']);
  });

  it('raises one urgent reminder for a fever (>= 37.3) or any symptom, in the same transaction', async () => {
    const fever = await stayArrived(api, f, 2);
    const cough = await stayArrived(api, f, 2);
    const normal = await stayArrived(api, f, 2);

    const hot = await post(fever.stayId, { temperatureC: 37.3, slot: 'morning' });
    expect(hot.status).toBe(201);
    expect(hot.body.check.alert).toBe(true);
    expect(hot.body.reminderId).toBeDefined();
    const sym = await post(cough.stayId, { temperatureC: 36.5, slot: 'morning', symptoms: ['cough', 'other'], note: 'itchy eyes' });
    expect(sym.body.check.alert).toBe(true);
    const ok = await post(normal.stayId, { temperatureC: 37.2, slot: 'morning' });
    expect(ok.body.check.alert).toBe(false);

    // A corrected reading that is still a fever does not raise it twice.
    const corrected = await post(fever.stayId, { temperatureC: 38.1, slot: 'morning', reason: 'Measured again' }, '?replace=true');
    expect(corrected.status).toBe(200);
    expect(corrected.body.reminderId).toBe(hot.body.reminderId);

    const reminders = (await remindersOf(f.facilityId)).filter((r) => r.kind === 'fever_or_symptom');
    const byStay = (id: string) => reminders.filter((r) => r.lines[0].stayId === id);
    expect(byStay(fever.stayId)).toHaveLength(1);
    expect(byStay(cough.stayId)).toHaveLength(1);
    expect(byStay(normal.stayId)).toHaveLength(0);
    expect(byStay(fever.stayId)[0]).toMatchObject({ urgent: true, delivery: { state: 'pending' }, lines: [{ roomNumber: fever.roomNumber }] });
    expect(byStay(fever.stayId)[0]!.GSI2PK).toBe('OUTBOX');
    const audit = await itemsOf(`STAY#${fever.stayId}`, 'AUDIT#');
    expect(audit.find((a) => a.action === 'check_recorded')?.changes).toMatchObject({ alert: true, reminderId: hot.body.reminderId });
  });

  it('answers "fever or symptom in the last 24 hours?" for the release decision', async () => {
    const hot = await stayArrived(api, f, 3);
    const cold = await stayArrived(api, f, 3);
    expect(await hadFeverOrSymptomInLast24h(hot.stayId)).toBe(false);
    // A fever 30 hours ago no longer counts; one 2 hours ago does.
    const old = new Date(Date.now() - 30 * 3600_000);
    const oldRes = await post(hot.stayId, { temperatureC: 38.0, slot: 'evening', measuredAt: old.toISOString() });
    expect(oldRes.status).toBe(201);
    expect(await hadFeverOrSymptomInLast24h(hot.stayId)).toBe(false);
    await post(cold.stayId, { temperatureC: 36.4, slot: 'evening', measuredAt: new Date(Date.now() - 2 * 3600_000).toISOString() });
    expect(await hadFeverOrSymptomInLast24h(cold.stayId)).toBe(false);
    const recent = new Date(Date.now() - 2 * 3600_000);
    const slot = dateIn('Asia/Shanghai', recent) === dateIn('Asia/Shanghai', old) ? 'morning' : 'evening';
    await post(hot.stayId, { temperatureC: 36.6, slot, symptoms: ['sore_throat'], measuredAt: recent.toISOString() }, '?replace=true');
    expect(await hadFeverOrSymptomInLast24h(hot.stayId)).toBe(true);
    const found = await feverOrSymptomChecksInLast24h(hot.stayId);
    expect(found.map((c) => c.symptoms)).toEqual([['sore_throat']]);
  });

  it('is refused to staff of another facility (403) and for unknown stays (404)', async () => {
    const { stayId } = await stayArrived(api, f, 1);
    expect((await post(stayId, { temperatureC: 36.6, slot: 'morning' }, '', other.staff)).status).toBe(403);
    expect((await api.call('GET', `/stays/${stayId}/checks`, { token: other.staff })).status).toBe(403);
    expect((await post('SNOSUCHSTAY00', { temperatureC: 36.6, slot: 'morning' })).status).toBe(404);
  });
});

describe('missing checks on the board and the stay list', () => {
  it('late evening: both checks of today are missing until recorded; a fever shows as an alert', async () => {
    const tz = zoneWithLocalTime('20:30', '23:00');
    const g = await facilityIn(api, 3, tz);
    const s = await stayArrived(api, g, 3);
    const board = async () => (await api.call('GET', `/facilities/${g.facilityId}/board`, { token: g.staff })).body;

    let b = await board();
    let room = b.rooms.find((r: any) => r.roomNumber === s.roomNumber);
    expect(room.occupant.checks).toMatchObject({ date: dateIn(tz), morning: 'missing', evening: 'missing', missing: ['morning', 'evening'], alert: false });
    expect(b.checks).toEqual({ missing: 1, alerts: 0 });
    expect(b.rooms.find((r: any) => r.state === 'free').occupant).toBeUndefined();

    expect((await post(s.stayId, { temperatureC: 36.5, slot: 'morning' }, '', g.staff)).status).toBe(201);
    b = await board();
    room = b.rooms.find((r: any) => r.roomNumber === s.roomNumber);
    expect(room.occupant.checks).toMatchObject({ morning: 'done', evening: 'missing', missing: ['evening'] });

    const list = await api.call('GET', `/facilities/${g.facilityId}/stays`, { token: g.staff });
    const listed = list.body.stays.find((x: any) => x.stayId === s.stayId);
    expect(listed.checksToday).toMatchObject({ morning: 'done', evening: 'missing', missing: ['evening'] });
    expect(listed.checkMarks).toBeUndefined();

    expect((await post(s.stayId, { temperatureC: 37.9, slot: 'evening' }, '', g.staff)).status).toBe(201);
    b = await board();
    room = b.rooms.find((r: any) => r.roomNumber === s.roomNumber);
    expect(room.occupant.checks).toMatchObject({ morning: 'done', evening: 'alert', missing: [], alert: true });
    expect(b.checks).toEqual({ missing: 0, alerts: 1 });
    const file = await api.call('GET', `/stays/${s.stayId}`, { token: g.staff });
    expect(file.body.checksToday.evening).toBe('alert');
  });

  it('early morning: checks are pending, not missing; on the arrival day a slot whose deadline had passed is not due', async () => {
    const tz = zoneWithLocalTime('06:00', '09:00');
    const g = await facilityIn(api, 3, tz);
    const s = await stayArrived(api, g, 2);
    const b = (await api.call('GET', `/facilities/${g.facilityId}/board`, { token: g.staff })).body;
    expect(b.rooms.find((r: any) => r.roomNumber === s.roomNumber).occupant.checks).toMatchObject({ morning: 'pending', evening: 'pending', missing: [] });
    expect(b.checks.missing).toBe(0);

    const late = zoneWithLocalTime('21:00', '23:30');
    const h = await facilityIn(api, 2, late);
    // Arrived 30 minutes ago, after both deadlines of today: nothing is due yet.
    const res = await api.call('POST', `/facilities/${h.facilityId}/stays`, {
      token: h.staff,
      body: (await import('../support/fixtures.js')).registration({ arrival: { arrivedAt: new Date(Date.now() - 1800_000).toISOString(), originCountry: 'FR' } }),
    });
    expect(res.status).toBe(201);
    const hb = (await api.call('GET', `/facilities/${h.facilityId}/board`, { token: h.staff })).body;
    expect(hb.rooms[0].occupant.checks).toMatchObject({ morning: 'not_due', evening: 'not_due', missing: [] });
    const listed = (await api.call('GET', `/facilities/${h.facilityId}/stays`, { token: h.staff })).body.stays[0];
    expect(listed.checksToday).toMatchObject({ morning: 'not_due', evening: 'not_due' });
  });
});
