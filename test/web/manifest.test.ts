import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { registration, uniqueDocumentNumber } from '../support/fixtures.js';
import { wall, xlsxManifest } from '../manifest/files.js';
import { launchBrowser, screenshot, tabletPage } from './browser.js';

// The manifest import in a real browser: an .xlsx straight from Excel, the dry-run
// preview, registering with progress, the refused row downloaded, fixed in Excel and
// imported again (the child joins the parent's room); the board then shows both.

let api: TestApi;
let browser: Browser;
let page: Page;
let errors: string[];
let facilityId: string;
let staff: string;

beforeAll(async () => {
  api = await startApi();
  facilityId = uniqueId('webimp');
  const admin = api.token('admin');
  await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: '金水区第五集中隔离酒店', timeZone: 'Asia/Shanghai' } });
  await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body: { rooms: [{ number: '1001', capacity: 3 }, { number: '999', capacity: 1 }, '1002', '1003'] } });
  staff = api.token('staff', [facilityId]);
  browser = await launchBrowser();
  ({ page, errors } = await tabletPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function shanghaiWallNow() {
  const t = new Date(Date.now() - 3600_000 + 8 * 3600_000);
  return wall(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes());
}

describe('manifest import page', () => {
  it('previews an xlsx by dry run, registers it, and takes the fixed refused row back', async () => {
    await page.goto(`${api.url}/`);
    await expect.poll(() => page.locator('#view-signin').isVisible()).toBe(true);
    if ((await page.locator('html').getAttribute('lang')) !== 'en') await page.locator('#lang').click();
    await page.locator('#s-token').fill(staff);
    await page.locator('#s-load').click();
    await page.locator(`#s-facility option[value="${facilityId}"]`).waitFor({ state: 'attached' });
    await page.locator('#s-facility').selectOption(facilityId);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#board-grid li').first().waitFor();
    await page.getByRole('link', { name: 'Flight manifest' }).click();

    const file = await xlsxManifest(
      [
        { name: '王芳', latin: 'WANG Fang', sex: '女', birth: wall(1988, 7, 15), nationality: '中国', doc: uniqueDocumentNumber(), phone: 13800000001, household: '王家' },
        { name: '王小宝', latin: 'WANG Xiaobao', sex: '男', birth: '2019/13/01', nationality: '中国', doc: uniqueDocumentNumber(), phone: 13800000001, household: '王家' },
        { name: '刘强', latin: 'LIU Qiang', sex: '男', birth: 32339, nationality: '中国', doc: uniqueDocumentNumber(), phone: 13900000000 },
      ],
      shanghaiWallNow(),
    );
    await page.locator('#manifest-file').setInputFiles({ name: 'CA934.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.locator('#manifest-result table').waitFor();
    const preview = await page.locator('#manifest-result').textContent();
    expect(preview).toContain('CA934.xlsx: 3 rows. Registering will create 2 stays and refuse 1 rows. Nothing has been written yet.');
    expect(preview).toContain('出生日期');
    expect(await page.locator('#manifest-result tr.refused').textContent()).toContain('王小宝');
    // Rooms in order: 999 (alone), 1001 for the household of three beds... the parent first.
    expect(await page.getByLabel('Room for row 2').inputValue()).toBe('1001');
    expect(await page.getByLabel('Room for row 4').inputValue()).toBe('999');
    await screenshot(page, 'manifest-preview');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'manifest-preview-phone');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Staff move Liu to 1003 before registering.
    await page.getByLabel('Room for row 4').fill('1003');
    await page.getByLabel('Room for row 4').dispatchEvent('change');
    await Promise.all([page.waitForResponse((r) => r.url().includes('/stays/import?dryRun=true')), page.getByRole('button', { name: 'Check again' }).click()]);
    await expect.poll(() => page.getByLabel('Room for row 4').inputValue()).toBe('1003');
    await page.getByRole('button', { name: 'Register 2 rows' }).click();
    await expect.poll(() => page.locator('#manifest-result').textContent(), { timeout: 20_000 }).toContain('2 registered, 1 refused.');
    expect(await page.locator('#manifest-progress').getAttribute('max')).toBe('3');
    expect(await page.locator('#manifest-result').textContent()).toContain('Registered: room 1003');
    await screenshot(page, 'manifest-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download refused rows (1)' }).click()]);
    expect(download.suggestedFilename()).toBe('CA934-refused.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(2).getCell(2).value).toBe('王小宝');
    expect(String(ws.getRow(2).getCell(13).value)).toContain('出生日期');
    ws.getRow(2).getCell(5).value = wall(2019, 11, 1);
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());

    await page.locator('#manifest-file').setInputFiles({ name: 'CA934-refused.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
    await expect.poll(() => page.locator('#manifest-result').textContent()).toContain('1 rows. Registering will create 1 stays and refuse 0 rows.');
    expect(await page.getByLabel('Room for row 2').inputValue()).toBe('1001');
    await page.getByRole('button', { name: 'Register 1 rows' }).click();
    await expect.poll(() => page.locator('#manifest-result').textContent(), { timeout: 20_000 }).toContain('1 registered, 0 refused.');

    await page.getByRole('link', { name: 'Room board' }).click();
    const room = page.locator('#board-grid li[data-room="1001"]');
    await room.waitFor();
    await expect.poll(() => room.textContent()).toContain('王小宝');
    expect(await room.textContent()).toContain('王芳');
    expect(await room.textContent()).toContain('2/3 beds');
    await screenshot(page, 'board-household');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'board-household-phone');
    expect(errors).toEqual([]);
  }, 90_000);

  it('moves rooms through cleaning, inspected and free from the board, per room and per floor', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const board = await api.call('GET', `/facilities/${facilityId}/board`, { token: staff });
    const liu = board.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === '1003').occupants[0].stayId;
    const other = await api.call('POST', `/facilities/${facilityId}/stays`, { token: staff, body: registration({ roomNumber: '1002' }) });
    for (const id of [liu, other.body.stayId]) expect((await api.call('POST', `/stays/${id}/transfer`, { token: staff, body: { destination: 'Hospital' } })).status).toBe(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const r1003 = page.locator('#board-grid li[data-room="1003"]');
    await expect.poll(() => r1003.textContent(), { timeout: 15_000 }).toContain('Cleaning');
    await page.getByRole('button', { name: 'Room 1003: inspected' }).click();
    await expect.poll(() => r1003.textContent(), { timeout: 15_000 }).toContain('Inspected');
    expect(await r1003.textContent()).toContain('Offer again');
    await screenshot(page, 'board-readiness');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'board-readiness-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    // The floor's step offers both: 1003 (inspected) and 1002 (cleaned; this facility requires no inspection).
    await page.getByRole('button', { name: 'Offer again: 2 rooms' }).click();
    await expect.poll(() => r1003.textContent(), { timeout: 15_000 }).toContain('Free');
    expect(await page.locator('#board-grid li[data-room="1002"]').textContent()).toContain('Free');
    expect(errors).toEqual([]);
  }, 60_000);
});
