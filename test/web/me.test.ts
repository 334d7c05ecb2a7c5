import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture } from '../support/fixtures.js';

// The person's own page in Chromium on a 390x844 phone, in the person's language
// first (zh, en, ko) and switchable: countdown, next test, today's reports, the
// report form (a fever answers with the urgent note), requests to staff; a revoked
// link shows the "ask for a new QR code" page. Screenshots: test-results/web-me-*.png.

let api: TestApi;
let browser: Browser;
let f: FacilityFixture;
beforeAll(async () => {
  api = await startApi();
  browser = await launchBrowser();
  f = await facilityWithRooms(api, 6, { name: '郑州市金水区隔离观察点一号', nameEn: 'Jinshui Observation Site 1' });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function phone(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

async function linkFor(person: Record<string, unknown>, daysAgo = 4): Promise<{ url: string; stayId: string }> {
  const stay = await stayArrived(api, f, daysAgo, person);
  const res = await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff });
  return { url: res.body.url.replace(/^https?:\/\/[^/]+/, api.url), stayId: stay.stayId };
}

const PEOPLE = {
  zh: { nameNative: '王小梅', language: 'zh' },
  en: { nameNative: 'Amélie Dubois', nameLatin: 'DUBOIS Amelie', language: 'en' },
  ko: { nameNative: '김민준', nameLatin: 'KIM Minjun', language: 'ko' },
} as const;

const EXPECT = {
  zh: { day: '医学观察第 5 天（共 14 天）', test: '下一次核酸检测', send: '提交报告', alert: '医生已收到通知' },
  en: { day: 'Day 5 of 14 of medical observation', test: 'Next nucleic-acid test', send: 'Send report', alert: 'the doctor has been told' },
  ko: { day: '의학 관찰 5일째 (총 14일)', test: '다음 핵산 검사', send: '보고 보내기', alert: '의사에게 알렸으며' },
} as const;

describe('the person’s own page on a phone', () => {
  for (const lang of ['zh', 'en', 'ko'] as const) {
    it(`opens in ${lang}, reports, sends a request`, async () => {
      const { url } = await linkFor(PEOPLE[lang]);
      const { page, errors } = await phone(url);
      await page.locator('#day').filter({ hasText: EXPECT[lang].day }).waitFor();
      expect(await page.locator('#countdown').textContent()).toMatch(/\d/);
      expect(await page.locator('#test-card h2').textContent()).toBe(EXPECT[lang].test);
      expect(await page.locator('#hello').textContent()).toContain(PEOPLE[lang].nameNative);
      await screenshot(page, `me-${lang}`);
      // Nothing is wider than the phone.
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      if (await page.locator('#report').isVisible()) {
        await page.fill('#temp', '37.8');
        await page.locator('#symptoms label').nth(1).click();
        await page.click('#report button[type="submit"]');
        await page.locator('#report-done.urgent').filter({ hasText: EXPECT[lang].alert }).waitFor();
      }
      await page.selectOption('#kind', 'meal');
      await page.fill('#text', lang === 'zh' ? '清真餐，谢谢' : lang === 'ko' ? '채식 식단 부탁드립니다' : 'Vegetarian meals, please');
      await page.click('#request button[type="submit"]');
      await page.locator('#requests li').first().waitFor();
      await screenshot(page, `me-${lang}-after`);
      expect(errors).toEqual([]);
    });
  }

  it('switches language and keeps the choice; a revoked link asks for a new QR code', async () => {
    const { url, stayId } = await linkFor(PEOPLE.zh, 2);
    const { page, errors } = await phone(url);
    await page.locator('#day').filter({ hasText: '医学观察第 3 天' }).waitFor();
    await page.click('[data-lang="ko"]');
    await page.locator('#day').filter({ hasText: '의학 관찰 3일째' }).waitFor();
    expect(await page.locator('[data-lang="ko"]').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.locator('#day').filter({ hasText: '의학 관찰 3일째' }).waitFor();
    await api.call('POST', `/stays/${stayId}/personal-link/revoke`, { token: f.staff });
    await page.click('[data-lang="en"]');
    await page.reload();
    await page.locator('#gone h1').filter({ hasText: 'This link does not work' }).waitFor();
    expect(await page.locator('#stay').isHidden()).toBe(true);
    await screenshot(page, 'me-revoked');
    expect(errors).toEqual([]);
  });

  it('staff: the stay file issues the QR code once, shows self-reports as such and confirms them', async () => {
    const stay = await stayArrived(api, f, 3, PEOPLE.en);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${api.url}/`);
    await page.locator('#s-token').fill(f.staff);
    await page.locator('#s-load').click();
    await expect.poll(() => page.locator('#s-facility option').count()).toBe(1);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#board-grid li').first().waitFor();
    await page.goto(`${api.url}/#stay/${stay.stayId}`);
    await page.locator('#link-state').filter({ hasText: 'No personal link yet' }).waitFor();
    await page.click('#link-issue');
    await page.locator('#link-out svg.qr').waitFor();
    const url = (await page.locator('#link-out .link-url').textContent())!;
    await page.locator('#link-state').filter({ hasText: 'Active link no. 1' }).waitFor();
    await screenshot(page, 'me-staff-link', false);
    // The person reports from their phone.
    const secret = new URL(url).hash.slice(3);
    const sent = await api.call('POST', '/me/reports', { headers: { 'x-personal-key': secret }, body: { slot: 'morning', temperatureC: 36.6 } });
    expect(sent.status).toBe(201);
    await page.reload();
    await page.locator('#check-log td').filter({ hasText: 'self' }).first().waitFor();
    await page.locator('#check-log button').filter({ hasText: 'Confirm' }).click();
    await expect.poll(() => page.locator('#check-log button').filter({ hasText: 'Confirm' }).count(), { timeout: 10_000 }).toBe(0);
    await page.click('#link-revoke');
    await page.locator('#link-state').filter({ hasText: 'revoked' }).waitFor();
    expect((await api.call('GET', '/me/stay', { headers: { 'x-personal-key': secret } })).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });
});
