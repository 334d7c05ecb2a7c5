import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../functions/openapi.js';
import { routes } from '../../functions/routes.js';
import { startApi, type TestApi } from '../support/api.js';
import { launchBrowser, screenshot, tabletPage } from './browser.js';

// The API reference page (Swagger UI from npm swagger-ui-dist, served by the project)
// in a real browser: under the page's strict CSP it loads /openapi.json and lists
// every route, with no console error (a CSP violation is one) and no request off-site.

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('API reference page', () => {
  it('GET /openapi.json serves the generated OpenAPI 3.1 document', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
    expect(res.body.openapi).toMatch(/^3\.1\./);
  });

  it('is served at /api-docs with the strict CSP, its scripts and styles from this server', async () => {
    const res = await api.call('GET', '/api-docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    const assets = [...res.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.map((a) => a.replace(/\?v=.*/, '')).sort()).toEqual(['/assets/api-docs.js', '/assets/swagger-ui-bundle.js', '/assets/swagger-ui.css']);
    for (const path of assets) {
      const asset = await api.call('GET', path);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('renders every route under the CSP with no console error and no off-site request', async () => {
    const { page, errors } = await tabletPage(browser);
    const offsite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    await page.goto(`${api.url}/api-docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBe(routes.length);
    const listed = await page.locator('.opblock-summary').evaluateAll((els) =>
      els.map((el) => `${el.querySelector('.opblock-summary-method')?.textContent?.trim()} ${el.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
    );
    expect(listed.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    // One operation opened: its responses (with the problem types) render too.
    await page.locator('.opblock-summary', { hasText: '/stays/{stayId}/release' }).first().click();
    await expect.poll(() => page.locator('.opblock.is-open .responses-table .response').count()).toBeGreaterThan(3);
    await screenshot(page, 'api-docs');
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('is linked from the staff web form', async () => {
    const res = await api.call('GET', '/');
    expect(res.text).toContain('href="/api-docs"');
  });
});
