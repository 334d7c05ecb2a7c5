import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, isBirthday } from '../../functions/use-cases/today-sheet.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { addDays, dateIn, issuePaths, stayArrived } from './care-support.js';

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;
const tz = 'Asia/Shanghai';

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

describe('birthdays', () => {
  it('falls on the date, leap-day birthdays on 28 February in other years', () => {
    expect(isBirthday('1990-11-23', '2026-11-23')).toBe(true);
    expect(isBirthday('1990-11-24', '2026-11-23')).toBe(false);
    expect(isBirthday('1992-02-29', '2026-02-28')).toBe(true);
    expect(isBirthday('1992-02-29', '2028-02-28')).toBe(false);
    expect(ageOn('1990-11-23', '2026-11-23')).toBe(36);
    expect(ageOn('1990-11-24', '2026-11-23')).toBe(35);
    expect(ageOn('1992-02-29', '2026-02-28')).toBe(34);
  });
});

describe('daily facility sheet', () => {
  it('lists occupants with room, day of stay, meals with diet notes, birthdays, medical standby, retests and checks', async () => {
    const today = dateIn(tz);
    const birthYear = today.slice(5) === '02-29' ? '1992' : '1990';
    const cake = await stayArrived(api, f, 2, { nameNative: '马丽', nameLatin: 'MA Li', sex: 'F', birthDate: `${birthYear}-${today.slice(5)}` }, { diet: '清真 halal', ethnicity: '回族 Hui' });
    const pregnant = await stayArrived(api, f, 11, { sex: 'F', birthDate: '1993-01-15' }, { specialConditions: ['pregnancy'] });
    const plain = await stayArrived(api, f, 5, { birthDate: '2015-06-01' }, { specialConditions: ['child'] });
    await api.call('POST', `/stays/${plain.stayId}/checks`, { token: f.staff, body: { temperatureC: 36.5, slot: 'morning' } });

    const res = await api.call('GET', `/facilities/${f.facilityId}/today`, { token: f.staff });
    expect(res.status).toBe(200);
    const sheet = res.body;
    expect(sheet.date).toBe(today);
    expect(sheet.occupants.map((o: { stayId: string }) => o.stayId)).toEqual([cake.stayId, pregnant.stayId, plain.stayId]);
    const byId = (id: string) => sheet.occupants.find((o: { stayId: string }) => o.stayId === id);

    expect(byId(cake.stayId)).toMatchObject({ roomNumber: cake.roomNumber, dayOfStay: 3, birthday: true, diet: '清真 halal', ethnicity: '回族 Hui', meals: ['breakfast', 'lunch', 'dinner'] });
    expect(sheet.birthdays).toEqual([{ stayId: cake.stayId, roomNumber: cake.roomNumber, nameNative: '马丽', nameLatin: 'MA Li', turns: Number(today.slice(0, 4)) - Number(birthYear) }]);

    expect(byId(pregnant.stayId)).toMatchObject({ dayOfStay: 12, medicalStandby: true, retestDue: true, birthday: false });
    expect(sheet.medicalStandby).toEqual([{ stayId: pregnant.stayId, roomNumber: pregnant.roomNumber, nameNative: '张伟', conditions: ['pregnancy'] }]);
    expect(sheet.retestsDue.map((r: { stayId: string }) => r.stayId)).toEqual([pregnant.stayId]);

    expect(byId(plain.stayId)).toMatchObject({ dayOfStay: 6, medicalStandby: false, age: Number(today.slice(0, 4)) - 2015 - (today.slice(5) < '06-01' ? 1 : 0) });
    expect(byId(plain.stayId).checks.morning).toBe('done');

    for (const meal of sheet.meals) {
      expect(meal.portions).toBe(3);
      expect(meal.notes).toEqual([{ stayId: cake.stayId, roomNumber: cake.roomNumber, nameNative: '马丽', diet: '清真 halal', ethnicity: '回族 Hui' }]);
    }
    expect(sheet.meals.map((m: { meal: string }) => m.meal)).toEqual(['breakfast', 'lunch', 'dinner']);
    expect(sheet.summary).toMatchObject({ occupants: 3, birthdays: 1, medicalStandby: 1, retestsDue: 1 });

    // Another date: tomorrow the pregnant guest is on day 13 (documents), nobody has a birthday.
    const tomorrow = await api.call('GET', `/facilities/${f.facilityId}/today?date=${addDays(today, 1)}`, { token: f.staff });
    expect(tomorrow.status).toBe(200);
    const p = tomorrow.body.occupants.find((o: { stayId: string }) => o.stayId === pregnant.stayId);
    expect(p).toMatchObject({ dayOfStay: 13, documentsDue: true, retestDue: false });
    expect(tomorrow.body.birthdays).toEqual([]);
    expect(tomorrow.body.occupants.every((o: { checks: { morning: string } }) => o.checks.morning === 'pending')).toBe(true);
  });

  it('counts a person past the end date who is not released yet: the board and the sheet agree', async () => {
    const g = await facilityWithRooms(api, 3);
    const overdue = await stayArrived(api, g, 16, { nameNative: '赵磊', nameLatin: 'ZHAO Lei' });
    const current = await stayArrived(api, g, 4);
    const sheet = (await api.call('GET', `/facilities/${g.facilityId}/today`, { token: g.staff })).body;
    expect(sheet.occupants.map((o: { stayId: string }) => o.stayId).sort()).toEqual([overdue.stayId, current.stayId].sort());
    expect(sheet.summary.occupants).toBe(2);
    for (const meal of sheet.meals) expect(meal.portions).toBe(2);
    const board = (await api.call('GET', `/facilities/${g.facilityId}/board`, { token: g.staff })).body;
    expect(board.counts.occupied).toBe(2);
    expect(board.attention.expired).toBe(1);
  });

  it('serves meals on the arrival day only from the arrival time on', async () => {
    const g = await facilityWithRooms(api, 1);
    // Arrived at 14:00 Shanghai yesterday: dinner only on that date.
    const yesterday = addDays(dateIn(tz), -1);
    const res = await api.call('POST', `/facilities/${g.facilityId}/stays`, {
      token: g.staff,
      body: (await import('../support/fixtures.js')).registration({ arrival: { arrivedAt: `${yesterday}T14:00:00+08:00`, originCountry: 'FR' } }),
    });
    expect(res.status).toBe(201);
    const sheet = (await api.call('GET', `/facilities/${g.facilityId}/today?date=${yesterday}`, { token: g.staff })).body;
    expect(sheet.occupants[0].meals).toEqual(['dinner']);
    expect(sheet.meals.map((m: { portions: number }) => m.portions)).toEqual([0, 0, 1]);
  });

  it('refuses bad dates, unknown parameters and other facilities', async () => {
    const bad = await api.call('GET', `/facilities/${f.facilityId}/today?date=2026-13-01&when=now`, { token: f.staff });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(['query.date', 'query.when']);
    expect((await api.call('GET', `/facilities/${f.facilityId}/today`, { token: other.staff })).status).toBe(403);
    expect((await api.call('GET', `/facilities/nosuch-facility/today`, { token: api.token('admin') })).status).toBe(404);
  });
});
