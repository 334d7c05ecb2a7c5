import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../local/jwt.js';
import { accountStore, checkPassword } from '../../functions/adapters/accounts-file.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';

// The accounts administration API against the local provider's store (memory here):
// admins only, facilities must exist, every rule in one answer, an admin keeps the
// accounts administrable (not their own account, not the last admin), every change
// audited without passwords, and a one-time password that signs in once.

let api: TestApi;
let f: FacilityFixture;
let admin: string;

beforeAll(async () => {
  delete process.env.ACCOUNTS_FILE;
  delete process.env.USER_POOL_ID;
  api = await startApi();
  f = await facilityWithRooms(api, 0);
  admin = f.admin;
});
afterAll(() => api.close());

const name = () => uniqueId('u').toLowerCase();

describe('accounts administration', () => {
  it('staff get 403 on every accounts route, before the body is read', async () => {
    const staff = api.token('staff', [f.facilityId]);
    for (const [method, path] of [['GET', '/accounts'], ['POST', '/accounts'], ['PUT', '/accounts/x1'], ['POST', '/accounts/x1/disable'], ['POST', '/accounts/x1/enable'], ['POST', '/accounts/x1/reset-password'], ['GET', '/accounts/x1/audit']] as const) {
      const r = await api.call(method, path, { token: staff, ...(method === 'GET' ? {} : { rawBody: '{not json' }) });
      expect(r.status, `${method} ${path}`).toBe(403);
    }
  });

  it('creates a staff account with a one-time password, lists it, audits it without the password', async () => {
    const username = name();
    const r = await api.call('POST', '/accounts', { token: admin, body: { username: username.toUpperCase(), name: '李娜', role: 'staff', facilities: [f.facilityId.toUpperCase()] } });
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.account).toMatchObject({ username, name: '李娜', role: 'staff', facilities: [f.facilityId], enabled: true, status: 'password_change_required' });
    const pw = r.body.oneTimePassword as string;
    expect(pw).toHaveLength(16);
    // Only its hash is kept; the one-time password signs in.
    const stored = accountStore().byUsername(username)!;
    expect(await checkPassword(pw, stored.passwordHash)).toBe(true);
    expect((await accountStore().authenticate(username, pw))?.mustChangePassword).toBe(true);

    const list = await api.call('GET', '/accounts', { token: admin });
    expect(list.body.accounts.find((a: { username: string }) => a.username === username)).toMatchObject({ role: 'staff' });
    expect(list.text).not.toContain(pw);
    expect(list.text).not.toContain('scrypt');

    const audit = await api.call('GET', `/accounts/${username}/audit`, { token: admin });
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ action: 'account_created', changes: { role: 'staff', facilities: [f.facilityId] } });
    expect(audit.text).not.toContain(pw);

    const again = await api.call('POST', '/accounts', { token: admin, body: { username, name: 'X', role: 'admin' } });
    expect(again.status).toBe(409);
    expect(again.body.reasons.map((x: { code: string }) => x.code)).toEqual(['username_taken']);
  });

  it('names every bad field in one answer; facilities must exist; staff need one', async () => {
    const bad = await api.call('POST', '/accounts', { token: admin, body: { username: 'a', name: '', role: 'boss', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['extra', 'name', 'role', 'username']);
    const none = await api.call('POST', '/accounts', { token: admin, body: { username: name(), name: '王芳', role: 'staff' } });
    expect(none.status).toBe(400);
    expect(none.body.issues).toEqual([expect.objectContaining({ path: 'facilities', code: 'facility_required' })]);
    const ghost = await api.call('POST', '/accounts', { token: admin, body: { username: name(), name: '王芳', role: 'staff', facilities: [f.facilityId, 'no-such-hotel'] } });
    expect(ghost.status).toBe(400);
    expect(ghost.body.issues).toEqual([expect.objectContaining({ path: 'facilities.1', code: 'unknown_facility' })]);
  });

  it('changes role and facilities (audited old and new), disables, enables, resets the password', async () => {
    const other = await facilityWithRooms(api, 0);
    const username = name();
    await api.call('POST', '/accounts', { token: admin, body: { username, name: '赵强', role: 'staff', facilities: [f.facilityId] } });
    const moved = await api.call('PUT', `/accounts/${username}`, { token: admin, body: { facilities: [other.facilityId] } });
    expect(moved.status).toBe(200);
    expect(moved.body.facilities).toEqual([other.facilityId]);
    const emptied = await api.call('PUT', `/accounts/${username}`, { token: admin, body: { facilities: [] } });
    expect(emptied.status).toBe(400);
    const nothing = await api.call('PUT', `/accounts/${username}`, { token: admin, body: {} });
    expect(nothing.status).toBe(400);

    const disabled = await api.call('POST', `/accounts/${username}/disable`, { token: admin });
    expect(disabled.body).toMatchObject({ enabled: false });
    const reset = await api.call('POST', `/accounts/${username}/reset-password`, { token: admin });
    expect(reset.status).toBe(200);
    // Disabled: even the right password is refused.
    expect(await accountStore().authenticate(username, reset.body.oneTimePassword)).toBeUndefined();
    await api.call('POST', `/accounts/${username}/enable`, { token: admin });
    expect(await accountStore().authenticate(username, reset.body.oneTimePassword)).toBeDefined();

    const audit = await api.call('GET', `/accounts/${username}/audit`, { token: admin });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['account_enabled', 'password_reset', 'account_disabled', 'account_changed', 'account_created']);
    expect(audit.body.entries[3].changes).toEqual({ facilities: { from: [f.facilityId], to: [other.facilityId] } });
    expect(audit.text).not.toContain(reset.body.oneTimePassword);
    expect(new Set(audit.body.entries.map((e: { actor: string }) => e.actor)).size).toBe(1);

    expect((await api.call('POST', '/accounts/nobody-here/disable', { token: admin })).status).toBe(404);
  });

  it('an admin cannot disable or demote themself, nor the last enabled admin', async () => {
    // The store holds no other enabled admin yet: the first one is the last.
    const first = name();
    const created = await api.call('POST', '/accounts', { token: admin, body: { username: first, name: '管理员甲', role: 'admin' } });
    expect(created.body.account.facilities).toEqual([]);
    for (const a of accountStore().all()) if (a.role === 'admin' && a.username !== first) await accountStore().setEnabled(a.username, false);
    const last = await api.call('POST', `/accounts/${first}/disable`, { token: admin });
    expect(last.status).toBe(409);
    expect(last.body.reasons.map((x: { code: string }) => x.code)).toEqual(['last_admin']);
    const demote = await api.call('PUT', `/accounts/${first}`, { token: admin, body: { role: 'staff', facilities: [f.facilityId] } });
    expect(demote.status).toBe(409);

    const second = name();
    const made = await api.call('POST', '/accounts', { token: admin, body: { username: second, name: '管理员乙', role: 'admin' } });
    const self = signToken(api.keys.privateKey, { sub: made.body.account.subject, role: 'admin', facilities: [] });
    const own = await api.call('POST', `/accounts/${second}/disable`, { token: self });
    expect(own.status).toBe(409);
    expect(own.body.reasons.map((x: { code: string }) => x.code)).toEqual(['own_account']);
    expect((await api.call('PUT', `/accounts/${second}`, { token: self, body: { role: 'staff', facilities: [f.facilityId] } })).status).toBe(409);
    // Another admin exists now: the first may go.
    expect((await api.call('POST', `/accounts/${first}/disable`, { token: self })).status).toBe(200);
  });
});
