import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../functions/domain/lab-signature.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf, newLab, result, sampleItems, stayArrived, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';

// A captured, correctly signed lab delivery replayed: after the 5-minute window it is
// refused (401) and stores nothing; inside the window it is answered "duplicate" and
// writes nothing new. The signature covers the body: the same headers with another
// body are refused.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let stay: StayFixture;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 2);
  stay = await stayArrived(api, f, 3);
});
afterAll(() => api.close());

const post = (raw: string, headers: Record<string, string>) => api.call('POST', '/lab/results', { rawBody: raw, headers: { 'content-type': 'application/json', ...headers } });
const recordsOf = async (sampleId: string) => ({ sample: await sampleItems(lab.labId, sampleId), tests: await itemsOf(`STAY#${stay.stayId}`, 'TEST#'), audit: await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#') });

describe('lab webhook replay', () => {
  it('refuses a delivery signed 6 minutes ago (and 6 minutes ahead) with 401, storing nothing', async () => {
    for (const offsetMs of [-6 * 60_000, 6 * 60_000]) {
      const r = result({ stayId: stay.stayId });
      const raw = JSON.stringify({ results: [r] });
      const res = await post(raw, signedHeaders(lab.labId, lab.secret, raw, Date.now() + offsetMs));
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await sampleItems(lab.labId, r.sampleId)).toEqual([]);
    }
    expect(await itemsOf(`STAY#${stay.stayId}`, 'TEST#')).toEqual([]);
  });

  it('answers a replay inside the window "duplicate" and writes nothing new', async () => {
    const r = result({ stayId: stay.stayId });
    const raw = JSON.stringify({ results: [r] });
    const headers = signedHeaders(lab.labId, lab.secret, raw, Date.now() - 60_000);
    const first = await post(raw, headers);
    expect(first.status).toBe(200);
    expect(first.body.results[0].status).toBe('stored');
    const before = await recordsOf(r.sampleId);
    expect(before.sample).toHaveLength(2); // the sample and its one version
    for (let i = 0; i < 3; i++) {
      const replay = await post(raw, headers); // byte for byte: same body, same timestamp, same signature
      expect(replay.status).toBe(200);
      expect(replay.body.counts).toEqual({ stored: 0, superseded: 0, duplicate: 1, stale: 0, unmatched: 0 });
    }
    expect(await recordsOf(r.sampleId)).toEqual(before);
  });

  it('refuses the captured headers on another body (a changed result) with 401', async () => {
    const r = result({ stayId: stay.stayId });
    const raw = JSON.stringify({ results: [r] });
    const headers = signedHeaders(lab.labId, lab.secret, raw);
    expect((await post(raw, headers)).status).toBe(200);
    const before = await recordsOf(r.sampleId);
    const forged = JSON.stringify({ results: [{ ...r, result: 'positive', resultedAt: new Date().toISOString() }] });
    expect((await post(forged, headers)).status).toBe(401);
    // Whitespace is part of what was signed too.
    expect((await post(`${raw} `, headers)).status).toBe(401);
    // …and so is the timestamp: a fresh timestamp with the old signature is refused.
    expect((await post(raw, { ...headers, 'x-lab-timestamp': String(Math.floor(Date.now() / 1000) + 1) })).status).toBe(401);
    expect(await recordsOf(r.sampleId)).toEqual(before);
  });
});
