import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { uniqueDocumentNumber } from '../support/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

// Staff sign-in as a hotel team meets it, against `npm start` and its OpenID
// provider: the first admin signs in with the printed one-time password and chooses
// a password, two tabs share the session and its refresh, a session that ends while
// a form is being filled is signed in again over the page and the save goes through,
// and signing out revokes the refresh token in every tab.

const ID_TOKEN_SECONDS = 8;
const NEW_PASSWORD = 'Harbour-lights-2026';

let child: ChildProcess;
let output = '';
let base = '';
let browser: Browser;
let context: BrowserContext;
let adminToken = '';

async function waitFor(predicate: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}: ${output.slice(-2000)}`);
}

async function adminApi(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

function watch(page: Page, errors: string[]): Page {
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (process.env.QD_DEBUG) console.log(`console ${Date.now() % 100000} [${page.url()}] ${m.type()} ${m.text()}`);
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return page;
}

async function signInOnProviderPage(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#signin-submit').click();
}

const storedUser = (page: Page) =>
  page.evaluate(() => {
    const ls = (globalThis as unknown as { localStorage: { getItem(k: string): string | null } & Record<string, unknown> }).localStorage;
    const key = Object.keys(ls).find((k) => k.startsWith('oidc.user:'));
    return key ? (JSON.parse(ls.getItem(key) as string) as { id_token: string; refresh_token: string }) : null;
  });

beforeAll(async () => {
  const port = await freePort();
  const dynamoPort = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', OIDC_ID_TOKEN_SECONDS: String(ID_TOKEN_SECONDS) };
  for (const k of ['DYNAMODB_ENDPOINT', 'TABLE_NAME', 'LAB_SECRETS', 'LAB_SECRETS_FILE', 'PUBLIC_BASE_URL', 'ACCOUNTS_FILE', 'OIDC_ISSUER', 'OIDC_CLIENT_ID']) delete env[k];
  child = spawn('npm', ['start', '--', '--in-memory', '--no-jobs', '--port', String(port), '--dynamo-port', String(dynamoPort)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  base = `http://localhost:${port}`;
  await waitFor(() => /Admin token[^\n]*\n\S+/.test(output), 90_000, 'npm start');
  adminToken = (/Admin token[^\n]*\n(\S+)/.exec(output) as RegExpExecArray)[1] as string;
  for (const [facilityId, name] of [['hotel-north', '北区隔离酒店'], ['hotel-south', '南区隔离酒店']] as const) {
    const created = await adminApi('POST', '/facilities', { facilityId, name, timeZone: 'Asia/Shanghai', policy: { stayDays: 14, retestDays: [12], documentDay: 13 } });
    expect(created.status).toBe(201);
    expect((await adminApi('POST', `/facilities/${facilityId}/rooms`, { range: { from: 101, to: 110 } })).status).toBe(201);
  }
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
});

