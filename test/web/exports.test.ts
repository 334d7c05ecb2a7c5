import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture } from '../support/fixtures.js';
import { launchBrowser, screenshot, tabletPage } from './browser.js';

// The Excel buttons of the board, the daily sheet and departures in a real browser:
// each downloads an .xlsx in the page's language (zh, then en) with the people in it.

let api: TestApi;
let browser: Browser;
let page: Page;
let errors: string[];
let f: FacilityFixture;
let releaseDate = '';

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 3);
  const a = await stayArrived(api, f, 13, { nameNative: '赵磊', nameLatin: 'ZHAO Lei' });
  await stayArrived(api, f, 13, { nameNative: 'Jean Dupont', nameLatin: 'DUPONT Jean' });
  releaseDate = a.schedule.releaseDate;
  const body = { destination: { city: '上海', country: 'CN' }, mode: 'train', number: 'G1234', departureAt: `${releaseDate}T14:00:00+08:00` };
  expect((await api.call('PUT', `/stays/${a.stayId}/departure`, { token: f.staff, body })).status).toBe(200);
  browser = await launchBrowser();
  ({ page, errors } = await tabletPage(browser));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function downloaded(button: string): Promise<{ name: string; rows: unknown[][] }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path()) as string) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: file.suggestedFilename(), rows };
}

describe('Excel export buttons', () => {
  it('board, daily sheet and departures each download their .xlsx, in Chinese and in English', async () => {
    await page.goto(`${api.url}/`);
    await expect.poll(() => page.locator('#view-signin').isVisible()).toBe(true);
    await page.locator('#s-token').fill(f.staff);
    await page.locator('#s-load').click();
    await page.locator(`#s-facility option[value="${f.facilityId}"]`).waitFor({ state: 'attached' });
    await page.locator('#s-facility').selectOption(f.facilityId);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#board-grid li').first().waitFor();
    // Chinese once signed in (the language button on the sign-in screen trips over the reminders screen's relabel without a facility).
    if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') await page.locator('#lang').click();

    expect(await page.locator('#board-xlsx').textContent()).toBe('导出 Excel');
    const board = await downloaded('#board-xlsx');
    expect(board.name).toMatch(/^board-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(board.rows[0]).toContain('房态');
    expect(board.rows.map((r) => r[5])).toEqual(expect.arrayContaining(['赵磊', 'Jean Dupont']));
    for (const [w, h] of [[1366, 768], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `export-board-${w}`, false);
    }

    await page.locator('#nav a[data-view="today"]').click();
    await page.locator('#today-out table').waitFor();
    const today = await downloaded('#today-xlsx');
    expect(today.name).toMatch(/^daily-sheet-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(today.rows[0]!.slice(0, 3)).toEqual(['房间', '姓名', '拼音/英文名']);
    expect(today.rows.map((r) => r[1])).toEqual(expect.arrayContaining(['赵磊', 'Jean Dupont']));
    await screenshot(page, 'export-today-390', false);

    await page.locator('#lang').click();
    await page.locator('#nav a[data-view="transport"]').click();
    await page.locator('#p-date').fill(releaseDate);
    await page.locator('#transport-form button[type=submit]').click();
    await page.locator('#transport-out table').first().waitFor();
    expect(await page.locator('#transport-xlsx').textContent()).toBe('Download Excel');
    const departures = await downloaded('#transport-xlsx');
    expect(departures.name).toBe(`departures-${releaseDate}.xlsx`);
    expect(departures.rows[0]!.slice(0, 4)).toEqual(['Date', 'Mode', 'Window', 'Departure time']);
    expect(departures.rows[1]!.slice(1, 8)).toEqual(['Train', '14:00–16:00', '14:00', 'G1234', expect.any(String), '赵磊', 'ZHAO Lei']);
    await screenshot(page, 'export-transport-390', false);
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'export-transport-1366', false);
    expect(errors).toEqual([]);
  }, 120_000);
});
