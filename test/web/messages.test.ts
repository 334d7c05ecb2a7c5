import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { launchBrowser, screenshot } from './browser.js';

// Every message in the page's language, rendered from codes: field issues with the
// field's label ("请填写出生日期"), all rules of one refusal at once (a cross-field rule
// with the field rules), and reminders by room and name with the reading.

let api: TestApi;
let f: FacilityFixture;
let browser: Browser;
let feverRoom: string;
let docNumber: string;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 4, { timeZone: 'Asia/Shanghai' });
  const body = registration({}, { nameNative: '赵磊', nameLatin: 'ZHAO Lei', sex: 'M' });
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  if (res.status !== 201) throw new Error(res.text);
  feverRoom = res.body.roomNumber;
  docNumber = (body as { person: { document: { number: string } } }).person.document.number;
  const check = await api.call('POST', `/stays/${res.body.stayId}/checks`, { token: f.staff, body: { slot: 'morning', temperatureC: 38.4, symptoms: ['cough'] } });
  if (check.status !== 201) throw new Error(check.text);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function open(language: 'en' | 'zh', hash: string, size = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const facility = JSON.stringify({ facilityId: f.facilityId, name: 'Test', timeZone: 'Asia/Shanghai' });
  await context.addInitScript(`localStorage.setItem('qd.lang', ${JSON.stringify(language)}); sessionStorage.setItem('qd.token', ${JSON.stringify(f.staff)}); sessionStorage.setItem('qd.facility', ${JSON.stringify(facility)});`);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${api.url}/${hash}`);
  return page;
}

describe('messages from codes', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`${language}: a refused registration names every rule at once, each next to its field in the page's language`, async () => {
      const page = await open(language, '#register');
      await page.locator('#r-nameNative').fill('赵敏');
      await page.locator('#r-category').selectOption('inbound');
      await page.locator('#r-origin').fill('');
      await page.locator('#view-register button[type="submit"]').click();
      await page.locator('#r-birthDate-err').waitFor();
      const say = (en: string, zh: string) => (language === 'zh' ? zh : en);
      expect(await page.locator('#r-birthDate-err').textContent()).toBe(say('Enter Birth date', '请填写出生日期'));
      // The cross-field rule comes in the same answer as the field rules.
      expect(await page.locator('#r-origin-err').textContent()).toBe(say('Inbound travellers need the origin country', '入境人员须填写出发国家'));
      const banner = (await page.locator('#banner').textContent()) ?? '';
      expect(banner).not.toMatch(/expected string|received undefined|expected one of/);
      if (language === 'zh') expect(banner).not.toContain('The request has');
      await screenshot(page, `messages-register-${language}`);
      await page.context().close();
    });

    it(`${language}: reminders say room, name and reading, never ids`, async () => {
      const page = await open(language, '#reminders');
      await page.locator('#reminders-out li li').first().waitFor();
      const text = (await page.locator('#reminders-out').textContent()) ?? '';
      if (language === 'zh') {
        expect(text).toContain('发热或症状');
        expect(text).toContain(`${feverRoom} 房 赵磊`);
        expect(text).toContain('发热 38.4 °C · 咳嗽 · 早');
      } else {
        expect(text).toContain('Fever or symptom');
        expect(text).toContain(`Room ${feverRoom} 赵磊`);
        expect(text).toContain('fever 38.4 °C · Cough · Morning');
      }
      expect(text).not.toMatch(/ST[0-9A-Z]{8,}/);
      await screenshot(page, `messages-reminders-${language}`);
      await page.context().close();
    });
  }

  it('a temperature out of range names the range; a printed file shows neither the full document number nor the phone', async () => {
    const page = await open('zh', '#board', { width: 1366, height: 768 });
    await page.locator('#board-grid button.tile').first().click();
    await page.locator('#view-stay h2').filter({ hasText: '赵磊' }).waitFor();
    await page.locator('#check-log').waitFor();
    expect(await page.locator('#c-temp-range').textContent()).toContain('34.0–43.0 °C');
    await page.locator('#c-temp').fill('45');
    await page.locator('#c-slot input[value="evening"]').check();
    await page.locator('#check-form button[type="submit"]').click();
    await page.locator('#c-temp-err').waitFor();
    expect(await page.locator('#c-temp-err').textContent()).toBe('体温：不能大于 43.0 °C');
    // Printed, the file shows only the last four characters of the document number and the phone.
    const facts = async () => (await page.locator('#stay-facts').innerText()).replace(/\s/g, '');
    expect(await facts()).toContain('+8613800000000'.slice(-4));
    await page.emulateMedia({ media: 'print' });
    const printed = await facts();
    expect(printed).not.toMatch(/\+?86138/);
    expect(printed).not.toContain(docNumber.replace(/\s/g, ''));
    expect(await facts()).toContain(docNumber.replace(/\s/g, '').slice(-4));
    expect(printed).toMatch(/…\d{4}/);
    await page.emulateMedia({ media: 'screen' });
    // The English save button reads "Record check for room …" with its space.
    await page.locator('#lang').click();
    const gap = await page.locator('#check-form button[type="submit"]').evaluate((b: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { left: number; right: number } }> }) => {
      const [label, whom] = Array.from(b.querySelectorAll('span')).map((s) => s.getBoundingClientRect());
      return whom!.left - label!.right;
    });
    expect(gap).toBeGreaterThan(3);
    await page.context().close();
  });
});
