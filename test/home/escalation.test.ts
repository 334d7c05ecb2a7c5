import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/domain/calendar.js';
import { missedReportId, missedReports } from '../../functions/use-cases/missed-reports.js';
import { issueLink, openWithSecret } from '../../functions/use-cases/personal-link.js';
import { selfReport } from '../../functions/use-cases/self-service.js';
import type { Principal } from '../../functions/shared/principal.js';
import { startApi, type TestApi } from '../support/api.js';
import { remindersOf } from '../support/items.js';
import { zonedInstant } from '../jobs/job-support.js';
import { homeStay, programme, type ProgrammeFixture } from './home-support.js';

// A missed home report escalates at the programme's own minutes after each slot
// deadline, in the programme's time zone: the person (twice), then the team member
// on duty for that slot (the cadre in the morning, the police officer in the evening
// here), then the supervisor. Each step once, however often the job runs; a fever
// goes to the team's doctor at once. Lines name the person and the home, never a room.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const cases = [
  { tz: 'Asia/Shanghai', minutes: undefined, steps: { 1: '10:00', 2: '10:30', 3: '11:00', 4: '12:00' }, evening3: '21:00' },
  { tz: 'Europe/London', minutes: { reminder: 5, secondReminder: 20, teamOnDuty: 45, supervisor: 90 }, steps: { 1: '10:05', 2: '10:20', 3: '10:45', 4: '11:30' }, evening3: '20:45' },
] as const;

const minus1 = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = h * 60 + m - 1;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

