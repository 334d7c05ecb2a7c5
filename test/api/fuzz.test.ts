import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

// Generated bodies, query strings, path values and page cursors against EVERY route
// of the route table (a new route is fuzzed without touching this file): whatever
// arrives, the answer is never a 5xx, and a tampered cursor never brings back
// anything of another facility.

let api: TestApi;
let f: FacilityFixture;
let g: FacilityFixture;
let stayId: string;
let otherStayId: string;
/** Real cursors of facility g's listings (another facility's partitions) and of f's own. */
let foreign: string[];
let own: { stays: string; reminders: string };

/** A name only facility g's person has: it must never appear in an answer to f's staff. */
const OTHER_NAME = 'LEAKCHECK Other';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const unb64 = (c: string) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Record<string, string>;

async function cursorOf(path: string, token: string): Promise<string> {
  const res = await api.call('GET', path, { token });
  if (res.status !== 200 || typeof res.body.cursor !== 'string') throw new Error(`no cursor from ${path}: ${res.status} ${res.text.slice(0, 200)}`);
  return res.body.cursor;
}

async function situation(sid: string, token: string) {
  const res = await api.call('POST', `/stays/${sid}/situations`, { token, body: { kind: 'complaint', text: 'noise' } });
  if (res.status !== 201) throw new Error(`situation: ${res.status} ${res.text}`);
}

beforeAll(async () => {
  api = await startApi();
  [f, g] = await Promise.all([facilityWithRooms(api, 3), facilityWithRooms(api, 3)]);
  stayId = (await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.stayId;
  await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() });
  otherStayId = (await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration({}, { nameLatin: OTHER_NAME }) })).body.stayId;
  await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration({}, { nameLatin: OTHER_NAME }) });
  await Promise.all([situation(stayId, f.staff), situation(otherStayId, g.staff)]);
  foreign = [
    await cursorOf(`/facilities/${g.facilityId}/stays?limit=1`, g.staff),
    await cursorOf(`/facilities/${g.facilityId}/reminders?limit=1`, g.staff),
  ];
  own = { stays: await cursorOf(`/facilities/${f.facilityId}/stays?limit=1`, f.staff), reminders: await cursorOf(`/facilities/${f.facilityId}/reminders?limit=1`, f.staff) };
}, 60_000);
afterAll(() => api.close());

/** Cursors no listing of facility f ever returned: every one must be refused (400), never followed. */
function tamperedCursors(): fc.Arbitrary<string> {
  const key = () => unb64(own.stays);
  return fc.oneof(
    // Another facility's real cursors, and cursors of another route (reminders on stays and back).
    fc.constantFrom(...foreign, own.reminders, own.stays),
    // f's own cursor pointed at g's partition.
    fc.constant(null).map(() => b64({ ...key(), GSI1PK: `FACILITY#${g.facilityId}#STAYS` })),
    // Wrong key names, missing keys, extra keys.
    fc.constant(null).map(() => {
      const { GSI1SK: _s, ...rest } = key();
      return b64({ ...rest, gsi1sk: 'x' });
    }),
    fc.constant(null).map(() => b64({ ...key(), extra: 'x' })),
    fc.constant(null).map(() => b64({ PK: key().PK, SK: key().SK })),
    // Valid base64 of JSON objects with other attributes and values, and not objects at all.
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.jsonValue()), { maxKeys: 5 }).map(b64),
    fc.jsonValue().map(b64),
    // Garbage.
    fc.string({ maxLength: 60 }),
    fc.string({ minLength: 1, maxLength: 5000 }),
  );
}

/** Bodies shaped like ours (right keys, wrong values) as well as arbitrary JSON. */
const bodies = fc.oneof(
  fc.jsonValue(),
  fc.record({ person: fc.jsonValue(), category: fc.string(), arrival: fc.jsonValue(), roomNumber: fc.string() }, { requiredKeys: [] }),
  fc.array(fc.record({ person: fc.object(), category: fc.constantFrom('inbound', 'close_contact', 1) }), { maxLength: 3 }),
  fc.record({ name: fc.string(), timeZone: fc.string(), policy: fc.jsonValue(), rooms: fc.jsonValue(), range: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ results: fc.jsonValue() }),
);
/** Path values: plausible, arbitrary unicode, traversal, over-long (up to 4000 characters), percent-soup. */
const pathValue = fc.oneof(
  fc.constant('x'),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  fc.constant('..%2F..%2Fetc%2Fpasswd'),
  fc.integer({ min: 129, max: 4000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 40, max: 400 }).map((n) => encodeURIComponent('好'.repeat(n))),
  fc.constantFrom('%00', '%20', '~', '.', 'a.b', '-', `${'9'.repeat(128)}`),
);
const queryKeys = fc.constantFrom('status', 'date', 'limit', 'cursor', 'format', 'key', 'replace', 'windowMinutes', 'v', 'x');
const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('1', '0', '-1', '201', '1e9', 'active', 'released', 'csv', '2026-02-30', 'true'));

