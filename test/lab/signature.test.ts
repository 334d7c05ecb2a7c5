import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLabSignature, labSignature, REPLAY_WINDOW_SECONDS, signedHeaders } from '../../functions/domain/lab-signature.js';
import { cachedLabSecrets, parseLabSecrets, type LabSecretSource } from '../../functions/ports/lab-secrets.js';
import { envSource, fileSource } from '../../functions/adapters/lab-secrets-local.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, newLab, result, sampleItems, stayArrived, useLabs, type TestLab } from './lab-support.js';

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let stayId: string;
const other = newLab('other');

beforeAll(async () => {
  lab = newLab();
  await useLabs(lab, other);
  api = await startApi();
  f = await facilityWithRooms(api, 3);
  stayId = (await stayArrived(api, f, 3)).stayId;
});
afterAll(async () => {
  delete process.env.LAB_SECRETS;
  await api.close();
});

describe('signature (pure)', () => {
  const secret = 'k'.repeat(64);
  const body = '{"results":[]}';
  const now = 1_800_000_000_000;
  const ts = String(now / 1000);
  const good = { labId: 'lab-1', timestamp: ts, signature: `sha256=${labSignature(secret, ts, body)}`, rawBody: body, secret, nowMs: now };

  it('accepts the HMAC-SHA256 of "<timestamp>.<body>", hex in either case', () => {
    expect(checkLabSignature(good)).toEqual({ ok: true });
    expect(checkLabSignature({ ...good, signature: good.signature.toUpperCase().replace('SHA256', 'sha256') })).toEqual({ ok: true });
    // The same value openssl prints: printf '%s' "$TS.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
    expect(labSignature('secret', '1700000000', '{"results":[]}')).toBe('c4f127e3f6a54b78b2d056490ed7ec88be739154d7f919272a16e132067f33f6');
  });

  it.each([
    ['missing signature', { signature: undefined }, 'missing_headers'],
    ['missing lab id', { labId: undefined }, 'missing_headers'],
    ['missing timestamp', { timestamp: undefined }, 'missing_headers'],
    ['malformed lab id', { labId: 'lab id with spaces' }, 'malformed_lab_id'],
    ['timestamp in milliseconds with a dot', { timestamp: `${ts}.5` }, 'malformed_timestamp'],
    ['timestamp 301 s old', { timestamp: String(now / 1000 - REPLAY_WINDOW_SECONDS - 1) }, 'timestamp_out_of_window'],
    ['timestamp 301 s ahead', { timestamp: String(now / 1000 + REPLAY_WINDOW_SECONDS + 1) }, 'timestamp_out_of_window'],
    ['no sha256= prefix', { signature: labSignature(secret, ts, body) }, 'malformed_signature'],
    ['short signature', { signature: 'sha256=abcd' }, 'malformed_signature'],
    ['tampered body', { rawBody: '{"results":[1]}' }, 'bad_signature'],
    ['wrong secret', { secret: 'x'.repeat(64) }, 'bad_signature'],
    ['unknown lab', { secret: undefined }, 'bad_signature'],
  ])('refuses: %s', (_, change, reason) => {
    expect(checkLabSignature({ ...good, ...change })).toEqual({ ok: false, reason });
  });

  it('accepts timestamps exactly at the edge of the window', () => {
    for (const t of [now / 1000 - REPLAY_WINDOW_SECONDS, now / 1000 + REPLAY_WINDOW_SECONDS]) {
      const timestamp = String(t);
      expect(checkLabSignature({ ...good, timestamp, signature: `sha256=${labSignature(secret, timestamp, body)}` })).toEqual({ ok: true });
    }
  });
});

