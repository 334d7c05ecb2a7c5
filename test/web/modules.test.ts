import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture } from '../support/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

// The page is native ES modules (web/*.js, no build step). Every screen is opened at a
// desktop and a phone size in both languages; the browser must load every module the
// entry imports (each versioned and cacheable), with no failed request and no console error.

let api: TestApi;
let f: FacilityFixture;
let browser: Browser;
let stayId: string;

const WEB = 'web';
/** The modules web/app.js reaches by static imports (`from './x.js'`) and, with `lazy`, also by `import('./x.js')`; itself included. */
function moduleGraph(entry = 'app.js', lazy = true, skip: string[] = []): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || skip.includes(file)) return;
    seen.add(file);
    const source = readFileSync(join(WEB, file), 'utf8');
    for (const m of source.matchAll(/\b(?:from|import)\s*(\(?)\s*['"]\.\/([\w.-]+\.js)['"]/g)) if (lazy || !m[1]) visit(m[2]!);
  };
  visit(entry);
  return seen;
}

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6, { name: '金水区第三集中隔离酒店' });
  ({ stayId } = await stayArrived(api, f, 3, { nameNative: '李娜', nameLatin: 'LI Na', sex: 'F' }));
  await stayArrived(api, f, 5, { nameNative: '陈杰', nameLatin: 'CHEN Jie' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const SIZES = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

async function signIn(page: Page) {
  await page.goto(`${api.url}/`);
  await page.locator('#s-token').waitFor();
  await page.locator('#s-token').fill(f.staff);
  await page.locator('#s-load').click();
  await expect.poll(() => page.locator('#s-facility option').count()).toBe(1);
  await page.locator('#s-facility').selectOption(f.facilityId);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#board-grid li').first().waitFor();
}

/** Each screen by its address, the API answers it waits for, and what shows it has rendered. */
const SCREENS: { view: string; hash: () => string; answers: () => string[]; ready: string }[] = [
  { view: 'stay', hash: () => `#stay/${stayId}`, answers: () => [`/stays/${stayId}`, '/checks', '/situations'], ready: '#stay-facts dt' },
  { view: 'register', hash: () => '#register', answers: () => [], ready: '#register-form' },
  { view: 'manifest', hash: () => '#manifest', answers: () => [], ready: '#manifest-file' },
  { view: 'today', hash: () => '#today', answers: () => ['/today'], ready: '#today-out .cards' },
  { view: 'transport', hash: () => '#transport', answers: () => ['/transport'], ready: '#transport-out *' },
  { view: 'reminders', hash: () => '#reminders', answers: () => ['/reminders'], ready: '#reminders-out *' },
  { view: 'requests', hash: () => '#requests', answers: () => ['/requests'], ready: '#requests-out *' },
  // Signed in as staff: the screen says it is for administrators (its own test: test/web/sign-in.test.ts).
  { view: 'accounts', hash: () => '#accounts', answers: () => [], ready: '#accounts-out p' },
  { view: 'board', hash: () => '#board', answers: () => ['/board'], ready: '#board-grid button.tile' },
];

/** Opens a screen by its address and waits until it has drawn the server's answers. */
async function open(page: Page, s: (typeof SCREENS)[number]) {
  await Promise.all([
    ...s.answers().map((path) => page.waitForResponse((r) => decodeURIComponent(new URL(r.url()).pathname).endsWith(path), { timeout: 10_000 }).catch(() => { throw new Error(`${s.view}: no answer from ${path}`); })),
    page.evaluate(`location.hash = ${JSON.stringify(s.hash())}`),
  ]);
  await page.locator(`#view-${s.view}:not([hidden])`).waitFor();
  await page.locator('#status:empty').waitFor({ state: 'attached' });
  await page.locator(s.ready).first().waitFor();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

describe('the page as ES modules', () => {
  for (const size of SIZES) {
    it(`loads every module and opens every screen at ${size.width}x${size.height} in both languages`, { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'en-GB' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      const scripts = new Map<string, { status: number; type: string; cache: string }>();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (r.status() >= 400) errors.push(`${r.status()} ${url.pathname}`);
        if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
          const headers = r.headers();
          scripts.set(`${url.pathname.slice('/assets/'.length)}${url.search.startsWith('?v=') ? '' : ' (unversioned)'}`, { status: r.status(), type: headers['content-type'] ?? '', cache: headers['cache-control'] ?? '' });
        }
      });
      try {
        await signIn(page);
        // Signed in on the board: only the entry's static graph has come; the other screens come when opened.
        expect([...scripts.keys()].filter((k) => k !== 'oidc-client-ts.min.js').sort()).toEqual([...moduleGraph('app.js', false)].sort());
        for (const lang of ['en', 'zh'] as const) {
          if ((await page.locator('html').getAttribute('lang')) !== (lang === 'zh' ? 'zh-CN' : 'en')) await page.locator('#lang').click();
          for (const s of SCREENS) {
            await open(page, s);
            await screenshot(page, `modules-${size.name}-${lang}-${s.view}`);
          }
        }
        expect(errors).toEqual([]);
        // Every module of the entry's import graph came from the server, versioned, as JavaScript, cacheable for a year.
        const graph = moduleGraph();
        // Besides the modules: the sign-in library, a classic script served from node_modules.
        expect(scripts.get('oidc-client-ts.min.js')?.status).toBe(200);
        scripts.delete('oidc-client-ts.min.js');
        // The team worklist belongs to home programmes; test/web/team.test.ts opens it on one.
        expect([...scripts.keys()].sort()).toEqual([...moduleGraph('app.js', true, ['screen-team.js'])].sort());
        for (const [file, r] of scripts) {
          expect(r.status, file).toBe(200);
          expect(r.type, file).toBe('text/javascript; charset=utf-8');
          expect(r.cache, file).toBe('public, max-age=31536000, immutable');
        }
        // No module sits in web/ unused (api-docs.js belongs to the API reference page, signout-auto.js to the local provider's sign-out page, me-*.js to the person's own page).
        const files = readdirSync(WEB).filter((x) => x.endsWith('.js') && x !== 'api-docs.js' && x !== 'signout-auto.js' && !x.startsWith('me-'));
        expect(files.sort()).toEqual([...graph].sort());
        // Every static text of the page has its message in both languages once every screen's module is in
        // (applyI18n keeps a key it does not know yet, so a missing one would show English in Chinese).
        // A string, not a function: vitest would rewrite its import() calls.
        const missing = (await page.evaluate(`(async () => {
          const urlOf = (name) => [...document.querySelectorAll('link[rel=modulepreload]')].find((l) => new URL(l.href).pathname === '/assets/' + name).href;
          const entry = await (await fetch(document.querySelector('script[type=module]').src)).text();
          for (const m of entry.matchAll(/import\\(\\s*['"]\\.\\/([^'"]+)['"]\\s*\\)/g)) await import('/assets/' + m[1]);
          const i18n = await import(urlOf('i18n.js'));
          const keys = [...document.querySelectorAll('[data-i18n], [data-i18n-label]')].map((el) => el.dataset.i18n ?? el.dataset.i18nLabel);
          return keys.flatMap((k) => ['en', 'zh'].filter((lang) => !i18n.lookup(k, lang)).map((lang) => lang + ' ' + k));
        })()`)) as string[];
        expect(missing).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
