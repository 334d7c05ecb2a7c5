import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyPair, signToken } from '../../local/jwt.js';
import { routes } from '../../functions/routes.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

let api: TestApi;
let a: FacilityFixture;
let b: FacilityFixture;
let stayOfB: string;

beforeAll(async () => {
  api = await startApi();
  a = await facilityWithRooms(api, 2);
  b = await facilityWithRooms(api, 2);
  const res = await api.call('POST', `/facilities/${b.facilityId}/stays`, { token: b.staff, body: registration() });
  stayOfB = res.body.stayId;
});
afterAll(() => api.close());

/** Fill a route's path with B's facility and stay (other parameters get harmless values). */
function pathOf(path: string): string {
  return path
    .replace('{facilityId}', b.facilityId)
    .replace('{stayId}', stayOfB)
    .replace(/\{(\w+)\}/g, 'x1');
}

describe('facility isolation', () => {
  const scoped = routes.filter((r) => (r.access === 'staff' || r.access === 'admin') && /\{(facilityId|stayId)\}/.test(r.path));

  it.each(scoped.map((r) => [`${r.method} ${r.path}`, r] as const))('staff of A get 403 on %s of B', async (_, route) => {
    for (const body of route.method === 'GET' ? [undefined] : [undefined, registration(), { junk: true }]) {
      const res = await api.call(route.method, pathOf(route.path), { token: a.staff, ...(body ? { body } : {}) });
      expect(res.status).toBe(403);
    }
    // …and malformed JSON does not leak past authorisation either.
    if (route.method !== 'GET') {
      const raw = await api.call(route.method, pathOf(route.path), { token: a.staff, rawBody: '{"oops', headers: { 'content-type': 'application/json' } });
      expect(raw.status).toBe(403);
    }
  });

  it('lists only the facilities a staff member works for', async () => {
    const res = await api.call('GET', '/facilities', { token: a.staff });
    expect(res.body.facilities.map((f: { facilityId: string }) => f.facilityId)).toEqual([a.facilityId]);
  });

  it('keeps admin routes for admins', async () => {
    expect((await api.call('POST', '/facilities', { token: a.staff, body: { name: 'x', timeZone: 'Asia/Shanghai' } })).status).toBe(403);
    expect((await api.call('POST', `/facilities/${a.facilityId}/rooms`, { token: a.staff, body: { rooms: ['1'] } })).status).toBe(403);
  });
});

describe('tokens', () => {
  const protectedRoutes = routes.filter((r) => r.access === 'staff' || r.access === 'admin');

  it.each(protectedRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s refuses missing, expired, forged and unsigned tokens', async (_, route) => {
    const path = pathOf(route.path);
    const expired = signToken(api.keys.privateKey, { sub: 'x', role: 'admin', facilities: [] }, 60, Date.now() - 3600_000);
    const forged = signToken(newKeyPair().privateKey, { sub: 'x', role: 'admin', facilities: [] });
    const [head, payload] = api.token('staff', [b.facilityId]).split('.');
    const escalated = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), 'custom:role': 'admin' })).toString('base64url')}.${'A'.repeat(20)}`;
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    for (const token of [undefined, expired, forged, escalated, none, 'garbage']) {
      const res = await api.call(route.method, path, token ? { token } : {});
      expect(res.status).toBe(401);
    }
  });
});
