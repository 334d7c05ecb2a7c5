import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { hoursAgo } from '../lab/lab-support.js';
import { homeStay, programme, type ProgrammeFixture } from '../home/home-support.js';
import { launchBrowser, screenshot } from './browser.js';
import { addDays, localDate } from '../../functions/domain/calendar.js';
import { missedReports } from '../../functions/use-cases/missed-reports.js';
import { issueLink } from '../../functions/use-cases/personal-link.js';
import { zonedInstant } from '../jobs/job-support.js';

// The team worklist (home isolation) in Chromium, at a desk and on a phone, in both
// languages: the team's load, who has not reported, a fever with its reading, a
// retest due; names and grid cells, never ids.

let api: TestApi;
let p: ProgrammeFixture;
let browser: Browser;
let quietId: string;

beforeAll(async () => {
  api = await startApi();
  p = await programme(api, { name: '金水区和平街道居家隔离' });
  quietId = (await homeStay(api, p, 4, 'G-01', { nameNative: '刘洋', nameLatin: 'LIU Yang' })).stayId;
  // Yesterday's morning report of 刘洋 is missing: the job escalates it to a follow-up for the cadre on duty.
  const yesterday = addDays(localDate(new Date(), 'Asia/Shanghai'), -1);
  await issueLink({ subject: 'staff-test', role: 'staff', facilities: [p.facilityId] }, quietId, zonedInstant(yesterday, '06:00', 'Asia/Shanghai'));
  await missedReports({ now: zonedInstant(yesterday, '11:00', 'Asia/Shanghai'), facilityIds: [p.facilityId] });
  await api.call('PUT', `/stays/${quietId}/schedule`, { token: p.staff, body: { stayDays: 21, reason: '同住人确诊，延长观察' } });
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
    page.on('pageerror', (e) => errors.push(e.message));
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
    // The doctor is not on duty: the follow-up is the cadre's.
    expect(await page.locator('#team-follow-ups li').count()).toBe(0);
    await page.locator('#team-member').selectOption('cadre');
    await page.locator('#team-follow-ups li').first().waitFor();
    const fu = await page.locator('#team-follow-ups').innerText();
    expect(fu).toContain('刘洋 LIU Yang');
    expect(fu).toMatch(/morning report missing · task for Community cadre 李娜/);
    await screenshot(page, `team-follow-ups-${size.name}`);

    // The person's file: home address, grid cell, the team by name and role, the end-date ledger.
    await page.locator('#team-follow-ups a', { hasText: '刘洋' }).first().click();
    await page.locator('#stay-home:not([hidden]) #stay-home-team').waitFor();
    const file = await page.locator('#stay-home').innerText();
    expect(file).toContain('和平街道幸福里 3 号楼 2 单元 501');
    expect(file).toContain('G-01');
    expect(file).toMatch(/Community cadre\s+李娜/);
    expect(file).toMatch(/Doctor\s+王建国/);
    expect(file).toContain('同住人确诊，延长观察');
    expect(file).toMatch(/changed: \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}/);
    await page.locator('#stay-home').scrollIntoViewIfNeeded();
    await screenshot(page, `stay-home-${size.name}`);
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('#stay-home').innerText()).toContain('居家地址');
    expect(await page.locator('#stay-home').innerText()).toMatch(/社区干部\s+李娜/);
    await screenshot(page, `stay-home-${size.name}-zh`);

    // Reminders name the person and the home (address, grid cell), never a room or an id.
    await page.evaluate('location.hash = "#reminders"');
    await page.locator('#reminders-out li').first().waitFor();
    const zh = await page.locator('#reminders-out').innerText();
    expect(zh).toContain('刘洋 · 和平街道幸福里 3 号楼 2 单元 501（网格 G-01）');
    expect(zh).toContain('请电话或上门');
    expect(zh).toContain('由社区干部李娜处理');
    expect(zh).not.toMatch(/S[0-9A-Z]{12}|房/);
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('#reminders-out').innerText()).toContain('刘洋 · 和平街道幸福里 3 号楼 2 单元 501 (grid cell G-01)');
    const en = await page.locator('#reminders-out').innerText();
    expect(en).toContain('for Community cadre 李娜');
    expect(en).not.toMatch(/S[0-9A-Z]{12}|Room/);
    await screenshot(page, `reminders-home-${size.name}`);

    // The cadre marks the follow-up done with a note: off the list.
    // Each choice redraws the list: type into the one its last answer drew.
    const worklist = (member = '') => page.waitForResponse((r) => r.url().includes('/teams/a/worklist') && r.url().includes(member));
    await Promise.all([worklist(), page.evaluate('location.hash = "#team/a"')]);
    if ((await page.locator('#team-member').inputValue()) !== 'cadre') await Promise.all([worklist('member=cadre'), page.locator('#team-member').selectOption('cadre')]);
    await expect.poll(() => page.locator('#team-load').innerText()).toContain('李娜');
    await page.locator('#status:empty').waitFor({ state: 'attached' });
    await page.locator('#team-follow-ups li').first().waitFor();
    if (size.name === 'phone') {
      await page.locator('#team-follow-ups input[name=note]').first().fill('电话联系，体温计坏了，已送新的');
      await page.locator('#team-follow-ups button[type=submit]').first().click();
      await expect.poll(() => page.locator('#team-follow-ups li').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
