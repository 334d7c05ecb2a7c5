import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedReportId, missedReports } from '../../functions/use-cases/missed-reports.js';
import { issueLink, openWithSecret } from '../../functions/use-cases/personal-link.js';
import { personPage, selfReport } from '../../functions/use-cases/self-service.js';
import { db, tableName } from '../../functions/shared/db.js';
import type { Principal } from '../../functions/shared/principal.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture, type StayFixture } from '../support/fixtures.js';
import { itemsOf, remindersOf } from '../support/items.js';
import { addDays, zonedInstant } from '../jobs/job-support.js';

// Self-reports and the escalation of missed ones, at the facility's own deadlines
// (10:00 and 20:00 local) in two time zones: late reports are marked late, a fever
// raises the urgent reminder at once (to the team's doctor when the stay has a team),
// and each escalation step happens at its time, once, counted per slot.

let api: TestApi;
const zones = ['Asia/Shanghai', 'America/New_York'] as const;
const facilities: Record<string, FacilityFixture> = {};
beforeAll(async () => {
  api = await startApi();
  for (const tz of zones) facilities[tz] = await facilityWithRooms(api, 8, { timeZone: tz });
});
afterAll(() => api.close());

const staff = (f: FacilityFixture): Principal => ({ subject: 'staff-test', role: 'staff', facilities: [f.facilityId] });
let ip = 0;
async function linked(f: FacilityFixture, stay: StayFixture, at: Date) {
  const link = await issueLink(staff(f), stay.stayId, at);
  const secret = new URL(link.url).hash.slice(3);
  return (now: Date) => openWithSecret(secret, `198.51.100.${ip++ % 250}`, now);
}
const watchOf = async (stayId: string, date: string, slot: 'AM' | 'PM') => (await itemsOf(`STAY#${stayId}`, `WATCH#${date}#${slot}`))[0];

