import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, uniqueDocumentNumber, type FacilityFixture } from '../support/fixtures.js';
import { newLab, stayArrived, useLabs, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';
import { join } from 'node:path';
import { launchBrowser, RESULTS_DIR, screenshot } from './browser.js';

// The corrections on the person's file in Chromium, at a desk and on a phone, in both
// languages: correct the personal data (a refusal rendered from its code, in the dialog),
// move to another room, cancel a no-show, and a released person's documents reissued
// with a new slip. Names and room numbers, never ids; nothing wider than the screen.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let browser: Browser;
let occupant: string;
let released: string;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 16, { name: '金水区隔离酒店' });
  occupant = (await stayArrived(api, f, 2, { nameNative: '赵磊', nameLatin: 'ZHAO Lei' })).stayId;
  released = (await releasableStay(api, f, lab, { nameNative: '王芳', nameLatin: 'WANG Fang', sex: 'F' })).stayId;
  const res = await api.call('POST', `/stays/${released}/release`, { token: f.staff });
  if (res.status !== 200) throw new Error(`release: ${res.status} ${res.text}`);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signIn(page: Page) {
  await page.goto(`${api.url}/`);
  await page.locator('#s-token').fill(f.staff);
  await page.locator('#s-load').click();
  await expect.poll(() => page.locator('#s-facility option').count(), { timeout: 30_000 }).toBe(1);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#view-board:not([hidden])').waitFor();
}

async function openFile(page: Page, stayId: string) {
  await page.evaluate(`location.hash = "#stay/${stayId}"`);
  await page.locator('#corr-card').waitFor();
  await expect.poll(() => page.locator('#stay-h').innerText(), SLOW).not.toMatch(/^(Loading|加载)/);
}

/**
 * Nothing of the corrections (the card, its table, the open dialog) is wider than the
 * screen. (The page's own width at 390 px, header included, is measured by its own test.)
 */
async function noOverflow(page: Page) {
  const wider = await page.evaluate(`
    [...document.querySelectorAll('#corr-card, #corr-card *, dialog.corr, dialog.corr *, #slip:not([hidden]), #slip:not([hidden]) *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.offsetParent !== null)
      .map((el) => el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
  `);
  expect(wider).toEqual([]);
}

const ID = /S[0-9A-Z]{12}/;
/** The machine may be loaded: answers can take seconds. */
const SLOW = { timeout: 30_000, interval: 250 };

describe.each([
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
])('corrections at $name', (size) => {
  it('edit, move, cancel and reissue in Chinese and English', async () => {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);
    for (const language of ['zh', 'en'] as const) {
      const zh = language === 'zh';
      if ((await page.locator('html').getAttribute('lang'))?.slice(0, 2) !== language) await page.locator('#lang').click();

      // Correct the passport number: without a reason the dialog says so, in the page's language.
      await openFile(page, occupant);
      // The last file's new slip (another person's keys) is not shown on this one.
      expect(await page.locator('#slip').isHidden()).toBe(true);
      await page.locator('#corr-edit').click();
      const dialog = page.locator('dialog.corr');
      await dialog.waitFor();
      await page.locator('#corr-docno').fill(uniqueDocumentNumber());
      await dialog.locator('button[type=submit]').click();
      await expect.poll(() => dialog.innerText(), SLOW).toContain(zh ? '请填写原因' : 'Enter Reason');
      expect(await dialog.innerText()).toContain(zh ? '更正个人信息' : 'Correct personal data');
      await noOverflow(page);
      await screenshot(page, `corrections-edit-${size.name}-${language}`, false);
      await page.locator('#corr-reason').fill(zh ? '登记时护照号码录入错误' : 'Passport number mistyped');
      await dialog.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('#corr-result').innerText(), SLOW).toContain(zh ? '检测结果现按新证件号码匹配' : 'matched by the new document number');

      // Move to another room: the dialog offers free rooms by number.
      const from = (await api.call('GET', `/stays/${occupant}`, { token: f.staff })).body.roomNumber as string;
      await page.locator('#corr-move').click();
      await dialog.waitFor();
      const offered = await page.locator('#corr-room option').allInnerTexts();
      expect(offered[0]).toMatch(zh ? /^\d+ 房 · 空闲/ : /^room \d+ · free/);
      await screenshot(page, `corrections-move-${size.name}-${language}`, false);
      await dialog.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('#corr-result').innerText(), SLOW).toContain(zh ? `已从 ${from} 房换到` : `moved from room ${from} to room`);
      expect(await page.locator('#corr-result').innerText()).toContain(zh ? `${from} 房转为清洁中` : `Room ${from} goes to cleaning`);

      // Cancel a no-show.
      const noShow = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({}, { nameNative: '钱多', nameLatin: 'QIAN Duo' }) });
      await openFile(page, noShow.body.stayId);
      await page.locator('#corr-cancel').click();
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(zh ? `取消登记：${noShow.body.roomNumber} 房 钱多 QIAN Duo` : `Cancel the registration of room ${noShow.body.roomNumber} 钱多 QIAN Duo`);
      await page.locator('#corr-reason').fill(zh ? '未随车到达' : 'Not on the bus');
      await screenshot(page, `corrections-cancel-${size.name}-${language}`, false);
      await dialog.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('#corr-result').innerText(), SLOW).toContain(zh ? '的登记已取消' : 'is cancelled');
      expect(await page.locator('#stay-facts').innerText()).toContain(zh ? '登记已取消' : 'Registration cancelled');
      expect(await page.locator('#corr-cancel').count()).toBe(0);

      // A released person's documents: reissue one, print the new slip with its new key.
      await openFile(page, released);
      await page.locator('#corr-docs table').waitFor();
      expect(await page.locator('#corr-docs').innerText()).toContain(zh ? '有效' : 'Valid');
      await page.locator('#corr-docs button', { hasText: zh ? '重新签发' : 'Reissue' }).first().click();
      await dialog.waitFor();
      await page.locator('#corr-reason').fill(zh ? '打印件丢失' : 'Printed copy lost');
      await dialog.locator('button[type=submit]').click();
      await page.locator('#slip:not([hidden]) .key').first().waitFor();
      expect((await page.locator('#slip .key').first().innerText()).length).toBeGreaterThan(8);
      await expect.poll(() => page.locator('#corr-docs').innerText(), SLOW).toContain(zh ? '已作废' : 'Revoked');
      await noOverflow(page);
      const text = await page.locator('#view-stay').innerText();
      expect(text).not.toMatch(ID);
      expect(text).toContain('王芳 WANG Fang');
      await screenshot(page, `corrections-documents-${size.name}-${language}`);
      // The parts a nurse looks at, at their real size: the documents and the new slip.
      await page.locator('#corr-card').screenshot({ path: join(RESULTS_DIR, `web-corrections-card-${size.name}-${language}.png`) });
      await page.locator('#slip').screenshot({ path: join(RESULTS_DIR, `web-corrections-slip-${size.name}-${language}.png`) });
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);
});
