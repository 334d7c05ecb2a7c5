import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

// Generated bodies, query strings and path values against every route: whatever
// arrives, the answer is never a 5xx.

let api: TestApi;
let f: FacilityFixture;
let stayId: string;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 3);
  stayId = (await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.stayId;
});
afterAll(() => api.close());

/** Bodies shaped like ours (right keys, wrong values) as well as arbitrary JSON. */
const bodies = fc.oneof(
  fc.jsonValue(),
  fc.record({ person: fc.jsonValue(), category: fc.string(), arrival: fc.jsonValue(), roomNumber: fc.string() }, { requiredKeys: [] }),
  fc.array(fc.record({ person: fc.object(), category: fc.constantFrom('inbound', 'close_contact', 1) }), { maxLength: 3 }),
  fc.record({ name: fc.string(), timeZone: fc.string(), policy: fc.jsonValue(), rooms: fc.jsonValue(), range: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ results: fc.jsonValue() }),
);
const pathValue = fc.oneof(fc.constant('x'), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent), fc.constant('..%2F..%2Fetc%2Fpasswd'));
const query = fc.dictionary(fc.constantFrom('status', 'date', 'limit', 'cursor', 'format', 'key', 'replace'), fc.string({ maxLength: 30 }));

describe('fuzz: no route answers 5xx', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const token = route.access === 'admin' ? f.admin : route.access === 'staff' ? f.staff : undefined;
    await fc.assert(
      fc.asyncProperty(bodies, pathValue, query, fc.boolean(), fc.boolean(), async (body, value, q, realIds, rawGarbage) => {
        const path = route.path
          .replace('{facilityId}', realIds ? f.facilityId : value)
          .replace('{stayId}', realIds ? stayId : value)
          .replace(/\{\w+\}/g, value);
        const qs = new URLSearchParams(q).toString();
        const res = await api.call(route.method, `${path}${qs ? `?${qs}` : ''}`, {
          token,
          ...(route.method === 'GET' ? {} : rawGarbage ? { rawBody: '{"a":[1,2', headers: { 'content-type': 'application/json' } } : { body }),
        });
        expect(res.status, `${route.method} ${path} -> ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) expect(typeof res.body).toBe('object');
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('refuses an oversized body with 413 and deeply nested JSON with a 4xx', async () => {
    const big = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, rawBody: JSON.stringify({ notes: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const nested = await api.call('POST', `/facilities/${f.facilityId}/stays/batch`, { token: f.staff, rawBody: deep, headers: { 'content-type': 'application/json' } });
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
  });
});
