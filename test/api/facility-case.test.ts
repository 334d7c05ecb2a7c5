import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobContext } from '../../functions/shared/job.js';
import { canAccessFacility, principalFromClaims } from '../../functions/shared/principal.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { itemsOf } from '../support/items.js';
import { registration } from '../support/fixtures.js';

// Facility ids are case-insensitive: `fa` and `FA` are one facility, stored once under
// its canonical lower-case id, whichever way the id arrives (create body, path, JWT
// claim, job event).

let api: TestApi;
let admin: string;
let id: string;
const upper = () => id.toUpperCase();

beforeAll(async () => {
  api = await startApi();
  admin = api.token('admin');
  id = uniqueId('case');
  const created = await api.call('POST', '/facilities', { token: admin, body: { facilityId: id, name: `Hotel ${id}`, timeZone: 'Asia/Shanghai' } });
  expect(created.status).toBe(201);
  const rooms = await api.call('POST', `/facilities/${upper()}/rooms`, { token: admin, body: { range: { from: 101, to: 102 } } });
  expect(rooms.status).toBe(201);
});
afterAll(() => api.close());

describe('facility ids are case-normalised', () => {
  it('creating FA when fa exists is a 409, and fa when FA exists too', async () => {
    const again = await api.call('POST', '/facilities', { token: admin, body: { facilityId: upper(), name: 'Other', timeZone: 'Asia/Shanghai' } });
    expect(again.status).toBe(409);
    const mixedId = `MiXeD-${uniqueId('c').slice(2)}`;
    const mixed = await api.call('POST', '/facilities', { token: admin, body: { facilityId: mixedId, name: 'Mixed', timeZone: 'Asia/Shanghai' } });
    expect(mixed.status).toBe(201);
    expect(mixed.body.facilityId).toBe(mixedId.toLowerCase());
    const lower = await api.call('POST', '/facilities', { token: admin, body: { facilityId: mixedId.toLowerCase(), name: 'Mixed 2', timeZone: 'Asia/Shanghai' } });
    expect(lower.status).toBe(409);
    // Stored once, under the canonical id; generated ids are canonical too.
    expect(await itemsOf(`FACILITY#${mixedId}`)).toEqual([]);
    expect((await itemsOf(`FACILITY#${mixedId.toLowerCase()}`)).map((i) => i.SK)).toContain('FACILITY');
    const generated = await api.call('POST', '/facilities', { token: admin, body: { name: 'Generated', timeZone: 'Asia/Shanghai' } });
    expect(generated.body.facilityId).toBe(generated.body.facilityId.toLowerCase());
  });

  it('GET /facilities/FA reaches fa; stays registered through FA land on fa', async () => {
    const got = await api.call('GET', `/facilities/${upper()}`, { token: admin });
    expect(got.status).toBe(200);
    expect(got.body.facilityId).toBe(id);
    const staff = api.token('staff', [id]);
    const reg = await api.call('POST', `/facilities/${upper()}/stays`, { token: staff, body: registration() });
    expect(reg.status).toBe(201);
    expect(reg.body.facilityId).toBe(id);
    const list = await api.call('GET', `/facilities/${id}/stays`, { token: staff });
    expect(list.body.stays.map((s: { stayId: string }) => s.stayId)).toContain(reg.body.stayId);
    const board = await api.call('GET', `/facilities/${upper()}/board`, { token: staff });
    expect(board.status).toBe(200);
  });

  it('JWT facility claims compare case-insensitively, and a claim of another facility still gets 403', async () => {
    const upperClaim = api.token('staff', [upper()]);
    expect((await api.call('GET', `/facilities/${id}`, { token: upperClaim })).status).toBe(200);
    expect((await api.call('GET', `/facilities/${upper()}/stays`, { token: upperClaim })).status).toBe(200);
    const listed = await api.call('GET', '/facilities', { token: upperClaim });
    expect(listed.body.facilities.map((x: { facilityId: string }) => x.facilityId)).toEqual([id]);
    const stranger = api.token('staff', [`${upper()}-X`]);
    expect((await api.call('GET', `/facilities/${upper()}`, { token: stranger })).status).toBe(403);

    const p = principalFromClaims({ sub: 'u', 'custom:facilities': 'Fa,GB-1' });
    expect(p.facilities).toEqual(['fa', 'gb-1']);
    expect(canAccessFacility(p, 'FA')).toBe(true);
    expect(canAccessFacility({ subject: 'u', role: 'staff', facilities: ['FA'] }, 'fa')).toBe(true);
    expect(canAccessFacility(p, 'fb')).toBe(false);
  });

  it("a job's facility filter is canonical too", () => {
    expect(jobContext({ time: '2026-12-01T00:00:00Z', detail: { facilityIds: ['FA', 'b'] } }).facilityIds).toEqual(['fa', 'b']);
  });
});
