import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { zoneWithLocalTime } from '../care/care-support.js';
import { deliver, hoursAgo, newLab, result, useLabs } from '../lab/lab-support.js';
import { launchBrowser, screenshot } from './browser.js';

// The board at a glance: each state that needs action is a distinct tile state and a
// count that filters; search by name and room; a compact view; at 1366x768 and
// 390x844, in both languages, with no horizontal overflow. Late evening in the
// facility's zone, so unrecorded checks are missing.

let api: TestApi;
let f: FacilityFixture;
let browser: Browser;
let zone: string;
const lab = newLab('board-lab');

async function seed(daysAgo: number, person: Record<string, unknown>, checks: { slot: string; temperatureC: number; symptoms?: string[] }[] = []) {
  const body = registration({ arrival: { arrivedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), flightNumber: 'CA936', originCountry: 'FR' } }, person);
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  if (res.status !== 201) throw new Error(res.text);
  for (const c of checks) await api.call('POST', `/stays/${res.body.stayId}/checks`, { token: f.staff, body: c });
  return res.body.stayId as string;
}

const ok = [{ slot: 'morning', temperatureC: 36.5 }, { slot: 'evening', temperatureC: 36.6 }];

beforeAll(async () => {
  api = await startApi();
  zone = zoneWithLocalTime('20:30', '23:00');
  f = await facilityWithRooms(api, 40, { name: '金水区第三集中隔离酒店', timeZone: zone });
  const positive = await seed(5, { nameNative: '赵磊', nameLatin: 'ZHAO Lei', sex: 'M' }, ok);
  await seed(4, { nameNative: '陈杰', nameLatin: 'CHEN Jie' }, [{ slot: 'morning', temperatureC: 36.7 }, { slot: 'evening', temperatureC: 38.4 }]);
  await seed(3, { nameNative: '王芳', nameLatin: 'WANG Fang', sex: 'F' }, [{ slot: 'morning', temperatureC: 36.5 }]);
  await seed(11, { nameNative: '李娜', nameLatin: 'LI Na', sex: 'F' }, ok);
  await seed(12, { nameNative: '周敏', nameLatin: 'ZHOU Min', sex: 'F' }, ok);
  await seed(16, { nameNative: 'Emma Martin', nameLatin: 'MARTIN Emma', sex: 'F', nationality: 'FR' }, ok);
  await useLabs(lab);
  const sent = await deliver(api, lab, { results: [result({ stayId: positive, result: 'positive', collectedAt: hoursAgo(5), resultedAt: hoursAgo(1) })] });
  if (sent.status !== 200) throw new Error(sent.text);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function open(size: { width: number; height: number }, language: 'en' | 'zh'): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: language === 'zh' ? 'zh-CN' : 'en-GB' });
  const facility = JSON.stringify({ facilityId: f.facilityId, name: '金水区第三集中隔离酒店', timeZone: zone });
  await context.addInitScript(`localStorage.setItem('qd.lang', ${JSON.stringify(language)}); sessionStorage.setItem('qd.token', ${JSON.stringify(f.staff)}); sessionStorage.setItem('qd.facility', ${JSON.stringify(facility)});`);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${api.url}/#board`);
  await page.locator('#board-grid li').first().waitFor();
  return page;
}

async function signedIn(size: { width: number; height: number }, language: 'en' | 'zh'): Promise<Page> {
  const page = await open(size, language);
  return page;
}

const rooms = (page: Page, sel: string) => page.locator(`#board-grid ${sel}`).evaluateAll((els) => els.map((e) => e.closest('li')!.dataset.room));

