import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as retestDueHandler } from '../../functions/handlers/retest-due.js';
import { handler as releaseDueHandler } from '../../functions/handlers/release-due.js';
import { retestDue, releaseDue } from '../../functions/use-cases/due-jobs.js';
import { ingestLabResults } from '../../functions/use-cases/ingest-lab-results.js';
import { scheduledEvent } from '../../local/job-timers.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { remindersOf, scopeLab, stayArrived, type StayFixture } from '../lab/lab-support.js';
import { addDays, zonedInstant } from './job-support.js';

// The due-item jobs at the edges of the facility's day, in two time zones: what is
// due is decided by the facility-local date of the run's clock (the scheduled
// event's time), a second run the same day writes nothing new, and the jobs read
// only the due items (and the stays they name).

let api: TestApi;
const zones = ['Asia/Shanghai', 'America/New_York'] as const;
const facilities: Record<string, FacilityFixture> = {};

beforeAll(async () => {
  api = await startApi();
  for (const tz of zones) facilities[tz] = await facilityWithRooms(api, 12, { timeZone: tz });
  await scopeLab('jobs-lab', { all: true });
});
afterAll(() => api.close());

const reminder = async (facilityId: string, id: string) => (await remindersOf(facilityId)).find((r) => r.reminderId === id);

describe.each(zones)('retest-due in %s', (tz) => {
  let f: FacilityFixture;
  let due1: StayFixture;
  let due2: StayFixture;
  let later: StayFixture;
  let retestDate: string;
  const run = (date: string, time: string) => retestDue({ now: zonedInstant(date, time, tz), facilityIds: [f.facilityId] });

  beforeAll(async () => {
    f = facilities[tz]!;
    due1 = await stayArrived(api, f, 11);
    due2 = await stayArrived(api, f, 11);
    later = await stayArrived(api, f, 5);
    retestDate = due1.schedule.retestDates[0]!;
    expect(due2.schedule.retestDates[0]).toBe(retestDate);
  });

  it('23:59 the day before: nothing due; 00:01 on the retest day: both flagged in one reminder', async () => {
    const before = await run(addDays(retestDate, -1), '23:59');
    expect(before).toMatchObject({ dueToday: 0, overdue: 0, remindersWritten: 0 });
    expect(await reminder(f.facilityId, `retest_due-${addDays(retestDate, -1)}`)).toBeUndefined();

    const on = await run(retestDate, '00:01');
    expect(on).toMatchObject({ job: 'retest-due', facilities: 1, dueToday: 2, overdue: 0, remindersWritten: 1 });
    const r = await reminder(f.facilityId, `retest_due-${retestDate}`);
    expect(r).toMatchObject({ kind: 'retest_due', urgent: false, date: retestDate, title: 'Retest: 2 due today', GSI2PK: 'OUTBOX' });
    expect(r!.lines.map((l: { stayId: string }) => l.stayId).sort()).toEqual([due1.stayId, due2.stayId].sort());
    expect(r!.lines[0]).toMatchObject({ name: '张伟', day: 12 });
    expect(r!.lines.every((l: { roomNumber: string }) => [due1.roomNumber, due2.roomNumber].includes(l.roomNumber))).toBe(true);
    expect(r!.lines.some((l: { stayId: string }) => l.stayId === later.stayId)).toBe(false);
  });

  it('is idempotent: later runs the same day write nothing new', async () => {
    const again = await run(retestDate, '00:05');
    const noon = await run(retestDate, '12:00');
    expect(again).toMatchObject({ dueToday: 2, remindersWritten: 0 });
    expect(noon.remindersWritten).toBe(0);
    expect((await remindersOf(f.facilityId)).filter((r) => r.kind === 'retest_due' && r.date === retestDate)).toHaveLength(1);
  });

  it('the next day reports a retest with no sample as overdue (urgent); a sample taken on the day resolves it', async () => {
    const lab = 'jobs-lab';
    await ingestLabResults(lab, [
      { sampleId: `R${due1.stayId}`, stayId: due1.stayId, collectedAt: zonedInstant(retestDate, '09:00', tz).toISOString(), resultedAt: zonedInstant(retestDate, '18:00', tz).toISOString(), result: 'negative' },
    ]);
    const next = await run(addDays(retestDate, 1), '00:01');
    expect(next).toMatchObject({ dueToday: 0, overdue: 1, remindersWritten: 1 });
    const r = await reminder(f.facilityId, `retest_due-${addDays(retestDate, 1)}`);
    expect(r).toMatchObject({ urgent: true, title: 'Retest: 0 due today, 1 overdue', lines: [{ stayId: due2.stayId, day: 12 }] });
    expect(r!.lines[0].note).toContain('overdue');
    // It reads only the open RETEST items up to today (1) and their stay (1), plus the facility.
    expect(next.itemsRead).toBe(3);
  });

  it('runs through the Lambda handler with the clock taken from the scheduled event', async () => {
    const event = { ...scheduledEvent('retest-due', zonedInstant(addDays(retestDate, 2), '00:01', tz)), detail: { facilityIds: [f.facilityId] } };
    const out = await retestDueHandler(event);
    expect(out).toMatchObject({ at: event.time, overdue: 1, remindersWritten: 1 });
  });
});

