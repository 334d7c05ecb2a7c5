import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

let api: TestApi;
let f: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 5);
});
afterAll(() => api.close());

describe('registration and check-in', () => {
  it('opens a stay in the first free room with the schedule in the facility time zone', async () => {
    // 23:30 in Shanghai is still the arrival date: day 1.
    const arrivedAt = new Date(Date.now() - 3600_000);
    const body = registration({ arrival: { arrivedAt: arrivedAt.toISOString(), flightNumber: 'ca936', originCountry: 'FR' } });
    const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/stays/${res.body.stayId}`);
    expect(res.body.roomNumber).toBe('101');
    const day1 = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(arrivedAt);
    expect(res.body.schedule.day1Date).toBe(day1);
    expect(res.body.schedule.retestDates).toHaveLength(1);
    expect(res.body.stay.arrival.flightNumber).toBe('CA936');

    const got = await api.call('GET', `/stays/${res.body.stayId}`, { token: f.staff });
    expect(got.status).toBe(200);
    expect(got.body.person.nameNative).toBe('张伟');
    expect(got.body.dayOfStay).toBeGreaterThanOrEqual(1);
  });

  it('honours a requested room and refuses it when occupied or unknown', async () => {
    const first = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: '104' }) });
    expect(first.status).toBe(201);
    expect(first.body.roomNumber).toBe('104');
    const taken = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: '104' }) });
    expect(taken.status).toBe(409);
    expect(taken.body.reasons[0].code).toBe('room_not_free');
    const unknown = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: '999' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0].path).toBe('roomNumber');
  });

  it('refuses a second open stay for the same travel document, however it is typed', async () => {
    const body = registration();
    const ok = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
    expect(ok.status).toBe(201);
    const doc = body.person.document as { number: string };
    const again = registration({}, { document: { type: 'passport', country: 'CN', number: `${doc.number.slice(0, 3)} ${doc.number.slice(3).toLowerCase()}` } });
    const dup = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: again });
    expect(dup.status).toBe(409);
    expect(dup.body.reasons[0].code).toBe('person_has_open_stay');
    expect(dup.body.reasons[0].message).toContain(ok.body.stayId);
  });

  it('shows every room on the board with occupant and day of stay', async () => {
    const res = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(res.status).toBe(200);
    expect(res.body.rooms.map((r: { roomNumber: string }) => r.roomNumber)).toEqual(['101', '102', '103', '104', '105']);
    const room101 = res.body.rooms[0];
    expect(room101.state).toBe('occupied');
    expect(room101.occupant.dayOfStay).toBeGreaterThanOrEqual(1);
    expect(res.body.counts.occupied + res.body.counts.free + res.body.counts.cleaning).toBe(5);
  });

  it('says so when no room is free', async () => {
    const g = await facilityWithRooms(api, 1);
    expect((await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration() })).status).toBe(201);
    const full = await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration() });
    expect(full.status).toBe(409);
    expect(full.body.reasons[0].code).toBe('no_free_room');
  });

  it('uses the facility policy for the schedule (10 days, retest day 7, documents day 9)', async () => {
    const g = await facilityWithRooms(api, 1, { policy: { stayDays: 10, retestDays: [7], documentDay: 9 } });
    const res = await api.call('POST', `/facilities/${g.facilityId}/stays`, {
      token: g.staff,
      body: registration({ arrival: { arrivedAt: new Date().toISOString(), originCountry: 'KR' } }),
    });
    expect(res.status).toBe(201);
    const s = res.body.schedule;
    const day = (d: string) => (Date.parse(d) - Date.parse(s.day1Date)) / 86_400_000 + 1;
    expect([day(s.retestDates[0]), day(s.documentDate), day(s.endDate)]).toEqual([7, 9, 10]);
  });
});

describe('lists', () => {
  it('lists stays by status and date with pagination', async () => {
    const g = await facilityWithRooms(api, 5);
    for (let i = 0; i < 5; i++) expect((await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration() })).status).toBe(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({ status: 'active', date: today, limit: '2', ...(cursor ? { cursor } : {}) });
      const page = await api.call('GET', `/facilities/${g.facilityId}/stays?${q}`, { token: g.staff });
      expect(page.status).toBe(200);
      for (const s of page.body.stays) seen.add(s.stayId);
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.size).toBe(5);
    expect(pages).toBeGreaterThanOrEqual(3);

    const none = await api.call('GET', `/facilities/${g.facilityId}/stays?status=released`, { token: g.staff });
    expect(none.body.stays).toEqual([]);
    const bad = await api.call('GET', `/facilities/${g.facilityId}/stays?status=gone&date=2026-02-30&cursor=xyz`, { token: g.staff });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.date', 'query.status']);
    const forged = await api.call('GET', `/facilities/${g.facilityId}/stays?cursor=eyJQSyI6MX0`, { token: g.staff });
    expect(forged.status).toBe(400);
    expect(forged.body.issues[0].path).toBe('query.cursor');
  });
});
