import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture, type StayFixture } from '../support/fixtures.js';
import { launchBrowser, RESULTS_DIR, screenshot } from './browser.js';

// Each screen with real data (a fever, departures with pickups and a vehicle, a
// person's request) at a desktop and a phone size in both languages: nothing wider
// than the phone, no English in the Chinese page, no stay id shown. Then what paper
// gets: the daily sheet on A4 (a real PDF, read back with pdftotext), the departures
// by pickup, and the board without background colours.

let api: TestApi;
let f: FacilityFixture;
let browser: Browser;
const stays: StayFixture[] = [];
let leaving: StayFixture[] = [];
let fever: StayFixture;
let departureDate: string;
const NAMES = ['赵磊', '李娜', '王芳', '陈杰', '刘洋', '杨静', '黄磊', '周敏', '吴强', 'Maximilian-Alexander Habsburg-Lothringen'];

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 12, { name: '金水区第三集中隔离酒店', timeZone: 'Asia/Shanghai' });
  for (const [i, n] of NAMES.entries()) stays.push(await stayArrived(api, f, i < 3 ? 13 : 3, { nameNative: n, nameLatin: i === 9 ? 'HABSBURG-LOTHRINGEN Maximilian Alexander' : `PERSON ${'ABCDEFGHIJ'[i]}` }));
  fever = stays[3]!;
  const check = await api.call('POST', `/stays/${fever.stayId}/checks`, { token: f.staff, body: { slot: 'morning', temperatureC: 38.4, symptoms: ['cough'], measuredAt: new Date(Date.now() - 60_000).toISOString() } });
  if (check.status !== 201) throw new Error(check.text);
  leaving = stays.slice(0, 3);
  departureDate = leaving[0]!.schedule.releaseDate;
  const plans = [
    { mode: 'train', number: 'G88', departureAt: at(departureDate, '09:10'), pickupAt: at(departureDate, '07:30'), destination: { city: '上海', country: 'CN' } },
    { mode: 'flight', number: 'CA933', departureAt: at(departureDate, '11:00'), pickupAt: at(departureDate, '07:30'), destination: { city: 'Paris', country: 'FR' } },
    { mode: 'car', departureAt: at(departureDate, '06:40'), pickupAt: at(departureDate, '06:15'), destination: { city: '郑州', country: 'CN' } },
  ];
  for (const [i, p] of plans.entries()) {
    const r = await api.call('PUT', `/stays/${leaving[i]!.stayId}/departure`, { token: f.staff, body: p });
    if (r.status !== 200) throw new Error(r.text);
  }
  const v = await api.call('PUT', `/facilities/${f.facilityId}/vehicles`, { token: f.staff, body: { vehicles: [{ plate: '豫A12345', seats: 1 }, { plate: '豫A88888', seats: 7, note: '王师傅' }] } });
  if (v.status !== 200) throw new Error(v.text);
  const link = await api.call('POST', `/stays/${stays[4]!.stayId}/personal-link`, { token: f.staff });
  const secret = new URL(link.body.url).hash.replace(/^#k=/, '');
  const req = await api.call('POST', '/me/requests', { headers: { 'x-personal-key': secret }, body: { kind: 'parcel', text: '门口有我的包裹' } });
  if (req.status !== 201) throw new Error(req.text);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const SIZES = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

async function open(language: 'en' | 'zh', size: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size, locale: 'en-GB' });
  const facility = JSON.stringify({ facilityId: f.facilityId, name: '金水区第三集中隔离酒店', timeZone: 'Asia/Shanghai' });
  await context.addInitScript(`localStorage.setItem('qd.lang', ${JSON.stringify(language)}); sessionStorage.setItem('qd.token', ${JSON.stringify(f.staff)}); sessionStorage.setItem('qd.facility', ${JSON.stringify(facility)});`);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { page, errors };
}

/** Each screen, how to reach it with its data drawn, and what shows it has. */
const SCREENS: { view: string; go: (page: Page) => Promise<void> }[] = [
  { view: 'board', go: (p) => show(p, '#board', '#board-grid button.tile') },
  { view: 'register', go: (p) => show(p, '#register', '#register-form') },
  { view: 'manifest', go: (p) => show(p, '#manifest', '#manifest-file') },
  { view: 'stay', go: (p) => show(p, `#stay/${fever.stayId}`, '#stay-facts dt') },
  { view: 'today', go: (p) => show(p, '#today', '#today-out .cards') },
  {
    view: 'transport',
    go: async (p) => {
      await show(p, '#transport', '#transport-out *');
      await p.locator('#p-date').fill(departureDate);
      await p.locator('#transport-form button[type=submit]').click();
      await p.locator('#transport-out .pickup').first().waitFor();
    },
  },
  { view: 'reminders', go: (p) => show(p, '#reminders', '#reminders-out li.reminder') },
  { view: 'requests', go: (p) => show(p, '#requests', '#requests-out li, #requests-out tr') },
];

