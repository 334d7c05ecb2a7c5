import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../functions/domain/lab-signature.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { newLab, useLabs, type TestLab } from '../lab/lab-support.js';

// Oversized and deeply nested bodies on several routes: 413 / 400 with an RFC 9457
// problem body (application/problem+json, status matching), never a 5xx, nothing
// stored. Beyond API Gateway's own 10 MB limit the local server answers 413 like
// API Gateway does (a plain JSON message, not a problem body: the handler never runs).

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let stayId: string;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 3);
  stayId = (await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.stayId;
});
afterAll(() => api.close());

interface Target {
  name: string;
  method: string;
  path: () => string;
  headers: (raw: string) => Record<string, string>;
}
const staff = () => ({ authorization: `Bearer ${f.staff}` });
const admin = () => ({ authorization: `Bearer ${f.admin}` });
const TARGETS: Target[] = [
  { name: 'register', method: 'POST', path: () => `/facilities/${f.facilityId}/stays`, headers: staff },
  { name: 'batch', method: 'POST', path: () => `/facilities/${f.facilityId}/stays/batch`, headers: staff },
  { name: 'check', method: 'POST', path: () => `/stays/${stayId}/checks`, headers: staff },
  { name: 'situation', method: 'POST', path: () => `/stays/${stayId}/situations`, headers: staff },
  { name: 'departure', method: 'PUT', path: () => `/stays/${stayId}/departure`, headers: staff },
  { name: 'rooms (admin)', method: 'POST', path: () => `/facilities/${f.facilityId}/rooms`, headers: admin },
  { name: 'create facility (admin)', method: 'POST', path: () => '/facilities', headers: admin },
  { name: 'lab webhook (signed)', method: 'POST', path: () => '/lab/results', headers: (raw) => signedHeaders(lab.labId, lab.secret, raw) },
];

async function send(t: Target, raw: string) {
  return api.call(t.method, t.path(), { rawBody: raw, headers: { 'content-type': 'application/json', ...t.headers(raw) } });
}

function expectProblem(res: { status: number; body: any; headers: Headers }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
// Nested inside a body that is otherwise the right shape.
const deepInRegistration = (n: number) => JSON.stringify(registration()).replace('"category":"inbound"', `"category":"inbound","notes":${deepObject(n)}`);

describe.each(TARGETS)('$name', (t) => {
  it('refuses a body over 1 MiB with a 413 problem', async () => {
    expectProblem(await send(t, JSON.stringify({ notes: 'x'.repeat(1_100_000) })), 413);
    // Multi-byte characters count as bytes, not characters: 400k × 3 bytes > 1 MiB.
    expectProblem(await send(t, JSON.stringify({ notes: '隔'.repeat(400_000) })), 413);
  });

  it('refuses deeply nested JSON with a 400 problem', async () => {
    for (const raw of [deepArray(5000), deepObject(5000), deepObject(25), deepInRegistration(50), `[${deepArray(100_000)}]`]) expectProblem(await send(t, raw), 400);
  });

  it('refuses a body over the 10 MB gateway limit with 413 and no handler run', async () => {
    const res = await send(t, JSON.stringify({ notes: 'x'.repeat(10 * 1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
  });
});

describe('nothing was stored by the refused bodies', () => {
  it('the facility still has its one stay', async () => {
    const res = await api.call('GET', `/facilities/${f.facilityId}/stays?status=active`, { token: f.staff });
    expect(res.body.stays.map((s: { stayId: string }) => s.stayId)).toEqual([stayId]);
  });
});

describe('unsigned lab bodies', () => {
  it('an unsigned deep or oversized body to the webhook is 401/413, never parsed', async () => {
    const deep = await api.call('POST', '/lab/results', { rawBody: deepArray(5000), headers: { 'content-type': 'application/json' } });
    expect(deep.status).toBe(401);
    const big = await api.call('POST', '/lab/results', { rawBody: JSON.stringify({ x: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
    expect([401, 413]).toContain(big.status);
  });
});