describe('staff sign-in (npm start, local OpenID provider)', () => {
  const errors: string[] = [];
  let tabA: Page;
  let tabB: Page;

  it('npm start prints how the first admin signs in: a one-time password, no token to paste', () => {
    expect(output).toMatch(/sign in as "admin" with the one-time password {2}\S{16}/);
  });

  it('the first admin signs in with username and password, chooses a password, and works', { timeout: 60_000 }, async () => {
    const oneTime = (/one-time password {2}(\S+)/.exec(output) as RegExpExecArray)[1] as string;
    tabA = watch(await context.newPage(), errors);
    await tabA.goto(`${base}/`);
    await tabA.getByRole('button', { name: 'Sign in with my account' }).click();
    await tabA.waitForURL(/\/oidc\/interaction\//);
    expect(await tabA.locator('h1').textContent()).toBe('Staff sign-in');
    await screenshot(tabA, 'oidc-login-1366');
    await signInOnProviderPage(tabA, 'admin', 'wrong-password-1A#');
    expect(await tabA.locator('#problem').textContent()).toContain('Wrong username or password');
    await signInOnProviderPage(tabA, 'admin', oneTime);
    await tabA.locator('#new-password').waitFor();
    await tabA.locator('#new-password').fill('short');
    await tabA.locator('#confirm-password').fill('short');
    await tabA.locator('#password-submit').click();
    expect(await tabA.locator('#problem').textContent()).toContain('At least 12 characters');
    await tabA.locator('#new-password').fill(NEW_PASSWORD);
    await tabA.locator('#confirm-password').fill(NEW_PASSWORD);
    await tabA.locator('#password-submit').click();
    // Back on the page: an admin sees both facilities and chooses one.
    await tabA.waitForURL(`${base}/**`);
    await tabA.locator('#s-facility option[value="hotel-north"]').waitFor({ state: 'attached' });
    await screenshot(tabA, 'signin-choose-1366');
    await tabA.locator('#s-facility').selectOption('hotel-north');
    await tabA.locator('#s-continue').click();
    await tabA.locator('#view-board').waitFor();
    expect(await tabA.locator('#who').textContent()).toContain('Administrator (administrator) · 北区隔离酒店');
    expect(new URL(tabA.url()).search).toBe('');
  });

  it('a second tab is signed in already; both keep working past the token lifetime with one refresh at a time', { timeout: 60_000 }, async () => {
    const refreshes: number[] = [];
    const failures: string[] = [];
    context.on('requestfinished', async (req) => {
      if (process.env.QD_DEBUG && req.url().includes('/oidc/')) console.log('request', Date.now() % 100000, req.frame().page().url(), req.url(), req.postData()?.slice(0, 80), (await req.response())?.status());
      if (!req.url().endsWith('/oidc/token') || !(req.postData() ?? '').includes('grant_type=refresh_token')) return;
      const res = await req.response();
      if (res?.status() === 200) refreshes.push(Date.now());
      else failures.push(`${res?.status()} ${await res?.text()}`);
    });
    tabB = watch(await context.newPage(), errors);
    await tabB.goto(`${base}/#board`);
    await tabB.locator('#view-board').waitFor();
    expect(await tabB.locator('#who').textContent()).toContain('北区隔离酒店');
    const first = (await storedUser(tabA))?.id_token;
    // Three token lifetimes: every tab's timer fires, the lock lets one refresh and the other reads its result.
    await new Promise((r) => setTimeout(r, ID_TOKEN_SECONDS * 3 * 1000));
    for (const tab of [tabA, tabB]) {
      await tab.getByRole('link', { name: 'Today' }).click();
      await tab.locator('#view-today').waitFor();
      await tab.getByRole('link', { name: 'Room board' }).click();
      await tab.locator('#board-grid, #view-board .room').first().waitFor({ state: 'attached' });
    }
    expect(failures).toEqual([]);
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    // Refresh tokens rotate: two tabs refreshing at once would reuse one and be signed out; the lock keeps them apart.
    const gaps = refreshes.slice(1).map((t, i) => t - (refreshes[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThan(1000);
    expect((await storedUser(tabB))?.id_token).not.toBe(first);
    expect(await tabA.locator('#session-dialog').isVisible()).toBe(false);
  });

  it('a session that ends while typing: the dialog signs in again over the page and the save goes through', { timeout: 60_000 }, async () => {
    await tabA.getByRole('link', { name: 'Register' }).click();
    await tabA.locator('#view-register').waitFor();
    await tabA.getByLabel('Name (as written natively)').fill('钱学敏');
    await tabA.getByLabel('Name in Latin letters (as in passport)').fill('QIAN Xuemin');
    await tabA.getByLabel('Sex').selectOption('F');
    await tabA.getByLabel('Birth date').fill('1988-02-11');
    // The session ends: the refresh token is revoked (as by an administrator or an expiry) and the ID token runs out.
    const user = await storedUser(tabA);
    if (process.env.QD_DEBUG) console.log('revoking', Date.now() % 100000, user?.refresh_token);
    const revoked = await fetch(`${base}/oidc/token/revocation`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: user!.refresh_token, client_id: 'quarantine-desk-web' }) });
    expect(revoked.status).toBe(200);
    await new Promise((r) => setTimeout(r, ID_TOKEN_SECONDS * 1000 + 500));
    await tabA.getByLabel('Nationality (2-letter code, e.g. CN)').fill('CN');
    await tabA.getByLabel('Phone').fill('+86 139 2222 3333');
    const documentNumber = uniqueDocumentNumber();
    await tabA.getByLabel('Document number').fill(documentNumber);
    await tabA.getByLabel('Issuing country (2-letter code)').fill('CN');
    await tabA.getByLabel('Flight number').fill('MU588');
    await tabA.getByLabel('Origin country (2-letter code)').fill('JP');
    await tabA.getByRole('button', { name: 'Register and assign a room' }).click();
    const dialog = tabA.locator('#session-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Your session has ended');
    await screenshot(tabA, 'session-dialog-1366', false);
    const [popup] = await Promise.all([tabA.waitForEvent('popup'), dialog.getByRole('button', { name: 'Sign in again' }).click()]);
    watch(popup, errors);
    await popup.locator('#username').waitFor();
    await signInOnProviderPage(popup, 'admin', NEW_PASSWORD);
    await popup.waitForEvent('close');
    // The page stayed: the save that was refused went through with the new token.
    await tabA.locator('#register-result a').waitFor();
    expect(await tabA.locator('#register-result').textContent()).toContain('钱学敏 is registered in room 101');
    expect(await dialog.isVisible()).toBe(false);
    const stays = (await (await adminApi('GET', '/facilities/hotel-north/stays?status=active')).json()) as { stays: unknown[] };
    expect(stays.stays).toHaveLength(1);
  });

  it('signing out revokes the refresh token: both tabs are signed out', { timeout: 60_000 }, async () => {
    const before = await storedUser(tabA);
    await tabA.getByRole('button', { name: 'Sign out' }).click();
    await tabA.locator('#view-signin').waitFor();
    await tabA.getByRole('button', { name: 'Sign in with my account' }).waitFor();
    const reuse = await fetch(`${base}/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: before!.refresh_token, client_id: 'quarantine-desk-web' }) });
    expect(reuse.status).toBe(400);
    await tabB.locator('#view-signin').waitFor();
    expect(await tabB.locator('#nav').isVisible()).toBe(false);
    expect(await storedUser(tabB)).toBeNull();
    // Signing in again asks for the password (the provider's session ended too).
    await tabA.getByRole('button', { name: 'Sign in with my account' }).click();
    await tabA.locator('#username').waitFor();
    await tabA.setViewportSize({ width: 390, height: 844 });
    await screenshot(tabA, 'oidc-login-390');
  });

  it('no page error anywhere', () => {
    expect(errors).toEqual([]);
  });
});

describe('accounts from the page (npm start, local OpenID provider)', () => {
  const errors: string[] = [];
  const STAFF_PASSWORD = 'South-wing-night-7';
  let page: Page;
  let ctx: BrowserContext;
  let staffToken = '';
  let staffRefresh = '';

  it('an admin creates a staff account for one facility from the accounts screen; the one-time password shows once', { timeout: 60_000 }, async () => {
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    page = watch(await ctx.newPage(), errors);
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Sign in with my account' }).click();
    await page.waitForURL(/\/oidc\/interaction\//);
    await signInOnProviderPage(page, 'admin', NEW_PASSWORD);
    await page.locator('#s-facility option[value="hotel-north"]').waitFor({ state: 'attached' });
    await page.locator('#s-facility').selectOption('hotel-north');
    await page.locator('#s-continue').click();
    await page.locator('#view-board').waitFor();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.locator('#view-accounts').waitFor();
    await page.locator('#accounts-out li[data-username="admin"]').waitFor();
    // The admin's own row offers no disable (the API refuses it too).
    expect(await page.locator('#accounts-out li[data-username="admin"] button', { hasText: 'Disable' }).count()).toBe(0);
    // A staff account needs a facility: the refusal is shown next to the list, in words.
    await page.getByLabel('Username (for signing in)').fill('wang.fang');
    await page.getByLabel('Name', { exact: true }).fill('王芳');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.locator('#ac-facilities .field-error').waitFor();
    expect(await page.locator('#ac-facilities .field-error').textContent()).toContain('Choose at least one facility for a staff account');
    await page.getByLabel('南区隔离酒店').check();
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.locator('#accounts-otp').waitFor();
    const oneTime = (await page.locator('#accounts-otp').textContent()) as string;
    expect(oneTime).toMatch(/^\S{16}$/);
    expect(await page.locator('#accounts-result').textContent()).toContain('The account wang.fang for 王芳 is ready.');
    const row = page.locator('#accounts-out li[data-username="wang.fang"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('staff · 南区隔离酒店 · has not signed in yet');
    await screenshot(page, 'accounts-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#lang').click();
    await row.getByRole('button', { name: '更改角色或隔离点' }).click();
    await screenshot(page, 'accounts-zh-390');
    await row.getByRole('button', { name: '取消' }).click();
    await page.locator('#lang').click();
    await page.setViewportSize({ width: 1366, height: 768 });
    // Leaving the screen takes the one-time password off the page.
    await page.getByRole('link', { name: 'Room board' }).click();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await row.waitFor();
    expect(await page.locator('#accounts-otp').count()).toBe(0);
    const audit = (await (await adminApi('GET', '/accounts/wang.fang/audit')).json()) as { entries: { action: string; changes: unknown }[] };
    expect(audit.entries).toEqual([expect.objectContaining({ action: 'account_created', changes: { role: 'staff', facilities: ['hotel-south'], name: '王芳' } })]);
    expect(JSON.stringify(audit)).not.toContain(oneTime);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#view-signin').waitFor();
    (page as Page & { oneTime?: string }).oneTime = oneTime;
  });

  it('failed sign-ins are limited per username: the sixth try is refused with a clear message', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Sign in with my account' }).click();
    await page.waitForURL(/\/oidc\/interaction\//);
    for (let i = 0; i < 5; i++) {
      await signInOnProviderPage(page, 'li.lei', `Wrong-guess-${i}!`);
      expect(await page.locator('#problem').textContent()).toContain('Wrong username or password');
    }
    await signInOnProviderPage(page, 'li.lei', 'Wrong-guess-6!');
    expect(await page.locator('#problem').textContent()).toContain('Too many failed sign-ins: sign-in is paused. Try again in 15 minutes');
  });

  it('the new account signs in with the one-time password, chooses its own, and sees only its facility', { timeout: 60_000 }, async () => {
    const oneTime = (page as Page & { oneTime?: string }).oneTime as string;
    await signInOnProviderPage(page, 'wang.fang', oneTime);
    await page.locator('#new-password').waitFor();
    await page.locator('#new-password').fill(STAFF_PASSWORD);
    await page.locator('#confirm-password').fill(STAFF_PASSWORD);
    await page.locator('#password-submit').click();
    // Its one facility is the only one offered, so the page goes straight to that board.
    await page.locator('#view-board').waitFor();
    expect(await page.locator('#s-facility option').allTextContents()).toEqual(['南区隔离酒店 (hotel-south)']);
    await page.locator('#board-grid li').first().waitFor();
    expect(await page.locator('#who').textContent()).toContain('王芳 (staff) · 南区隔离酒店');
    // No accounts link for staff.
    expect(await page.getByRole('link', { name: 'Accounts' }).isVisible()).toBe(false);
    await screenshot(page, 'accounts-staff-board-1366', false);
    const user = await storedUser(page);
    staffToken = user!.id_token;
    staffRefresh = user!.refresh_token;
    const call = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${staffToken}` } });
    const list = (await (await call('/facilities')).json()) as { facilities: { facilityId: string }[] };
    expect(list.facilities.map((x) => x.facilityId)).toEqual(['hotel-south']);
    expect((await call('/facilities/hotel-north/board')).status).toBe(403);
    expect((await call('/facilities/hotel-south/board')).status).toBe(200);
    expect((await call('/accounts')).status).toBe(403);
  });

  it('a disabled account: its refresh token stops working and its sign-in is refused', { timeout: 60_000 }, async () => {
    expect((await adminApi('POST', '/accounts/wang.fang/disable')).status).toBe(200);
    const refresh = await fetch(`${base}/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: staffRefresh, client_id: 'quarantine-desk-web' }) });
    expect(refresh.status).toBe(400);
    const other = watch(await ctx.newPage(), errors);
    await other.goto(`${base}/oidc/auth?${new URLSearchParams({ client_id: 'quarantine-desk-web', response_type: 'code', scope: 'openid', redirect_uri: `${base}/`, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', prompt: 'login' })}`);
    await other.locator('#username').waitFor();
    await signInOnProviderPage(other, 'wang.fang', STAFF_PASSWORD);
    expect(await other.locator('#problem').textContent()).toContain('Wrong username or password, or the account is disabled');
    await ctx.close();
  });

  it('no page error anywhere', () => {
    expect(errors).toEqual([]);
  });
});