async function show(page: Page, hash: string, ready: string) {
  if (!page.url().startsWith(api.url)) await page.goto(`${api.url}/${hash}`);
  else await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await page.locator(`${ready}`).first().waitFor();
  await page.locator('#status:empty').waitFor({ state: 'attached' });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/** The page's width and every visible element sticking out of the viewport (outside a sideways-scrolling box). */
const OVERFLOW = `(() => {
  const w = window.innerWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= w + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') clipped = true;
    }
    if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') + ' ' + Math.round(r.right) + 'px');
  }
  return { scrollWidth: document.documentElement.scrollWidth, out };
})()`;
const overflow = () => (page: Page) => page.evaluate(OVERFLOW) as Promise<{ scrollWidth: number; out: string[] }>;

/** English words the Chinese page must never show (names and codes in Latin letters are fine). */
const ENGLISH = /\b(Room|Rooms|Retest|Fever|Pickup|Vehicles?|Seats|Handled|Departures?|Reminders?|Open|Show|Refresh|Urgent|Invalid|Required|undefined|null|NaN|Morning|Evening|Cough|Day \d)\b/;

describe('every screen with real data', () => {
  for (const size of SIZES) {
    it(`fits ${size.width}x${size.height} in both languages, in the page's language, without ids`, { timeout: 180_000 }, async () => {
      for (const language of ['zh', 'en'] as const) {
        const { page, errors } = await open(language, size);
        try {
          for (const s of SCREENS) {
            await s.go(page);
            await screenshot(page, `screens-${size.name}-${language}-${s.view}`);
            const { scrollWidth, out } = await overflow()(page);
            expect(scrollWidth, `${s.view} ${language}`).toBeLessThanOrEqual(size.width);
            expect(out, `${s.view} ${language}`).toEqual([]);
            const text = await page.locator('#main').innerText();
            for (const x of stays) expect(text, `${s.view} shows a stay id`).not.toContain(x.stayId);
            if (language === 'zh') expect(text.match(ENGLISH)?.[0], `${s.view}: English in the Chinese page`).toBeUndefined();
            // The header stays compact on a phone: at most two lines above the menu.
            if (size.width < 600) expect((await page.locator('header.top').boundingBox())!.height, 'header height').toBeLessThanOrEqual(90);
          }
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      }
    });
  }
});

function pdfText(file: string): { pages: number; text: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

describe('on paper', () => {
  it('the daily sheet fits A4: every person and column on the page, no controls', { timeout: 60_000 }, async () => {
    const { page } = await open('zh', { width: 1366, height: 768 });
    try {
      await SCREENS.find((s) => s.view === 'today')!.go(page);
      const file = join(RESULTS_DIR, 'web-print-today.pdf');
      await page.emulateMedia({ media: 'print' });
      // Nothing wider than A4's printable width (210 mm - 2 × 12 mm at 96 dpi).
      await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1000 });
      expect((await overflow()(page)).out).toEqual([]);
      await page.pdf({ path: file, format: 'A4', printBackground: false, preferCSSPageSize: true });
      const { pages, text } = pdfText(file);
      expect(pages).toBeLessThanOrEqual(2);
      for (const n of NAMES.slice(0, 9)) expect(text).toContain(n);
      expect(text.replace(/\s+/g, ' ')).toContain('Habsburg-Lothringen');
      expect(text).toContain(`金水区第三集中隔离酒店 · `); // which facility and day, on paper
      expect(text).not.toContain('显示'); // the date form's button
      expect(text).not.toContain('离店与车辆安排'); // the menu
    } finally {
      await page.context().close();
    }
  });

  it('departures print by pickup with their vehicles; over capacity is refused in words', { timeout: 60_000 }, async () => {
    const { page, errors } = await open('zh', { width: 390, height: 844 });
    try {
      await SCREENS.find((s) => s.view === 'transport')!.go(page);
      const card = page.locator('.pickup', { hasText: '07:30' });
      await card.locator('label', { hasText: '豫A12345' }).locator('input').check();
      await card.locator('button[type=submit]').click();
      await expect.poll(() => card.locator('.result.bad').innerText()).toContain('07:30 接送共 2 人，所选车辆只有 1 个座位');
      await card.locator('label', { hasText: '豫A12345' }).locator('input').uncheck();
      await card.locator('label', { hasText: '豫A88888' }).locator('input').check();
      await card.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('.pickup', { hasText: '07:30' }).locator('p.meta').first().innerText()).toContain('豫A88888（7 座）');
      const order = await page.locator('.pickup h3').allInnerTexts();
      expect(order).toEqual(['06:15 接送 · 1 人 · 汽车', '07:30 接送 · 2 人 · 飞机 + 火车']);
      await screenshot(page, 'screens-phone-zh-transport-assigned');
      const file = join(RESULTS_DIR, 'web-print-transport.pdf');
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: file, format: 'A4' });
      const { pages, text } = pdfText(file);
      expect(pages).toBe(1);
      expect(text).toContain('07:30 接送');
      expect(text).toContain('豫A88888');
      for (const x of ['李娜', '王芳', '赵磊', 'G88', 'CA933']) expect(text).toContain(x);
      expect(text).not.toContain('豫A12345'); // the assign form's choices
      expect(text).not.toContain('保存车辆'); // the vehicles form
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('reminders: filtered, marked handled with a note, and gone from the open list', { timeout: 60_000 }, async () => {
    const { page, errors } = await open('zh', { width: 390, height: 844 });
    try {
      await SCREENS.find((s) => s.view === 'reminders')!.go(page);
      const item = page.locator('li.reminder', { hasText: '发热或症状' }).filter({ hasText: '陈杰' });
      await expect.poll(() => item.innerText()).toMatch(new RegExp(`${fever.roomNumber} 房 陈杰 发热 38.4 °C · 咳嗽 · 早 · 第 4 天`));
      await page.locator('#rm-q').fill(fever.roomNumber);
      // The search redraws the list: type the note into the list it drew, not the one before.
      await Promise.all([page.waitForResponse((r) => r.url().includes('/reminders?') && r.url().includes(`q=${fever.roomNumber}`)), page.locator('#rm-q').press('Enter')]);
      await expect.poll(() => page.locator('li.reminder').count()).toBe(1);
      await item.locator('input').fill('已通知医生');
      await item.locator('button[type=submit]').click();
      await expect.poll(() => page.locator('#reminders-out').innerText()).toContain('没有提醒');
      await page.locator('#rm-state').selectOption('handled');
      await expect.poll(() => page.locator('li.reminder').first().innerText()).toMatch(/你已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 处理 · 已通知医生/);
      await screenshot(page, 'screens-phone-zh-reminders-handled');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("the release slip says what to scan in the person's language and in Chinese", { timeout: 30_000 }, async () => {
    const { page } = await open('en', { width: 1366, height: 768 });
    try {
      await SCREENS[0]!.go(page);
      const words = await page.evaluate(`import('/assets/release-slip.js').then((m) => ['ko', 'en', 'zh'].map((l) => m.slipText(l, 'scan') + ' | ' + m.slipText(l, 'key')))`);
      expect(words).toEqual([
        expect.stringMatching(/^휴대폰으로 QR 코드를 스캔해.* \/ 用手机扫描二维码下载文书.* \| 접근 키 \/ 提取码$/),
        expect.stringMatching(/^Scan the QR code with your phone.* \/ 用手机扫描二维码.* \| Access key \/ 提取码$/),
        expect.stringMatching(/^用手机扫描二维码[^/]*\| 提取码$/),
      ]);
    } finally {
      await page.context().close();
    }
  });

  it('the board prints without background colours, the state written on each tile', { timeout: 60_000 }, async () => {
    const { page } = await open('zh', { width: 1366, height: 768 });
    try {
      await SCREENS[0]!.go(page);
      await page.emulateMedia({ media: 'print' });
      const looks = (await page.evaluate(
        `[...document.querySelectorAll('#board-grid .tile, #board-counts .count, .badge')].map((el) => getComputedStyle(el).backgroundColor + ' ' + getComputedStyle(el).color)`,
      )) as string[];
      expect(new Set(looks)).toEqual(new Set(['rgb(255, 255, 255) rgb(0, 0, 0)']));
      const file = join(RESULTS_DIR, 'web-print-board.pdf');
      await page.pdf({ path: file, format: 'A4' });
      const { text } = pdfText(file);
      expect(text).toContain('陈杰');
      expect(text).not.toContain('刷新');
    } finally {
      await page.context().close();
    }
  });
});