describe('webhook authentication (HTTP)', () => {
  const body = () => ({ results: [result({ stayId })] });

  it('stores a correctly signed delivery', async () => {
    const b = body();
    const res = await deliver(api, lab, b);
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'stored', stayId });
  });

  async function refused(res: { status: number; body: any; headers: Headers }, reason: string, sample?: string) {
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.reason).toBe(reason);
    if (sample) {
      expect(await sampleItems(lab.labId, sample)).toEqual([]);
      expect(await sampleItems(other.labId, sample)).toEqual([]);
    }
  }

  it('refuses a wrong secret, another lab\'s secret, an unknown lab, and a tampered body: 401, nothing stored', async () => {
    const b = body();
    const raw = JSON.stringify(b);
    const sample = b.results[0]!.sampleId;
    await refused(await deliver(api, { labId: lab.labId, secret: 'f'.repeat(64) }, b), 'bad_signature', sample);
    await refused(await deliver(api, { labId: lab.labId, secret: other.secret }, b), 'bad_signature', sample);
    await refused(await deliver(api, { labId: 'no-such-lab', secret: lab.secret }, b), 'bad_signature', sample);
    const headers = signedHeaders(lab.labId, lab.secret, raw);
    const tampered = raw.replace('"negative"', '"positive"');
    await refused(await api.call('POST', '/lab/results', { rawBody: tampered, headers: { 'content-type': 'application/json', ...headers } }), 'bad_signature', sample);
  });

  it('refuses missing and malformed headers', async () => {
    const b = body();
    const raw = JSON.stringify(b);
    const h = signedHeaders(lab.labId, lab.secret, raw);
    const post = (headers: Record<string, string>) => api.call('POST', '/lab/results', { rawBody: raw, headers: { 'content-type': 'application/json', ...headers } });
    await refused(await post({}), 'missing_headers', b.results[0]!.sampleId);
    await refused(await post({ 'x-lab-id': h['x-lab-id']!, 'x-lab-timestamp': h['x-lab-timestamp']! }), 'missing_headers');
    await refused(await post({ ...h, 'x-lab-signature': h['x-lab-signature']!.replace('sha256=', 'sha1=') }), 'malformed_signature');
    await refused(await post({ ...h, 'x-lab-signature': 'sha256=not-hex' }), 'malformed_signature');
    await refused(await post({ ...h, 'x-lab-timestamp': new Date().toISOString() }), 'malformed_timestamp');
    await refused(await post({ ...h, 'x-lab-id': '../../etc' }), 'malformed_lab_id', b.results[0]!.sampleId);
  });

  it('refuses old and future timestamps (replay window), even when correctly signed', async () => {
    const b = body();
    await refused(await deliver(api, lab, b, { nowMs: Date.now() - (REPLAY_WINDOW_SECONDS + 30) * 1000 }), 'timestamp_out_of_window', b.results[0]!.sampleId);
    await refused(await deliver(api, lab, b, { nowMs: Date.now() + (REPLAY_WINDOW_SECONDS + 30) * 1000 }), 'timestamp_out_of_window', b.results[0]!.sampleId);
    // Within the window (4 minutes off) it is accepted.
    expect((await deliver(api, lab, b, { nowMs: Date.now() - 240_000 })).status).toBe(200);
  });

  it('checks the signature before parsing: unsigned malformed JSON is 401, signed malformed JSON is 400', async () => {
    const garbage = '{"results":[1,2';
    const unsigned = await api.call('POST', '/lab/results', { rawBody: garbage, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    const wrongType = await api.call('POST', '/lab/results', { rawBody: garbage, headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(401);
    const signed = await deliver(api, lab, garbage);
    expect(signed.status).toBe(400);
    expect(signed.body.title).toBe('Malformed request body');
  });

  it('validates a signed body as a whole: 400 naming each bad field, nothing stored', async () => {
    const good = result({ stayId });
    const res = await deliver(api, lab, {
      results: [
        good,
        { ...result(), stayId, document: { type: 'passport', number: 'E1', country: 'CN' } },
        { ...result({ stayId }), result: 'maybe', collectedAt: 'yesterday' },
        { ...result({ stayId }), resultedAt: hoursAgo(24), collectedAt: hoursAgo(2), extra: 1 },
      ],
    });
    expect(res.status).toBe(400);
    const paths = res.body.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['results.1.document.number', 'results.1.stayId', 'results.2.collectedAt', 'results.2.result', 'results.3.extra', 'results.3.resultedAt']);
    expect(await sampleItems(lab.labId, good.sampleId)).toEqual([]);
    const empty = await deliver(api, lab, { results: [] });
    expect(empty.status).toBe(400);
    const tooMany = await deliver(api, lab, { results: Array.from({ length: 501 }, () => result({ stayId })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues[0].path).toBe('results');
  });
});

function hoursAgo(h: number): string {
  return new Date(Date.now() - h * 3600_000).toISOString();
}

describe('LabSecrets port and adapters', () => {
  const secret = 's'.repeat(64);

  it('parses both formats and ignores short secrets and bad ids', () => {
    const m = parseLabSecrets(JSON.stringify({ a: secret, b: { name: 'B', secret, createdAt: 'x' }, c: 'short', 'bad id': secret }), 'test');
    expect([...m.keys()].sort()).toEqual(['a', 'b']);
    expect(() => parseLabSecrets('[1]', 'test')).toThrow(/object/);
    expect(() => parseLabSecrets('{', 'test')).toThrow(/JSON/);
  });

  it('reads the env variable and the file (a missing file: no labs)', async () => {
    expect(await envSource(JSON.stringify({ a: secret })).load()).toEqual(new Map([['a', secret]]));
    const dir = mkdtempSync(join(tmpdir(), 'labs-'));
    expect(await fileSource(join(dir, 'none.json')).load()).toEqual(new Map());
    writeFileSync(join(dir, 'labs.json'), JSON.stringify({ x: { name: 'X', secret, createdAt: '' } }));
    expect(await fileSource(join(dir, 'labs.json')).load()).toEqual(new Map([['x', secret]]));
  });

  it('caches for the TTL, shares one load between concurrent misses, and keeps the last set when a reload fails', async () => {
    let loads = 0;
    let fail = false;
    let now = 0;
    const source: LabSecretSource = {
      name: 'fake',
      async load() {
        loads++;
        await new Promise((r) => setTimeout(r, 5));
        if (fail) throw new Error('store down');
        return new Map([['a', `${secret}${loads}`]]);
      },
    };
    const cache = cachedLabSecrets(source, 1000, () => now);
    const [x, y] = await Promise.all([cache.secretFor('a'), cache.secretFor('a')]);
    expect(x).toBe(`${secret}1`);
    expect(y).toBe(x);
    expect(loads).toBe(1);
    now = 999;
    expect(await cache.secretFor('a')).toBe(`${secret}1`);
    now = 1001;
    expect(await cache.secretFor('a')).toBe(`${secret}2`);
    fail = true;
    now = 5000;
    expect(await cache.secretFor('a')).toBe(`${secret}2`);
    expect(await cache.secretFor('nobody')).toBeUndefined();
  });

});