/** The path of `route` with real ids of f (or generated values) in its parameters. */
function pathFor(route: (typeof routes)[number], value: string, realIds: boolean): string {
  return route.path
    .replace('{facilityId}', realIds ? f.facilityId : value)
    .replace('{stayId}', realIds ? stayId : value)
    .replace(/\{\w+\}/g, value);
}

function tokenFor(route: (typeof routes)[number]) {
  return route.access === 'admin' ? f.admin : route.access === 'staff' ? f.staff : undefined;
}

function expectNoOtherFacility(text: string, where: string) {
  for (const secret of [g.facilityId, otherStayId, OTHER_NAME]) expect(text, `${where} leaked ${secret}`).not.toContain(secret);
}

describe('fuzz: no route answers 5xx', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const token = tokenFor(route);
    await fc.assert(
      fc.asyncProperty(
        bodies,
        pathValue,
        fc.dictionary(queryKeys, queryValue, { maxKeys: 4 }),
        fc.option(tamperedCursors(), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        async (body, value, q, cursor, realIds, rawGarbage) => {
          const path = pathFor(route, value, realIds);
          const qs = new URLSearchParams({ ...q, ...(cursor !== undefined ? { cursor } : {}) }).toString();
          const res = await api.call(route.method, `${path}${qs ? `?${qs}` : ''}`, {
            token,
            ...(route.method === 'GET' ? {} : rawGarbage ? { rawBody: '{"a":[1,2', headers: { 'content-type': 'application/json' } } : { body }),
          });
          const where = `${route.method} ${path.slice(0, 200)}?${qs.slice(0, 200)} -> ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) expect(typeof res.body).toBe('object');
          // Admin routes may show any facility; staff and public answers never show g's data to f.
          if (route.access !== 'admin') expectNoOtherFacility(res.text, where);
        },
      ),
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

describe('tampered cursors and path parameters', () => {
  const paginated = () => [
    { path: `/facilities/${f.facilityId}/stays`, token: f.staff, own: own.stays },
    { path: `/facilities/${f.facilityId}/stays?status=active&date=${new Date().toISOString().slice(0, 10)}`, token: f.staff, own: own.stays },
    { path: `/facilities/${f.facilityId}/reminders`, token: f.staff, own: own.reminders },
    { path: '/lab/unmatched', token: f.admin, own: undefined },
  ];

  it('every listing refuses, with 400 naming query.cursor, any cursor it did not hand out', async () => {
    const samples = fc.sample(tamperedCursors(), 60);
    for (const list of paginated()) {
      for (const cursor of samples.filter((c) => c !== list.own && c !== '')) {
        const sep = list.path.includes('?') ? '&' : '?';
        const res = await api.call('GET', `${list.path}${sep}cursor=${encodeURIComponent(cursor)}`, { token: list.token });
        const where = `${list.path} cursor=${cursor.slice(0, 80)} -> ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, where).toBe(400);
        expect(res.body.issues.map((i: { path: string }) => i.path), where).toEqual(['query.cursor']);
        expectNoOtherFacility(res.text, where);
      }
    }
  });

  it("a facility's own cursor still continues its listing", async () => {
    const next = await api.call('GET', `/facilities/${f.facilityId}/stays?limit=1&cursor=${own.stays}`, { token: f.staff });
    expect(next.status).toBe(200);
    expect(next.body.stays).toHaveLength(1);
    expect(next.body.stays[0].facilityId).toBe(f.facilityId);
  });

  it('over-long or odd path parameters are a 404 on every route that has any, before any read', async () => {
    for (const route of routes.filter((r) => r.path.includes('{'))) {
      for (const value of ['A'.repeat(129), 'A'.repeat(5000), encodeURIComponent('a b'), encodeURIComponent('张伟'), encodeURIComponent('a/b'), '%00']) {
        const res = await api.call(route.method, route.path.replace(/\{\w+\}/g, value), { token: tokenFor(route), ...(route.method === 'GET' ? {} : { body: {} }) });
        expect(res.status, `${route.method} ${route.path} with ${value.slice(0, 20)} -> ${res.status} ${res.text.slice(0, 200)}`).toBe(404);
      }
    }
  });
});
