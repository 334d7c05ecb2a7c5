import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hadFeverOrSymptomInLast24h } from '../../functions/use-cases/recent-fever.js';
import { newLab, useLabs, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { issuePaths, itemsOf, remindersOf, stayArrived } from './care-support.js';
import { localDate } from '../../functions/domain/calendar.js';
import { zonedInstant } from '../jobs/job-support.js';

// Correcting a check keeps the reading first recorded beside the correction (who,
// when, why); the audit shows old and new values; everything that evaluates checks
// (release, board, stay file, reminders) uses the corrected values.

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 10);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

/** Up to an hour ago, but on the hotel's today (Asia/Shanghai): the board counts today's checks, and CI runs at any hour. */
const hourAgo = () => {
  const sinceMidnight = Date.now() - zonedInstant(localDate(new Date(), 'Asia/Shanghai'), '00:00', 'Asia/Shanghai').getTime();
  return new Date(Date.now() - Math.min(3600_000, sinceMidnight / 2)).toISOString();
};
const record = (stayId: string, body: unknown, query = '') => api.call('POST', `/stays/${stayId}/checks${query}`, { token: f.staff, body });
const correct = (stayId: string, checkId: string, body: unknown, token = f.staff) => api.call('POST', `/stays/${stayId}/checks/${checkId}/correction`, { token, body });

