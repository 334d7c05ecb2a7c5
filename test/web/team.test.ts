import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { hoursAgo } from '../lab/lab-support.js';
import { homeStay, programme, type ProgrammeFixture } from '../home/home-support.js';
import { launchBrowser, screenshot } from './browser.js';

// The team worklist (home isolation) in Chromium, at a desk and on a phone, in both
// languages: the team's load, who has not reported, a fever with its reading, a
// retest due; names and grid cells, never ids.

let api: TestApi;
let p: ProgrammeFixture;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  p = await programme(api, { name: '金水区和平街道居家隔离' });
  await homeStay(api, p, 4, 'G-01', { nameNative: '刘洋', nameLatin: 'LIU Yang' });
  const fever = await homeStay(api, p, 5, 'G-02', { nameNative: '孙丽', nameLatin: 'SUN Li', sex: 'F' });
  await homeStay(api, p, 11, 'G-01', { nameNative: '周强', nameLatin: 'ZHOU Qiang' });
  await api.call('POST', `/stays/${fever.stayId}/checks`, { token: p.staff, body: { slot: 'morning', temperatureC: 38.1, symptoms: ['cough'], measuredAt: hoursAgo(24) } });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signIn(page: Page) {
  await page.goto(`${api.url}/`);
  await page.locator('#s-token').fill(p.staff);
  await page.locator('#s-load').click();
  await expect.poll(() => page.locator('#s-facility option').count()).toBe(1);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#view-board:not([hidden])').waitFor();
}

describe.each([
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
])('team worklist at $name', (size) => {
  it('shows the load and each list, in Chinese and English', async () => {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('requestfailed', (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    await signIn(page);
    for (const language of ['zh', 'en'] as const) {
      if ((await page.locator('html').getAttribute('lang'))?.slice(0, 2) !== language) await page.locator('#lang').click();
      await page.evaluate('location.hash = "#team/a"');
      await page.locator('#team-load').waitFor();
      const text = await page.locator('#view-team').innerText();
      expect(text).toContain('孙丽 SUN Li');
      expect(text).toContain('38.1 °C');
      expect(text).toContain('周强 ZHOU Qiang');
      expect(text).toContain(language === 'zh' ? '本时段未报告' : 'Not reported this slot');
      expect(text).toContain(language === 'zh' ? '3人' : '3 people');
      expect(text).not.toMatch(/S[0-9A-Z]{12}/);
      await screenshot(page, `team-${size.name}-${language}`);
    }
    // Registration in a programme asks for the home address, not a room.
    await page.evaluate('location.hash = "#register"');
    await page.locator('#r-home:not([hidden])').waitFor();
    expect(await page.locator('#r-room-field').isHidden()).toBe(true);
    await screenshot(page, `register-home-${size.name}`);
    await page.evaluate('location.hash = "#team/a"');
    await page.locator('#team-load').waitFor();
    // The doctor's view: fevers and retests, not the missed reports.
    await page.locator('#team-member').selectOption('doctor');
    await expect.poll(() => page.locator('#view-team').innerText()).not.toContain('Not reported this slot');
    expect(await page.locator('#view-team').innerText()).toContain('Doctor 王建国');
    expect(errors).toEqual([]);
    await page.close();
  });
});
