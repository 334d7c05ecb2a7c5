import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { addDays as addDay, issuePaths, stayArrived } from './care-support.js';

// The pickup time is separate from the train or flight time; the plan lists the
// departures by pickup time across modes; a facility's vehicles (plate, seats) are
// assigned to a pickup, refused when they seat fewer than the people picked up.

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
const put = (stayId: string, body: unknown) => api.call('PUT', `/stays/${stayId}/departure`, { token: f.staff, body });
const vehicles = (body: unknown, token = f.staff) => api.call('PUT', `/facilities/${f.facilityId}/vehicles`, { token, body });
const pickup = (body: unknown, token = f.staff) => api.call('PUT', `/facilities/${f.facilityId}/transport/pickups`, { token, body });

describe('pickups and vehicles', () => {
  it('checks the pickup against the departure', async () => {
    const s = await stayArrived(api, f, 13);
    const d = s.schedule.releaseDate as string;
    const base = { destination: { city: '上海', country: 'CN' }, mode: 'train', number: 'G1234', departureAt: at(d, '10:00') };
    const late = await put(s.stayId, { ...base, pickupAt: at(d, '10:30') });
    expect(late.status).toBe(400);
    expect(late.body.issues).toMatchObject([{ path: 'pickupAt', code: 'pickup_after_departure' }]);
    // Every rule in one answer: the number and the pickup.
    const both = await put(s.stayId, { ...base, number: '', pickupAt: at(addDay(d, -1), '08:00') });
    expect(issuePaths(both.body)).toEqual(['number', 'pickupAt']);
    expect(both.body.issues.find((i: { path: string }) => i.path === 'pickupAt').code).toBe('pickup_too_early');
    const ok = await put(s.stayId, { ...base, pickupAt: at(d, '07:30') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ localTime: '10:00', pickupAt: at(d, '07:30'), pickupLocalTime: '07:30' });
  });

  it('sorts the day by pickup across modes and assigns vehicles within their seats', async () => {
    const g = await facilityWithRooms(api, 5);
    const people = await Promise.all(['李娜', '王芳', '陈杰', '刘洋'].map((n) => stayArrived(api, g, 13, { nameNative: n })));
    const d = people[0]!.schedule.releaseDate as string;
    const plans = [
      { mode: 'flight', number: 'CA933', departureAt: at(d, '11:00'), pickupAt: at(d, '07:30') },
      { mode: 'train', number: 'G88', departureAt: at(d, '09:10'), pickupAt: at(d, '07:30') },
      { mode: 'car', departureAt: at(d, '06:30'), pickupAt: at(d, '06:00') },
      { mode: 'bus', number: '12', departureAt: at(d, '08:00') },
    ];
    for (const [i, p] of plans.entries()) {
      const res = await api.call('PUT', `/stays/${people[i]!.stayId}/departure`, { token: g.staff, body: { destination: { city: '郑州', country: 'CN' }, ...p } });
      expect(res.status, res.text).toBe(200);
    }
    const set = await api.call('PUT', `/facilities/${g.facilityId}/vehicles`, { token: g.staff, body: { vehicles: [{ plate: '豫A12345', seats: 1 }, { plate: 'Bus 2', seats: 4, note: '王师傅' }] } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ version: 1, vehicles: [{ plate: '豫A12345', seats: 1 }, { plate: 'Bus 2', seats: 4 }] });
    // Over capacity: a clear refusal with seats and people.
    const small = await api.call('PUT', `/facilities/${g.facilityId}/transport/pickups`, { token: g.staff, body: { date: d, time: '07:30', plates: ['豫a12345'] } });
    expect(small.status).toBe(409);
    expect(small.body.reasons).toMatchObject([{ code: 'over_capacity', message: expect.stringContaining('1 seats cannot take the 2 people picked up at 07:30') }]);
    const fits = await api.call('PUT', `/facilities/${g.facilityId}/transport/pickups`, { token: g.staff, body: { date: d, time: '07:30', plates: ['bus 2'] } });
    expect(fits.status, fits.text).toBe(200);
    expect(fits.body).toMatchObject({ time: '07:30', count: 2, seats: 4, vehicles: [{ plate: 'Bus 2' }] });

    const plan = (await api.call('GET', `/facilities/${g.facilityId}/transport?date=${d}`, { token: g.staff })).body;
    expect(plan.pickups.map((p: any) => `${p.time} ${p.modes.join('+')} ${p.people.map((x: any) => x.nameNative).join(',')} ${p.vehicles.map((v: any) => v.plate).join(',')}`)).toEqual([
      '06:00 car 陈杰 ',
      '07:30 flight+train 王芳,李娜 Bus 2',
    ]);
    expect(plan.noPickup.map((x: any) => x.nameNative)).toEqual(['刘洋']);
    expect(plan.vehicles).toHaveLength(2);
  });

  it('refuses unknown vehicles, an empty pickup, duplicate plates, stale versions and other facilities', async () => {
    expect((await vehicles({ vehicles: [{ plate: 'A1', seats: 0 }, { plate: 'a1 ', seats: 4 }, { plate: '', seats: 4 }] })).body.issues.map((i: any) => `${i.path} ${i.code}`).sort()).toEqual([
      'vehicles.0.seats too_small',
      'vehicles.1.plate duplicate_vehicle',
      'vehicles.2.plate too_small',
    ]);
    const first = await vehicles({ vehicles: [{ plate: 'A1', seats: 4 }] });
    expect(first.status).toBe(200);
    const stale = await vehicles({ vehicles: [], version: first.body.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.reasons[0].code).toBe('vehicles_changed');
    const bad = await pickup({ date: '2026-12-01', time: '7:30', plates: ['A1', 'A1'] });
    expect(issuePaths(bad.body)).toEqual(['plates.1', 'time']);
    const nobody = await pickup({ date: '2020-01-01', time: '07:30', plates: ['A1', 'ZZ9'] });
    expect(nobody.body.issues.map((i: any) => `${i.path} ${i.code}`).sort()).toEqual(['plates.1 unknown_vehicle', 'time no_pickup_group']);
    expect((await pickup({ date: '2020-01-01', time: '07:30', plates: [] })).status).toBe(200);
    expect((await vehicles({ vehicles: [] }, other.staff)).status).toBe(403);
    expect((await api.call('GET', `/facilities/${f.facilityId}/vehicles`, { token: other.staff })).status).toBe(403);
    expect((await api.call('GET', `/facilities/${f.facilityId}/vehicles`, { token: f.staff })).body).toMatchObject({ version: 1, vehicles: [{ plate: 'A1', seats: 4 }] });
  });
});