describe.each(zones)('in %s', (tz) => {
  let f: FacilityFixture;
  beforeAll(() => {
    f = facilities[tz]!;
  });
  const at = (date: string, time: string) => zonedInstant(date, time, tz);

  it('records a self-report on time and a late one as late; the checks show them as self-reported; staff confirm or correct', async () => {
    const stay = await stayArrived(api, f, 3);
    const date = addDays(stay.day1Date, 2);
    const open = await linked(f, stay, at(date, '07:00'));
    const morning = await selfReport(await open(at(date, '09:59')), { slot: 'morning', temperatureC: 36.5, symptoms: [] }, at(date, '09:59'));
    expect(morning).toMatchObject({ late: false, alert: false, check: { source: 'self', recordedBy: 'self' } });
    const evening = await selfReport(await open(at(date, '20:05')), { slot: 'evening', temperatureC: 36.7, symptoms: [] }, at(date, '20:05'));
    expect(evening).toMatchObject({ late: true, check: { late: true } });
    const page = await personPage(await open(at(date, '20:06')), at(date, '20:06'));
    expect(page.slots.map((s) => s.status)).toEqual(['done', 'late']);
    // Twice the same slot: refused, the first stays.
    await expect(selfReport(await open(at(date, '20:07')), { slot: 'evening', temperatureC: 38, symptoms: [] }, at(date, '20:07'))).rejects.toMatchObject({ status: 409 });
    // The evening can't be sent in the morning; a day ahead neither.
    await expect(selfReport(await open(at(date, '08:00')), { slot: 'evening', date: addDays(date, 1), temperatureC: 36.5, symptoms: [] }, at(date, '08:00'))).rejects.toMatchObject({ status: 400 });
    const checks = await api.call('GET', `/stays/${stay.stayId}/checks`, { token: f.staff });
    const self = checks.body.checks.filter((c: { source?: string }) => c.source === 'self');
    expect(self).toHaveLength(2);
    // Staff confirm one, correct the other (the original is kept).
    const confirmed = await api.call('POST', `/stays/${stay.stayId}/checks/${date}-morning/confirm`, { token: f.staff });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.check.confirmedBy).toBeTruthy();
    const corrected = await api.call('POST', `/stays/${stay.stayId}/checks/${date}-evening/correction`, { token: f.staff, body: { temperatureC: 36.9, reason: 'Measured again by the nurse' } });
    expect(corrected.status).toBe(200);
    expect(corrected.body.check).toMatchObject({ source: 'self', temperatureC: 36.9, original: { temperatureC: 36.7 } });
  });

  it('a fever or a symptom raises the urgent reminder at once: to the facility, or the team doctor when the stay has a team', async () => {
    const hotel = await stayArrived(api, f, 2);
    const date = addDays(hotel.day1Date, 1);
    const open = await linked(f, hotel, at(date, '07:00'));
    const fever = await selfReport(await open(at(date, '08:00')), { slot: 'morning', temperatureC: 37.3, symptoms: [] }, at(date, '08:00'));
    expect(fever).toMatchObject({ alert: true, urgentReminder: true });
    const r1 = (await remindersOf(f.facilityId)).find((r) => r.reminderId === `fever_or_symptom-${date}-${hotel.stayId}-morning`);
    expect(r1).toMatchObject({ urgent: true, audience: 'facility', slot: 'morning' });

    const home = await stayArrived(api, f, 2);
    await db().send(new UpdateCommand({ TableName: tableName(), Key: { PK: `STAY#${home.stayId}`, SK: 'STAY' }, UpdateExpression: 'SET teamId = :t', ExpressionAttributeValues: { ':t': 'team-7' } }));
    const openHome = await linked(f, home, at(date, '07:00'));
    await selfReport(await openHome(at(date, '08:00')), { slot: 'morning', temperatureC: 36.4, symptoms: ['cough'] }, at(date, '08:00'));
    const r2 = (await remindersOf(f.facilityId)).find((r) => r.reminderId === `fever_or_symptom-${date}-${home.stayId}-morning`);
    expect(r2).toMatchObject({ urgent: true, audience: 'team_doctor', teamId: 'team-7' });
  });

  it('escalates a missed slot step by step at its deadline, once per step, and counts each slot', async () => {
    const quiet = await stayArrived(api, f, 4);
    const good = await stayArrived(api, f, 4);
    const date = addDays(quiet.day1Date, 3);
    await linked(f, quiet, at(date, '06:00'));
    const openGood = await linked(f, good, at(date, '06:00'));
    await selfReport(await openGood(at(date, '09:00')), { slot: 'morning', temperatureC: 36.6, symptoms: [] }, at(date, '09:00'));
    const run = (time: string, d = date) => missedReports({ now: at(d, time), facilityIds: [f.facilityId] });
    const ids = (slot: 'morning' | 'evening', d = date) => ({ stayId: quiet.stayId, date: d, slot });
    const has = async (id: string) => (await remindersOf(f.facilityId)).find((r) => r.reminderId === id);

    expect((await run('09:59')).steps).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0 });
    const first = await run('10:00');
    expect(first.steps).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0 });
    expect(await has(missedReportId(ids('morning'), 1))).toMatchObject({ audience: 'person', kind: 'report_missed', slot: 'morning' });
    // The reported stay is not escalated; its morning watch is off the index, its evening watched.
    expect((await watchOf(good.stayId, date, 'AM'))?.state).toBe('reported');
    expect((await watchOf(good.stayId, date, 'PM'))?.state).toBe('watching');
    // Again at once: nothing new (idempotent).
    expect((await run('10:01')).steps).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0 });
    expect((await run('10:30')).steps).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0 });
    expect((await run('11:00')).steps).toEqual({ 1: 0, 2: 0, 3: 1, 4: 0 });
    expect(await has(missedReportId(ids('morning'), 3))).toMatchObject({ audience: 'team_on_duty', kind: 'report_missed_follow_up' });
    const followUps = await api.call('GET', `/facilities/${f.facilityId}/follow-ups`, { token: f.staff });
    expect(followUps.body.followUps.find((x: { stayId: string }) => x.stayId === quiet.stayId)).toMatchObject({ followUpId: `${date}-morning`, step: 3 });
    const [a, b] = await Promise.all([run('13:00'), run('13:00')]);
    expect(a.steps[4] + b.steps[4]).toBe(1);
    expect(await has(missedReportId(ids('morning'), 4))).toMatchObject({ audience: 'supervisor', urgent: true, kind: 'report_missed_supervisor' });
    expect((await watchOf(quiet.stayId, date, 'AM'))?.state).toBe('escalated');
    // The evening slot is a slot of its own: its step 1 at 20:00, counted apart from the morning.
    const evening = await run('20:00');
    // Both the quiet stay and the one that reported in the morning missed the evening.
    expect(evening.steps[1]).toBeGreaterThanOrEqual(2);
    expect(evening.steps[4]).toBe(0);
    expect(await has(missedReportId(ids('evening'), 1))).toBeTruthy();
    expect(await has(missedReportId({ stayId: good.stayId, date, slot: 'evening' }, 1))).toBeTruthy();
    expect(await has(missedReportId({ stayId: good.stayId, date, slot: 'morning' }, 1))).toBeUndefined();
    // The team closes the morning follow-up with a note.
    const done = await api.call('POST', `/stays/${quiet.stayId}/follow-ups/${date}-morning/done`, { token: f.staff, body: { note: 'Phoned: thermometer broken, 36.5 by the doctor' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ doneBy: expect.any(String), note: 'Phoned: thermometer broken, 36.5 by the doctor' });
    const twice = await api.call('POST', `/stays/${quiet.stayId}/follow-ups/${date}-morning/done`, { token: f.staff, body: { note: 'again' } });
    expect(twice.status).toBe(409);
    const after = await api.call('GET', `/facilities/${f.facilityId}/follow-ups`, { token: f.staff });
    expect(after.body.followUps.find((x: { stayId: string; date: string }) => x.stayId === quiet.stayId && x.date === date)).toBeUndefined();
  });
});

describe('a facility policy with its own deadlines', () => {
  it('escalates at the policy deadline (09:00 in New York), not at 10:00', async () => {
    const tz = 'America/New_York';
    const f = await facilityWithRooms(api, 2, { timeZone: tz, policy: { stayDays: 14, retestDays: [12], documentDay: 13, reportDeadlines: { morning: '09:00', evening: '21:00' } } });
    const got = await api.call('GET', `/facilities/${f.facilityId}`, { token: f.staff });
    expect(got.body.policy.reportDeadlines).toEqual({ morning: '09:00', evening: '21:00' });
    const stay = await stayArrived(api, f, 3);
    const date = addDays(stay.day1Date, 2);
    await linked(f, stay, zonedInstant(date, '06:00', tz));
    const run = (time: string) => missedReports({ now: zonedInstant(date, time, tz), facilityIds: [f.facilityId] });
    expect((await run('08:59')).steps[1]).toBe(0);
    expect((await run('09:00')).steps[1]).toBe(1);
    const bad = await api.call('POST', '/facilities', { token: api.token('admin'), body: { name: 'x', timeZone: tz, policy: { reportDeadlines: { morning: '21:00', evening: '20:00' } } } });
    expect(bad.status).toBe(400);
  });
});
