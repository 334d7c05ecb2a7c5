import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../../functions/shared/errors.js';
import { openWithSecret } from '../../functions/use-cases/personal-link.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';

// Personal links against DynamoDB Local: the secret is shown once and stored only as
// a hash; revoked, reissued, wrong and unknown secrets are the same 404; both rate
// limits (per link, per client) hold; staff of another facility cannot issue one.

let api: TestApi;
let f: FacilityFixture;
beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6);
});
afterAll(() => api.close());

const secretOf = (url: string) => new URL(url).hash.replace(/^#k=/, '');
const me = (secret: string | undefined) => api.call('GET', '/me/stay', { headers: secret === undefined ? {} : { 'x-personal-key': secret } });

describe('personal link', () => {
  it('is issued once with a QR code, stored only as a hash, and opens the page', async () => {
    const stay = await stayArrived(api, f, 2, { language: 'ko' });
    const res = await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff });
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/\/me#k=[A-Za-z0-9_-]{43}$/);
    expect(res.body.qr.path.length).toBeGreaterThan(100);
    const secret = secretOf(res.body.url);
    const stored = JSON.stringify(await itemsOf(`STAY#${stay.stayId}`, 'LINK'));
    expect(stored).not.toContain(secret);
    const page = await me(secret);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ language: 'ko', day: 3, endDate: stay.schedule.endDate, status: 'active' });
    expect(page.body.slots.map((s: { slot: string }) => s.slot)).toEqual(['morning', 'evening']);
    const state = await api.call('GET', `/stays/${stay.stayId}/personal-link`, { token: f.staff });
    expect(state.body).toMatchObject({ state: 'active', generation: 1 });
    expect(JSON.stringify(state.body)).not.toContain(secret);
  });

  it('answers the same 404 for unknown, malformed, missing, revoked and replaced secrets', async () => {
    const stay = await stayArrived(api, f, 1);
    const first = secretOf((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).body.url);
    const reissued = await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff });
    expect(reissued.body).toMatchObject({ generation: 2, replaced: true });
    const second = secretOf(reissued.body.url);
    expect((await me(second)).status).toBe(200);
    const replaced = await me(first);
    const unknown = await me('A'.repeat(43));
    const malformed = await me('not a secret');
    const missing = await me(undefined);
    const revoke = await api.call('POST', `/stays/${stay.stayId}/personal-link/revoke`, { token: f.staff });
    expect(revoke.status).toBe(200);
    const revoked = await me(second);
    const again = await api.call('POST', `/stays/${stay.stayId}/personal-link/revoke`, { token: f.staff });
    expect(again.status).toBe(409);
    expect(again.body.reasons[0].code).toBe('no_personal_link');
    const bodies = [replaced, unknown, malformed, missing, revoked].map((r) => {
      expect(r.status).toBe(404);
      const { requestId: _r, ...rest } = r.body;
      return JSON.stringify(rest);
    });
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(stay.stayId);
    // Reissue gives the page back.
    const back = secretOf((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).body.url);
    expect((await me(back)).status).toBe(200);
  });

  it('is staff-only and facility-scoped', async () => {
    const stay = await stayArrived(api, f, 1);
    const other = await facilityWithRooms(api, 1);
    expect((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: other.staff })).status).toBe(403);
    expect((await api.call('POST', `/stays/${stay.stayId}/personal-link`)).status).toBe(401);
  });

  it('limits requests per link and per client, wrong secrets included', async () => {
    const stay = await stayArrived(api, f, 1);
    const secret = secretOf((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).body.url);
    const now = new Date('2026-12-01T08:00:10Z');
    for (let i = 0; i < 30; i++) await openWithSecret(secret, `10.0.0.${i}`, now);
    await expect(openWithSecret(secret, '10.0.1.1', now)).rejects.toBeInstanceOf(TooManyRequestsError);
    // The next window lets it through again.
    await expect(openWithSecret(secret, '10.0.1.1', new Date('2026-12-01T08:01:00Z'))).resolves.toMatchObject({ stay: { stayId: stay.stayId } });
    // One client guessing secrets is cut off after 120 tries in a minute.
    const client = `192.0.2.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    for (let i = 0; i < 120; i++) await expect(openWithSecret(`${'B'.repeat(40)}${String(i).padStart(3, '0')}`, client, now)).rejects.toMatchObject({ status: 404 });
    const refused = await openWithSecret(secret, client, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).headers['retry-after']).toBe('50');
  });

  it('refuses bodies that are too large or malformed on the public routes', async () => {
    const stay = await stayArrived(api, f, 1);
    const secret = secretOf((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).body.url);
    const bad = await api.call('POST', '/me/requests', { headers: { 'x-personal-key': secret }, body: { kind: 'pizza', text: '', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['extra', 'kind', 'text']);
    const ok = await api.call('POST', '/me/requests', { headers: { 'x-personal-key': secret }, body: { kind: 'parcel', text: 'A parcel from my sister at the gate' } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'parcel', status: 'open' });
    // Staff list it, answer it; the person sees the answer.
    const list = await api.call('GET', `/facilities/${f.facilityId}/requests?status=open`, { token: f.staff });
    expect(list.body.requests.map((r: { requestId: string }) => r.requestId)).toContain(ok.body.requestId);
    const answered = await api.call('POST', `/stays/${stay.stayId}/requests/${ok.body.requestId}`, { token: f.staff, body: { status: 'done', reply: 'Brought to your door at 15:00' } });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('done');
    const open = await api.call('GET', `/facilities/${f.facilityId}/requests?status=open`, { token: f.staff });
    expect(open.body.requests.map((r: { requestId: string }) => r.requestId)).not.toContain(ok.body.requestId);
    const page = await me(secret);
    expect(page.body.requests[0]).toMatchObject({ requestId: ok.body.requestId, status: 'done', reply: 'Brought to your door at 15:00' });
  });
});