describe.each(cases)('a home programme in $tz', ({ tz, minutes, steps, evening3 }) => {
  let p: ProgrammeFixture;
  beforeAll(async () => {
    p = await programme(api, { timeZone: tz, policy: { stayDays: 14, retestDays: [12], documentDay: 13, ...(minutes ? { escalationMinutes: minutes } : {}) } });
    // Team a: the cadre on duty in the morning, the police officer in the evening.
    const duty = await api.call('PUT', `/facilities/${p.facilityId}/teams/a`, { token: p.admin, body: { duty: { evening: 'police' } } });
    expect(duty.status).toBe(200);
    expect(duty.body.duty).toEqual({ evening: 'police' });
  });
  const staff = (): Principal => ({ subject: 'staff-test', role: 'staff', facilities: [p.facilityId] });

  it('shows the policy it escalates by', async () => {
    const got = await api.call('GET', `/facilities/${p.facilityId}`, { token: p.staff });
    expect(got.body.policy.escalationMinutes).toEqual(minutes);
  });

  it('takes every step at its minute, once, to the one it is for; the evening slot is counted apart', async () => {
    const s = await homeStay(api, p, 2, 'G-02', { nameNative: '陈静', nameLatin: 'CHEN Jing' });
    const date = addDays(s.schedule.day1Date, 2);
    const at = (time: string, d = date) => zonedInstant(d, time, tz);
    await issueLink(staff(), s.stayId, at('06:00'));
    const run = (time: string, d = date) => missedReports({ now: at(time, d), facilityIds: [p.facilityId] });
    const mine = async (slot: 'morning' | 'evening', step: 1 | 2 | 3 | 4) => (await remindersOf(p.facilityId)).find((r) => r.reminderId === missedReportId({ stayId: s.stayId, date, slot }, step));
    const none = { 1: 0, 2: 0, 3: 0, 4: 0 };

    for (const step of [1, 2, 3, 4] as const) {
      expect((await run(minus1(steps[step]))).steps, `a minute before step ${step}`).toEqual(none);
      expect((await run(steps[step])).steps, `step ${step} at ${steps[step]}`).toEqual({ ...none, [step]: 1 });
      // The same minute again, and twice at once: nothing new.
      const [a, b] = await Promise.all([run(steps[step]), run(steps[step])]);
      expect([a.steps, b.steps]).toEqual([none, none]);
    }
    const first = await mine('morning', 1);
    expect(first).toMatchObject({ audience: 'person', kind: 'report_missed', slot: 'morning' });
    expect(first!.lines[0]).toMatchObject({ name: '陈静', address: '和平街道幸福里 3 号楼 2 单元 501', community: '幸福里社区', gridCell: 'G-02', slot: 'morning', step: 1 });
    expect(first!.lines[0].roomNumber).toBeUndefined();
    expect(first!.title).not.toContain('陈静');
    expect(await mine('morning', 2)).toMatchObject({ audience: 'person' });
    expect(await mine('morning', 3)).toMatchObject({ audience: 'team_on_duty', teamId: 'a', recipient: { role: 'cadre', name: '李娜' } });
    expect(await mine('morning', 4)).toMatchObject({ audience: 'supervisor', urgent: true, recipient: { role: 'supervisor' } });

    // The task is on the cadre's own worklist, not the police officer's.
    const cadre = await api.call('GET', `/facilities/${p.facilityId}/teams/a/worklist?member=cadre`, { token: p.staff });
    expect(cadre.body.followUps.find((f: { stayId: string }) => f.stayId === s.stayId)).toMatchObject({ followUpId: `${date}-morning`, role: 'cadre', assignee: '李娜', step: 4, nameNative: '陈静', gridCell: 'G-02' });
    const police = await api.call('GET', `/facilities/${p.facilityId}/teams/a/worklist?member=police`, { token: p.staff });
    expect(police.body.followUps.find((f: { stayId: string }) => f.stayId === s.stayId)).toBeUndefined();
    const whole = await api.call('GET', `/facilities/${p.facilityId}/teams/a/worklist`, { token: p.staff });
    expect(whole.body.load.openFollowUps).toBeGreaterThanOrEqual(1);
    expect(whole.body.duty).toEqual({ morning: 'cadre', evening: 'police' });

    // The evening is a slot of its own: its step 3 goes to the police officer on duty.
    expect((await run(evening3)).steps).toEqual({ 1: 1, 2: 1, 3: 1, 4: 0 });
    expect(await mine('evening', 3)).toMatchObject({ recipient: { role: 'police', name: '赵警官' } });
    const policeEvening = await api.call('GET', `/facilities/${p.facilityId}/teams/a/worklist?member=police`, { token: p.staff });
    expect(policeEvening.body.followUps.map((f: { followUpId: string }) => f.followUpId)).toContain(`${date}-evening`);
    // Done with a note: off the list.
    const done = await api.call('POST', `/stays/${s.stayId}/follow-ups/${date}-evening/done`, { token: p.staff, body: { note: '电话联系，体温计坏了，已送新的' } });
    expect(done.body).toMatchObject({ role: 'police', assignee: '赵警官', note: '电话联系，体温计坏了，已送新的' });
    const after = await api.call('GET', `/facilities/${p.facilityId}/teams/a/worklist?member=police`, { token: p.staff });
    expect(after.body.followUps.map((f: { followUpId: string }) => f.followUpId)).not.toContain(`${date}-evening`);
  });

  it("a fever reported at home goes to the team's doctor at once, naming the person and the home", async () => {
    const s = await homeStay(api, p, 3, 'G-01', { nameNative: '黄伟', nameLatin: 'HUANG Wei' });
    const date = addDays(s.schedule.day1Date, 3);
    const at = (time: string) => zonedInstant(date, time, tz);
    const link = await issueLink(staff(), s.stayId, at('07:00'));
    const session = await openWithSecret(new URL(link.url).hash.slice(3), '198.51.100.77', at('08:00'));
    const out = await selfReport(session, { slot: 'morning', temperatureC: 37.3, symptoms: [] }, at('08:00'));
    expect(out).toMatchObject({ alert: true, urgentReminder: true });
    const r = (await remindersOf(p.facilityId)).find((x) => x.reminderId === `fever_or_symptom-${date}-${s.stayId}-morning`);
    expect(r).toMatchObject({ urgent: true, audience: 'team_doctor', teamId: 'a', recipient: { role: 'doctor', name: '王建国' } });
    expect(r!.lines[0]).toMatchObject({ name: '黄伟', address: '和平街道幸福里 3 号楼 2 单元 501', gridCell: 'G-01', temperatureC: 37.3 });
  });
});

describe('escalationMinutes in the policy', () => {
  it('is refused in one answer naming each field: out of order, too late, not whole minutes', async () => {
    const bad = await api.call('POST', '/home-programmes', {
      token: api.token('admin'),
      body: { name: 'x', level: 'street', timeZone: 'Asia/Shanghai', policy: { escalationMinutes: { reminder: 10, secondReminder: 10, teamOnDuty: 5.5, supervisor: 601 } } },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['policy.escalationMinutes.teamOnDuty', 'policy.escalationMinutes.supervisor']));
    const order = await api.call('POST', '/home-programmes', {
      token: api.token('admin'),
      body: { name: 'x', level: 'street', timeZone: 'Asia/Shanghai', policy: { escalationMinutes: { reminder: 10, secondReminder: 10, supervisor: 50 } } },
    });
    expect(order.status).toBe(400);
    // secondReminder is not after reminder; supervisor (50) is not after the default teamOnDuty (60).
    expect(order.body.issues.map((i: { path: string }) => i.path)).toEqual(['policy.escalationMinutes.secondReminder', 'policy.escalationMinutes.supervisor']);
  });
});