describe('correcting a temperature check', () => {
  it('keeps the original beside the correction; release, the file and the audit follow the corrected value', async () => {
    const s = await releasableStay(api, f, lab);
    const typo = await record(s.stayId, { temperatureC: 38.6, slot: 'morning', measuredAt: hourAgo() });
    expect(typo.status).toBe(201);
    const checkId = typo.body.check.checkId as string;
    expect(checkId).toMatch(/^\d{4}-\d{2}-\d{2}-morning$/);
    expect(await hadFeverOrSymptomInLast24h(s.stayId)).toBe(true);
    const refused = await api.call('POST', `/stays/${s.stayId}/release`, { token: f.staff });
    expect(refused.body.reasons.map((r: { code: string }) => r.code)).toContain('recent_fever_or_symptom');

    const res = await correct(s.stayId, checkId, { temperatureC: 36.8, reason: 'Typed 38.6 for 36.8' });
    expect(res.status).toBe(200);
    expect(res.body.check).toMatchObject({ checkId, temperatureC: 36.8, alert: false, corrected: true, original: { temperatureC: 38.6, alert: true } });

    const list = await api.call('GET', `/stays/${s.stayId}/checks`, { token: f.staff });
    expect(list.body.checks).toHaveLength(1);
    const shown = list.body.checks[0];
    expect(shown).toMatchObject({ checkId, temperatureC: 36.8, symptoms: [], alert: false, corrected: true });
    expect(shown.original).toMatchObject({ temperatureC: 38.6, symptoms: [], alert: true, recordedBy: expect.any(String) });
    expect(shown.corrections).toEqual([
      { from: { temperatureC: 38.6, symptoms: [], alert: true }, to: { temperatureC: 36.8, symptoms: [], alert: false }, reason: 'Typed 38.6 for 36.8', correctedAt: expect.any(String), correctedBy: expect.any(String) },
    ]);
    const audit = await api.call('GET', `/stays/${s.stayId}/audit`, { token: f.admin });
    expect(audit.body.entries.find((e: { action: string }) => e.action === 'check_corrected').changes).toMatchObject({
      from: { temperatureC: 38.6, alert: true },
      to: { temperatureC: 36.8, alert: false },
      reason: 'Typed 38.6 for 36.8',
    });
    const file = await api.call('GET', `/stays/${s.stayId}`, { token: f.staff });
    expect(file.body.checksToday.alert).toBe(false);

    expect(await hadFeverOrSymptomInLast24h(s.stayId)).toBe(false);
    const released = await api.call('POST', `/stays/${s.stayId}/release`, { token: f.staff });
    expect(released.status).toBe(200);
  });

  it('a correction to a fever or a symptom counts at once: alert, reminder, release refused', async () => {
    const s = await stayArrived(api, f, 3);
    const ok = await record(s.stayId, { temperatureC: 36.6, slot: 'evening', measuredAt: hourAgo() });
    const checkId = ok.body.check.checkId as string;
    const res = await correct(s.stayId, checkId, { symptoms: ['cough'], reason: 'Forgot to tick the cough' });
    expect(res.status).toBe(200);
    expect(res.body.check).toMatchObject({ temperatureC: 36.6, symptoms: ['cough'], alert: true });
    expect(res.body.reminderId).toBeDefined();
    expect(await hadFeverOrSymptomInLast24h(s.stayId)).toBe(true);
    const reminders = (await remindersOf(f.facilityId)).filter((r) => r.kind === 'fever_or_symptom' && r.lines[0].stayId === s.stayId);
    expect(reminders).toHaveLength(1);
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === s.roomNumber).occupant.checks.alert).toBe(true);

    // A second correction keeps the first reading as the original and both corrections.
    const again = await correct(s.stayId, checkId, { temperatureC: 37.0, symptoms: [], reason: 'The cough was the neighbour' });
    expect(again.body.check.original).toMatchObject({ temperatureC: 36.6, symptoms: [] });
    expect(again.body.check.corrections.map((c: { reason: string }) => c.reason)).toEqual(['Forgot to tick the cough', 'The cough was the neighbour']);
  });

  it('refuses a correction without a reason, with nothing new, of an unknown check, and of another facility', async () => {
    const s = await stayArrived(api, f, 2);
    const ok = await record(s.stayId, { temperatureC: 36.6, slot: 'morning', measuredAt: hourAgo() });
    const checkId = ok.body.check.checkId as string;
    const before = await itemsOf(`STAY#${s.stayId}`);

    const noReason = await correct(s.stayId, checkId, { temperatureC: 36.9 });
    expect(noReason.status).toBe(400);
    expect(issuePaths(noReason.body)).toEqual(['reason']);
    const nothing = await correct(s.stayId, checkId, { reason: 'Just checking' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.issues[0].code).toBe('nothing_to_correct');
    const same = await correct(s.stayId, checkId, { temperatureC: 36.6, reason: 'Same value' });
    expect(same.body.issues[0].code).toBe('nothing_to_correct');
    const bad = await correct(s.stayId, checkId, { temperatureC: 44, symptoms: ['headache'], reason: 'x' });
    expect(issuePaths(bad.body).sort()).toEqual(['reason', 'symptoms.0', 'temperatureC']);
    expect((await correct(s.stayId, '2020-01-01-morning', { temperatureC: 36.9, reason: 'Unknown check' })).status).toBe(404);
    expect((await correct(s.stayId, 'not-a-check', { temperatureC: 36.9, reason: 'Unknown check' })).status).toBe(404);
    expect((await correct(s.stayId, checkId, { temperatureC: 36.9, reason: 'Not my facility' }, other.staff)).status).toBe(403);
    expect(await itemsOf(`STAY#${s.stayId}`)).toEqual(before);
  });

  it('?replace=true needs a reason too and keeps the earlier reading', async () => {
    const s = await stayArrived(api, f, 2);
    await record(s.stayId, { temperatureC: 37.9, slot: 'morning', measuredAt: hourAgo() });
    const noReason = await record(s.stayId, { temperatureC: 36.9, slot: 'morning', measuredAt: hourAgo() }, '?replace=true');
    expect(noReason.status).toBe(400);
    expect(issuePaths(noReason.body)).toEqual(['reason']);
    const replaced = await record(s.stayId, { temperatureC: 36.9, slot: 'morning', measuredAt: hourAgo(), reason: 'Re-measured: thermometer was wrong' }, '?replace=true');
    expect(replaced.status).toBe(200);
    expect(replaced.body.check).toMatchObject({ temperatureC: 36.9, alert: false, original: { temperatureC: 37.9, alert: true }, corrections: [{ reason: 'Re-measured: thermometer was wrong' }] });
    const audit = await itemsOf(`STAY#${s.stayId}`, 'AUDIT#');
    expect(audit.find((a) => a.action === 'check_replaced')?.changes).toMatchObject({ from: { temperatureC: 37.9 }, to: { temperatureC: 36.9 }, reason: 'Re-measured: thermometer was wrong' });
  });
});