describe('room board at a glance', () => {
  for (const language of ['en', 'zh'] as const) {
    for (const [device, size] of [['desktop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
      it(`${device} ${language}: every state counted and shown on its tile, search, filters, compact, no overflow`, async () => {
        const page = await signedIn(size, language);
        const counts = await page.locator('#board-counts').textContent();
        const say = (en: string, zh: string) => (language === 'zh' ? zh : en);
        for (const [en, zh] of [['Positive, awaiting transfer 1', '阳性待转运 1'], ['Fever or symptom 1', '发热或症状 1'], ['Check missing 1', '缺测温 1'], ['Retest today 1', '今日复检 1'], ['Release due 1', '可解除 1'], ['Period over, not released 1', '期满未解除 1'], ['Occupied 6', '入住 6'], ['Free 34', '空闲 34']] as const) {
          expect(counts).toContain(say(en, zh));
        }
        // Each flag is a class on its tile and its words on it (not colour only).
        expect(await page.locator('#board-grid .tile.flag-positive .state').textContent()).toBe(say('Positive: transfer', '阳性待转运'));
        expect(await page.locator('#board-grid .tile.flag-expired .state').textContent()).toBe(say('Period over', '期满未解除'));
        expect(await page.locator('#board-grid .tile.flag-release_due').count()).toBe(1);
        expect(await page.locator('#board-grid .tile.flag-retest_due').count()).toBe(1);
        // The positive count filters the board to that room, and again shows all.
        await page.locator('#board-counts [data-count="positive"]').click();
        // Rooms only (the floor headings are list items too).
        expect(await page.locator('#board-grid li[data-room]').count()).toBe(1);
        expect(await page.locator('#board-grid').textContent()).toContain('赵磊');
        await screenshot(page, `board-${device}-${language}-positive`, false);
        await page.locator('#board-counts [data-count="positive"]').click();
        expect(await page.locator('#board-grid li[data-room]').count()).toBe(40);
        // Search by Latin name without its space and case, by native name, by room.
        await page.locator('#board-search').fill('zhaolei');
        expect(await page.locator('#board-grid .name').allTextContents()).toEqual(['赵磊']);
        await page.locator('#board-search').fill('陈');
        expect(await page.locator('#board-grid .name').allTextContents()).toEqual(['陈杰']);
        const room = (await rooms(page, '.tile'))[0]!;
        await page.locator('#board-search').fill(room);
        expect(await rooms(page, '.tile')).toContain(room);
        await page.locator('#board-search').fill('');
        // Compact: 40 rooms fit in one screen on the desktop, two on the phone.
        await page.locator('#board-compact').check();
        const height = await page.locator('#board-grid').evaluate((e) => e.getBoundingClientRect().height);
        expect(height).toBeLessThan(device === 'desktop' ? 500 : 1200);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `board-${device}-${language}-compact`);
        await page.locator('#board-compact').uncheck();
        await screenshot(page, `board-${device}-${language}`);
        expect(await page.locator('#board-updated').textContent()).toMatch(/\d\d:\d\d/);
        await page.context().close();
      });
    }
  }

  it('returns from a file to where the board was scrolled', async () => {
    const page = await signedIn({ width: 390, height: 844 }, 'en');
    const tile = page.locator('#board-grid .tile.flag-expired');
    await tile.scrollIntoViewIfNeeded();
    const before = await page.evaluate<number>('window.scrollY');
    expect(before).toBeGreaterThan(100);
    await tile.click();
    await page.locator('#view-stay h2').filter({ hasText: 'Emma Martin' }).waitFor();
    // The file opens at its top, its temperature field on the first screen of the phone.
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    const temp = await page.locator('#c-temp').boundingBox();
    expect(temp && temp.y + temp.height).toBeLessThan(844);
    await page.goBack();
    await page.locator('#board-grid .tile').first().waitFor();
    await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(before);
    await page.context().close();
  });

  it('transfers a positive person from the tile: asked by room and name, the room goes to cleaning', async () => {
    const page = await signedIn({ width: 1366, height: 768 }, 'zh');
    const tile = page.locator('#board-grid li', { has: page.locator('.tile.flag-positive') });
    const room = await tile.getAttribute('data-room');
    await tile.locator('[data-action="transfer"]').click();
    expect(await page.locator('dialog.xfer h3').textContent()).toBe(`转运至医院：${room} 房 赵磊`);
    // Refused without a hospital: said in the dialog, in the page's language, with the field's label.
    await page.getByRole('button', { name: '确认转运' }).click();
    await expect.poll(() => page.locator('dialog.xfer .field-error').textContent()).toBe('请填写医院');
    await page.getByLabel('医院', { exact: true }).fill('郑州市第六人民医院');
    await page.getByRole('button', { name: '确认转运' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('已转运至 郑州市第六人民医院');
    await expect.poll(() => page.locator(`#board-grid li[data-room="${room}"] .state`).textContent()).toBe('清洁中');
    expect(await page.locator('#board-counts [data-count="positive"]').textContent()).toBe('阳性待转运 0');
    await screenshot(page, 'board-after-transfer-zh', false);
    await page.context().close();
  });
});
