import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleNotifier } from '../../functions/adapters/notifier-console.js';
import { handler as deliverHandler } from '../../functions/handlers/deliver-reminders.js';
import type { Notifier, ReminderNotification } from '../../functions/ports/notifier.js';
import { deliverReminders } from '../../functions/use-cases/deliver-reminders.js';
import { retestDue, releaseDue } from '../../functions/use-cases/due-jobs.js';
import { scheduledEvent } from '../../local/job-timers.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { remindersOf, stayArrived, type StayFixture } from '../lab/lab-support.js';
import { addDays, zonedInstant } from './job-support.js';

// Draining the reminder outbox through the Notifier port. The notifier is an
// external service, so the tests use doubles of the port; DynamoDB is the real one.
// Every run is limited to this file's facilities (other test files own theirs).

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;
let stays: StayFixture[];
let day: string;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6);
  other = await facilityWithRooms(api, 1);
  stays = [await stayArrived(api, f, 11), await stayArrived(api, f, 12), await stayArrived(api, f, 13)];
  day = stays[0]!.schedule.retestDates[0]!;
  // Three reminders: retest due (+ overdue), documents due, and the next day's retest.
  await retestDue({ now: zonedInstant(day, '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] });
  await releaseDue({ now: zonedInstant(day, '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] });
  await retestDue({ now: zonedInstant(addDays(day, 1), '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] });
});
afterAll(() => api.close());

const pendingOf = async () => (await remindersOf(f.facilityId)).filter((r) => r.delivery.state === 'pending');

function recorder(fail: (n: ReminderNotification) => boolean = () => false, delayMs = 0) {
  const sent: ReminderNotification[] = [];
  const notifier: Notifier = {
    name: 'stub',
    async send(n) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (fail(n)) throw Object.assign(new Error('topic unavailable'), { name: 'ThrottledException' });
      sent.push(n);
    },
    async sendToPerson() {},
  };
  return { notifier, sent };
}

describe('deliver-reminders', () => {
  it('a failing notifier leaves every reminder pending with its attempts counted; nothing is lost', async () => {
    const before = await pendingOf();
    expect(before.length).toBe(3);
    const { notifier } = recorder(() => true);
    // An hour after the oldest was raised: that is the age the backlog alarm watches.
    const runAt = new Date(Date.parse(before.map((r) => r.createdAt).sort()[0]!) + 3_600_000);
    const out = await deliverReminders(runAt, notifier, { facilityIds: [f.facilityId] });
    expect(out).toMatchObject({ job: 'deliver-reminders', notifier: 'stub', pending: 3, delivered: 0, failed: 3, skipped: 0, oldestWaitingSeconds: 3600 });
    const again = await deliverReminders(new Date(), notifier, { facilityIds: [f.facilityId] });
    expect(again.failed).toBe(3);
    const after = await pendingOf();
    expect(after).toHaveLength(3);
    for (const r of after) {
      expect(r.GSI2PK).toBe('OUTBOX');
      expect(r.delivery).toMatchObject({ state: 'pending', attempts: 2, lastError: 'ThrottledException' });
      expect(r.delivery.claimedUntil).toBeUndefined();
    }
  });

  it('a partial failure delivers the others; the failed one is retried next run; delivered ones leave the outbox', async () => {
    const [first] = await pendingOf();
    const flaky = recorder((n) => n.reminderId === first!.reminderId);
    const out = await deliverReminders(new Date(), flaky.notifier, { facilityIds: [f.facilityId] });
    expect(out).toMatchObject({ delivered: 2, failed: 1 });
    expect((await pendingOf()).map((r) => r.reminderId)).toEqual([first!.reminderId]);

    const ok = recorder();
    const next = await deliverReminders(new Date(), ok.notifier, { facilityIds: [f.facilityId] });
    expect(next).toMatchObject({ pending: 1, delivered: 1, failed: 0, oldestWaitingSeconds: 0 });
    expect(ok.sent[0]).toMatchObject({ reminderId: first!.reminderId, facilityId: f.facilityId, lineCount: first!.lines.length });
    expect(ok.sent[0]!.readAt).toMatch(new RegExp(`/facilities/${f.facilityId}/reminders$`));
    // No names travel through the notifier.
    expect(JSON.stringify([...flaky.sent, ...ok.sent])).not.toContain('张伟');

    const all = await remindersOf(f.facilityId);
    expect(all.every((r) => r.delivery.state === 'delivered' && r.GSI2PK === undefined && r.delivery.deliveredAt)).toBe(true);
    expect(all.find((r) => r.reminderId === first!.reminderId)!.delivery.attempts).toBe(4);
    expect((await deliverReminders(new Date(), ok.notifier, { facilityIds: [f.facilityId] })).pending).toBe(0);
  });

  it('two runs at once send each reminder once (claims)', async () => {
    // A fresh reminder: the next day's release-due (an expired isolation).
    await releaseDue({ now: zonedInstant(addDays(stays[2]!.schedule.endDate, 1), '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] });
    const slow = recorder(() => false, 150);
    const [a, b] = await Promise.all([
      deliverReminders(new Date(), slow.notifier, { facilityIds: [f.facilityId] }),
      deliverReminders(new Date(), slow.notifier, { facilityIds: [f.facilityId] }),
    ]);
    expect(a.delivered + b.delivered).toBe(slow.sent.length);
    expect(new Set(slow.sent.map((n) => n.reminderId)).size).toBe(slow.sent.length);
    expect(a.skipped + b.skipped).toBe(slow.sent.length);
    expect(await pendingOf()).toEqual([]);
  });

  it('runs as a Lambda handler with the console notifier when no topic is configured', async () => {
    await retestDue({ now: zonedInstant(addDays(day, 2), '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] });
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const out = await deliverHandler({ ...scheduledEvent('deliver-reminders', new Date()), detail: { facilityIds: [f.facilityId] } });
      expect(out).toMatchObject({ notifier: 'console', delivered: 1 });
    } finally {
      process.stdout.write = original;
    }
    const line = JSON.parse(writes.find((w) => w.includes('"message":"reminder"'))!);
    expect(line).toMatchObject({ facilityId: f.facilityId, kind: 'retest_due', urgent: true, lineCount: 3 });
    expect(JSON.stringify(line)).not.toContain('张伟');
  });
});

describe('notifier adapters', () => {
  const n: ReminderNotification = { reminderId: 'r1', facilityId: 'f1', kind: 'positive_result', urgent: true, date: '2026-12-04', title: 'Positive result: room 101 · 阳性', lineCount: 1, readAt: 'http://x/facilities/f1/reminders' };

  it('console: one JSON line', async () => {
    const lines: string[] = [];
    await consoleNotifier((l) => lines.push(l)).send(n);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', message: 'reminder', reminderId: 'r1', lineCount: 1 });
  });
});

describe('GET /facilities/{facilityId}/reminders', () => {
  it('lists the facility\'s reminders newest first, paginated, to its staff only', async () => {
    const all = await api.call('GET', `/facilities/${f.facilityId}/reminders`, { token: f.staff });
    expect(all.status).toBe(200);
    const created = all.body.reminders.map((r: { createdAt: string }) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(all.body.reminders[0]).toMatchObject({ facilityId: f.facilityId, delivery: { state: 'delivered' } });
    expect(all.body.reminders[0].GSI1PK).toBeUndefined();
    expect(all.body.reminders.some((r: { lines: { name?: string }[] }) => r.lines.some((l) => l.name === '张伟'))).toBe(true);

    const page1 = await api.call('GET', `/facilities/${f.facilityId}/reminders?limit=2`, { token: f.staff });
    expect(page1.body.reminders).toHaveLength(2);
    const page2 = await api.call('GET', `/facilities/${f.facilityId}/reminders?limit=2&cursor=${page1.body.cursor}`, { token: f.staff });
    expect(page2.body.reminders[0].reminderId).toBe(all.body.reminders[2].reminderId);

    expect((await api.call('GET', `/facilities/${f.facilityId}/reminders`, { token: other.staff })).status).toBe(403);
    expect((await api.call('GET', `/facilities/${f.facilityId}/reminders?limit=0`, { token: f.staff })).status).toBe(400);
    expect((await api.call('GET', `/facilities/${f.facilityId}/reminders?cursor=garbage`, { token: f.staff })).status).toBe(400);
  });
});