describe('one run, two time zones', () => {
  it('decides "today" per facility: 00:01 in Shanghai is still yesterday in New York', async () => {
    const sh = await facilityWithRooms(api, 2, { timeZone: 'Asia/Shanghai' });
    const ny = await facilityWithRooms(api, 2, { timeZone: 'America/New_York' });
    const a = await stayArrived(api, sh, 11);
    const b = await stayArrived(api, ny, 11);
    const date = a.schedule.retestDates[0]!;
    const now = zonedInstant(date, '00:01', 'Asia/Shanghai');
    const out = await retestDue({ now, facilityIds: [sh.facilityId, ny.facilityId] });
    const nyToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
    expect(nyToday).toBe(addDays(date, -1));
    expect(out.reminders.map((r) => r.facilityId)).toEqual(b.schedule.retestDates[0] === nyToday ? [sh.facilityId, ny.facilityId].sort() : [sh.facilityId]);
    expect(out.reminders.find((r) => r.facilityId === sh.facilityId)).toMatchObject({ reminderId: `retest_due-${date}`, written: true });
  });
});

describe.each(zones)('release-due in %s', (tz) => {
  let f: FacilityFixture;
  let ending: StayFixture;
  let documents: StayFixture;
  let transferred: StayFixture;
  let positive: StayFixture;
  const run = (date: string, time: string) => releaseDue({ now: zonedInstant(date, time, tz), facilityIds: [f.facilityId] });

  beforeAll(async () => {
    f = await facilityWithRooms(api, 8, { timeZone: tz });
    ending = await stayArrived(api, f, 13);
    documents = await stayArrived(api, f, 12);
    transferred = await stayArrived(api, f, 13);
    positive = await stayArrived(api, f, 12);
    expect((await api.call('POST', `/stays/${transferred.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital' } })).status).toBe(200);
    await ingestLabResults('jobs-lab', [{ sampleId: `P${positive.stayId}`, stayId: positive.stayId, collectedAt: new Date(Date.now() - 3600_000).toISOString(), resultedAt: new Date().toISOString(), result: 'positive' }]);
  });

  it('expired isolation: not on the last day (23:59), at 00:01 the day after; never for closed or positive stays', async () => {
    const end = ending.schedule.endDate;
    const last = await run(end, '23:59');
    expect(last.expired).toBe(0);
    const after = await run(addDays(end, 1), '00:01');
    expect(after.expired).toBe(1);
    const r = await reminder(f.facilityId, `expired_isolation-${addDays(end, 1)}`);
    expect(r).toMatchObject({ kind: 'expired_isolation', urgent: true, title: 'Isolation ended, not released: 1', lines: [{ stayId: ending.stayId, roomNumber: ending.roomNumber, day: 15 }] });
    expect(JSON.stringify(r)).not.toContain(transferred.stayId);
    expect(JSON.stringify(r)).not.toContain(positive.stayId);
  });

  it('documents due on the document day only (day 13), not the evening before', async () => {
    const day = documents.schedule.documentDate;
    // The evening before is the document day of the stay that arrived a day earlier, not this one's.
    const eve = await run(addDays(day, -1), '23:59');
    const eveReminder = await reminder(f.facilityId, `documents_due-${addDays(day, -1)}`);
    expect(eve.documentsDue).toBe(1);
    expect(eveReminder!.lines.map((l: { stayId: string }) => l.stayId)).toEqual([ending.stayId]);
    // On the day: this stay; not the positive one (its documents were resolved), not the transferred one.
    const on = await run(day, '00:01');
    expect(on.documentsDue).toBe(1);
    const r = await reminder(f.facilityId, `documents_due-${day}`);
    expect(r).toMatchObject({ kind: 'documents_due', urgent: false, lines: [{ stayId: documents.stayId, day: 13 }] });
    // Idempotent, and through the handler with the event's clock.
    const again = await releaseDueHandler({ ...scheduledEvent('release-due', zonedInstant(day, '09:00', tz)), detail: { facilityIds: [f.facilityId] } });
    expect(again).toMatchObject({ documentsDue: 1, remindersWritten: 0 });
    expect((await remindersOf(f.facilityId)).filter((x) => x.reminderId === `documents_due-${day}`)).toHaveLength(1);
  });
});

describe('npm run job (local/job-cli.ts)', () => {
  it('runs a job at a given clock against the configured table and prints the result', async () => {
    const f = await facilityWithRooms(api, 2, { timeZone: 'Asia/Shanghai' });
    const stay = await stayArrived(api, f, 11);
    const date = stay.schedule.retestDates[0]!;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'local/job-cli.ts', 'retest-due', '--at', `${date}T00:01:00+08:00`, '--facility', f.facilityId], {
      env: { ...process.env, TABLE_NAME: inject('tableName'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), LOG_LEVEL: 'silent' },
    });
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ job: 'retest-due', at: zonedInstant(date, '00:01', 'Asia/Shanghai').toISOString(), dueToday: 1, remindersWritten: 1 });
    expect(await reminder(f.facilityId, `retest_due-${date}`)).toBeDefined();
  }, 60_000);
});
