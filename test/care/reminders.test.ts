import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesReminder, reminderView } from '../../functions/domain/reminder-view.js';
import type { Reminder } from '../../functions/entities/reminder.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf, stayArrived } from './care-support.js';

// Reminders have a handled state (who, when, note: audited, set once), filters (state,
// kind, room or name) and drop out once the stays they name close.

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 6);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const list = (query = '', token = f.staff) => api.call('GET', `/facilities/${f.facilityId}/reminders${query}`, { token });
const handle = (reminderId: string, body: unknown = {}, token = f.staff, facilityId = f.facilityId) =>
  api.call('PUT', `/facilities/${facilityId}/reminders/${reminderId}/handled`, { token, body });

async function feverOf(nameNative: string) {
  const s = await stayArrived(api, f, 3, { nameNative });
  const r = await api.call('POST', `/stays/${s.stayId}/checks`, { token: f.staff, body: { temperatureC: 38.4, slot: 'morning', measuredAt: hourAgo() } });
  expect(r.status).toBe(201);
  return { ...s, reminderId: r.body.reminderId as string };
}

describe('reminder states', () => {
  const base: Reminder = {
    reminderId: 'r1', facilityId: 'f', kind: 'retest_due', urgent: false, date: '2026-12-01', title: 'x', createdAt: '2026-12-01T00:00:00Z',
    lines: [{ stayId: 'a', roomNumber: '112', name: '赵磊' }, { stayId: 'b', roomNumber: '203', name: 'LI Na' }],
    delivery: { state: 'delivered', attempts: 1 },
  };
  it('is open while someone it names is in, closed once all left, handled once marked', () => {
    expect(reminderView(base, () => true).state).toBe('open');
    const half = reminderView(base, (id) => id === 'b');
    expect(half.state).toBe('open');
    expect(half.lines.map((l) => l.closed)).toEqual([true, undefined]);
    expect(reminderView(base, () => false).state).toBe('closed');
    expect(reminderView({ ...base, handled: { by: 'n', at: '2026-12-01T01:00:00Z' } }, () => false).state).toBe('handled');
    // A reminder naming no stay never closes by itself.
    expect(reminderView({ ...base, lines: [{ note: 'sample S1' }] }, () => false).state).toBe('open');
  });
  it('filters by state, kind, room start and any part of a name', () => {
    const v = reminderView(base, () => true);
    expect(matchesReminder(v, { state: 'open', kind: 'retest_due' })).toBe(true);
    expect(matchesReminder(v, { state: 'handled' })).toBe(false);
    expect(matchesReminder(v, { kind: 'positive_result' })).toBe(false);
    expect(matchesReminder(v, { q: '11' })).toBe(true);
    expect(matchesReminder(v, { q: '12' })).toBe(false);
    expect(matchesReminder(v, { q: '赵' })).toBe(true);
    expect(matchesReminder(v, { q: 'li na' })).toBe(true);
    expect(matchesReminder(v, { q: 'Ｌｉ' })).toBe(true);
  });
});

describe('handling reminders over the API', () => {
  it('marks a reminder handled once (who, when, note), audited; a second marking changes nothing', async () => {
    const s = await feverOf('赵磊');
    const first = await handle(s.reminderId, { note: '已通知医生' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ reminderId: s.reminderId, state: 'handled', handled: { by: expect.any(String), at: expect.any(String), note: '已通知医生' } });
    const again = await handle(s.reminderId, { note: 'other' });
    expect(again.status).toBe(200);
    expect(again.body.handled).toEqual(first.body.handled);
    const audit = (await itemsOf(`FACILITY#${f.facilityId}`)).filter((i) => String(i.SK).startsWith('AUDIT#') && i.action === 'reminder_handled' && (i.changes as { reminderId?: string }).reminderId === s.reminderId);
    expect(audit).toHaveLength(1);
    // Listed as handled, not among the open ones.
    const handled = await list('?state=handled');
    expect(handled.body.reminders.map((r: { reminderId: string }) => r.reminderId)).toContain(s.reminderId);
    const open = await list('?state=open');
    expect(open.body.reminders.map((r: { reminderId: string }) => r.reminderId)).not.toContain(s.reminderId);
  });

  it('refuses an unknown reminder, another facility and a bad note', async () => {
    const s = await feverOf('钱多');
    expect((await handle('fever_or_symptom-nope')).status).toBe(404);
    expect((await handle(s.reminderId, {}, other.staff)).status).toBe(403);
    const bad = await handle(s.reminderId, { note: 'x'.repeat(501), by: 'me' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['by', 'note']);
    const query = await list('?state=done&kind=nope');
    expect(query.status).toBe(400);
    expect(query.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.kind', 'query.state']);
  });

  it('drops a reminder out once the stay it names closes', async () => {
    const s = await feverOf('孙悦');
    const search = `?state=open&kind=fever_or_symptom&q=${encodeURIComponent('孙悦')}`;
    expect((await list(search)).body.reminders.map((r: { reminderId: string }) => r.reminderId)).toEqual([s.reminderId]);
    expect((await list(`?q=${s.roomNumber}`)).body.reminders.map((r: { reminderId: string }) => r.reminderId)).toContain(s.reminderId);
    expect((await api.call('POST', `/stays/${s.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital' } })).status).toBe(200);
    expect((await list(search)).body.reminders).toEqual([]);
    const closed = (await list('?state=closed')).body.reminders.find((r: { reminderId: string }) => r.reminderId === s.reminderId);
    expect(closed).toMatchObject({ state: 'closed', lines: [{ stayId: s.stayId, closed: true }] });
  });
});
