import { createHmac, createPublicKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, newKeyPair, signToken } from '../../local/jwt.js';
import { routeKey, routes } from '../../functions/routes.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

// JWTs beyond test/api/access.test.ts (which covers missing, expired, forged, alg=none,
// escalated-role and garbage tokens with 401 on every protected route): correctly
// signed tokens with claims missing or odd, tokens a few seconds expired, other
// algorithms (HS256 keyed with our public key: the classic key confusion), tampered
// facility lists, and staff on every admin route. Never a 500. The local check is as
// strict as the HttpApi JWT authorizer: exp, nbf, iat, iss, aud (or client_id for an
// access token), token_use, a non-empty sub and a lifetime of at most a day.

let api: TestApi;
let a: FacilityFixture;
let stayOfA: string;

beforeAll(async () => {
  api = await startApi();
  a = await facilityWithRooms(api, 2);
  stayOfA = (await api.call('POST', `/facilities/${a.facilityId}/stays`, { token: a.staff, body: registration() })).body.stayId;
});
afterAll(() => api.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A token signed with the server's own key over any header and payload. */
function rawToken(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${sign('sha256', Buffer.from(head), api.keys.privateKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const basePayload = () => ({ sub: 'someone', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now(), exp: now() + 600, token_use: 'id' });

const pathOf = (path: string) => path.replace('{facilityId}', a.facilityId).replace('{stayId}', stayOfA).replace(/\{(\w+)\}/g, 'x1');
const protectedRoutes = routes.filter((r) => r.access === 'staff' || r.access === 'admin');
const adminRoutes = routes.filter((r) => r.access === 'admin');

describe('tokens that are not ours, not valid or not complete', () => {
  const cases: [string, () => string, number][] = [
    ['expired a second ago', () => rawToken({ ...basePayload(), 'custom:role': 'admin', exp: now() - 1 }), 401],
    ['without exp', () => rawToken({ ...basePayload(), 'custom:role': 'admin', exp: undefined }), 401],
    ['of another issuer', () => rawToken({ ...basePayload(), 'custom:role': 'admin', iss: 'https://evil.example' }), 401],
    ['for another audience', () => rawToken({ ...basePayload(), 'custom:role': 'admin', aud: 'other-app' }), 401],
    ['without sub', () => rawToken({ ...basePayload(), sub: undefined, 'custom:role': 'admin' }), 401],
    ['with an empty sub', () => rawToken({ ...basePayload(), sub: '', 'custom:role': 'admin' }), 401],
    ['with a sub that is not a string', () => rawToken({ ...basePayload(), sub: 42, 'custom:role': 'admin' }), 401],
    ['not valid before a minute from now (nbf)', () => rawToken({ ...basePayload(), 'custom:role': 'admin', nbf: now() + 60 }), 401],
    ['issued in the future (iat)', () => rawToken({ ...basePayload(), 'custom:role': 'admin', iat: now() + 60 }), 401],
    ['without iat', () => rawToken({ ...basePayload(), 'custom:role': 'admin', iat: undefined }), 401],
    ['living longer than a day (exp - iat)', () => rawToken({ ...basePayload(), 'custom:role': 'admin', exp: now() + 24 * 3600 + 1 }), 401],
    ['issued more than a day ago, still unexpired', () => rawToken({ ...basePayload(), 'custom:role': 'admin', iat: now() - 24 * 3600 - 5, exp: now() + 600 }), 401],
    ['without token_use', () => rawToken({ ...basePayload(), 'custom:role': 'admin', token_use: undefined }), 401],
    ['a refresh token_use', () => rawToken({ ...basePayload(), 'custom:role': 'admin', token_use: 'refresh' }), 401],
    ['an access token that carries aud instead of client_id', () => rawToken({ ...basePayload(), 'custom:role': 'admin', token_use: 'access' }), 401],
    ['an access token for another client', () => rawToken({ ...basePayload(), aud: undefined, client_id: 'other-app', 'custom:role': 'admin', token_use: 'access' }), 401],
    ['an ID token with client_id but no aud', () => rawToken({ ...basePayload(), aud: undefined, client_id: LOCAL_AUDIENCE, 'custom:role': 'admin' }), 401],
    ['of our issuer in another case', () => rawToken({ ...basePayload(), 'custom:role': 'admin', iss: LOCAL_ISSUER.toUpperCase() }), 401],
    ['RS512 over our key (not the algorithm Cognito signs with)', () => {
      const head = `${b64({ alg: 'RS512', typ: 'JWT' })}.${b64({ ...basePayload(), 'custom:role': 'admin' })}`;
      return `${head}.${sign('sha512', Buffer.from(head), api.keys.privateKey).toString('base64url')}`;
    }, 401],
    ['signed by another key', () => signToken(newKeyPair().privateKey, { sub: 'x', role: 'admin', facilities: [a.facilityId] }), 401],
    [
      'HS256 keyed with our public key (key confusion)',
      () => {
        const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...basePayload(), 'custom:role': 'admin' })}`;
        const pem = createPublicKey(api.keys.privateKey).export({ type: 'spki', format: 'pem' });
        return `${head}.${createHmac('sha256', pem).update(head).digest('base64url')}`;
      },
    401],
    ['alg none with an empty signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...basePayload(), 'custom:role': 'admin' })}.`, 401],
    ['alg None, no signature part', () => `${b64({ alg: 'None' })}.${b64({ ...basePayload(), 'custom:role': 'admin' })}`, 401],
    [
      'staff token whose payload was changed to add facility A',
      () => {
        const [head, payload, sig] = api.token('staff', ['another-hotel']).split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `${head}.${b64({ ...claims, 'custom:facilities': `another-hotel,${a.facilityId}` })}.${sig}`;
      },
    401],
    [
      'staff token whose payload was changed to admin',
      () => {
        const [head, payload, sig] = api.token('staff', [a.facilityId]).split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `${head}.${b64({ ...claims, 'custom:role': 'admin', 'cognito:groups': ['admin'] })}.${sig}`;
      },
    401],
    ['a token with four parts', () => `${api.token('admin')}.extra`, 401],
    ['a header that is not JSON', () => `${Buffer.from('{{{').toString('base64url')}.${b64(basePayload())}.AAAA`, 401],
  ];

  it.each(cases)('%s: refused on every protected route', async (_, make, status) => {
    const token = make();
    for (const route of protectedRoutes) {
      const res = await api.call(route.method, pathOf(route.path), { token, ...(route.method === 'GET' ? {} : { body: registration() }) });
      expect(res.status, `${routeKey(route)} -> ${res.text.slice(0, 200)}`).toBe(status);
    }
  });

  it('a bearer scheme with junk around the token, or in another header, is 401', async () => {
    const good = a.staff;
    for (const headers of <Record<string, string>[]>[{ authorization: good }, { authorization: `Basic ${good}` }, { authorization: `Bearer  ${good}x` }, { 'x-authorization': `Bearer ${good}` }, { authorization: 'Bearer ' }]) {
      const res = await api.call('GET', `/stays/${stayOfA}`, { headers });
      expect(res.status, JSON.stringify(headers).slice(0, 40)).toBe(401);
    }
  });
});

describe('tokens the HttpApi JWT authorizer would accept', () => {
  const accepted: [string, () => Record<string, unknown>][] = [
    ['an ID token (aud is our client)', () => ({ ...basePayload(), 'custom:role': 'admin' })],
    ['an ID token whose aud list includes our client', () => ({ ...basePayload(), aud: ['other-app', LOCAL_AUDIENCE], 'custom:role': 'admin' })],
    ['an ID token already valid (nbf a second ago)', () => ({ ...basePayload(), nbf: now() - 1, 'custom:role': 'admin' })],
    ['a Cognito access token (client_id, no aud)', () => ({ ...basePayload(), aud: undefined, client_id: LOCAL_AUDIENCE, token_use: 'access', 'custom:role': 'admin' })],
    ['a token of exactly the longest lifetime', () => ({ ...basePayload(), exp: now() + 24 * 3600, 'custom:role': 'admin' })],
  ];
  it.each(accepted)('%s', async (_, claims) => {
    const res = await api.call('GET', '/facilities', { token: rawToken(claims()) });
    expect(res.status, res.text.slice(0, 200)).toBe(200);
  });
});

describe('valid signatures, incomplete claims: no more than a staff member of no facility', () => {
  const incomplete: [string, () => Record<string, unknown>][] = [
    ['no role and no facilities', () => basePayload()],
    ['an unknown role', () => ({ ...basePayload(), 'custom:role': 'superuser', 'custom:facilities': '' })],
    ['role as an array', () => ({ ...basePayload(), 'custom:role': ['admin'] })],
    ['facilities as a number', () => ({ ...basePayload(), 'custom:facilities': 7 })],
    ['facilities "*"', () => ({ ...basePayload(), 'custom:facilities': '*' })],
    ['groups as a string other than admin', () => ({ ...basePayload(), 'cognito:groups': 'administrators' })],
  ];

  it.each(incomplete)('%s: 403 on facility-scoped and admin routes, never 500', async (_, claims) => {
    const token = rawToken(claims());
    for (const route of protectedRoutes) {
      const res = await api.call(route.method, pathOf(route.path), { token, ...(route.method === 'GET' ? {} : { body: registration() }) });
      expect(res.status, `${routeKey(route)} -> ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (route.access === 'admin' || /\{(facilityId|stayId)\}/.test(route.path)) expect(res.status, routeKey(route)).toBe(403);
    }
    const list = await api.call('GET', '/facilities', { token });
    expect(list.status).toBe(200);
    expect(list.body.facilities).toEqual([]);
  });
});

describe('staff on admin routes', () => {
  it.each(adminRoutes.map((r) => [routeKey(r), r] as const))('%s: 403 for staff of the facility, 2xx/4xx (not 401/403) for an admin', async (_, route) => {
    const body = route.method === 'GET' ? {} : { body: { range: { from: 501, to: 501 }, facilityId: `adm-${Date.now()}`, name: 'x', timeZone: 'Asia/Shanghai' } };
    const staff = await api.call(route.method, pathOf(route.path), { token: a.staff, ...body });
    expect(staff.status).toBe(403);
    expect(staff.headers.get('content-type')).toContain('application/problem+json');
    const admin = await api.call(route.method, pathOf(route.path), { token: a.admin, ...body });
    expect([401, 403]).not.toContain(admin.status);
    expect(admin.status).toBeLessThan(500);
  });
});
