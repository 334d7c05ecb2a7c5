import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/domain/calendar.js';
import { deliver, hoursAgo, newLab, result, useLabs, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, stayArrived, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';

// PUT /stays/{stayId}/schedule: extending or shortening one stay with a recorded reason
// moves every date that depends on it (file, board, jobs' due items, release).

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 10);
});
afterAll(() => api.close());

const change = (stayId: string, body: unknown, token = f.staff) => api.call('PUT', `/stays/${stayId}/schedule`, { token, body });
const openDue = async (stayId: string) =>
  (await itemsOf(`STAY#${stayId}`, 'DUE#')).filter((d) => d.state === 'open').map((d) => `${d.kind}:${d.dueDate}`).sort();

describe('changing one stay’s observation period', () => {
  it('extends a stay to 21 days: new dates on the file and the board, due items moved, reason audited', async () => {
    const s = await stayArrived(api, f, 3);
    const day = (n: number) => addDays(s.schedule.day1Date, n - 1);
    const res = await change(s.stayId, { stayDays: 21, retestDays: [12, 19], documentDay: 20, reason: 'Close contact of a confirmed case on the same flight' });
    expect(res.status).toBe(200);
    expect(res.body.schedule).toEqual({ day1Date: day(1), retestDates: [day(12), day(19)], documentDate: day(20), endDate: day(21), releaseDate: day(22) });
    expect(res.body.previous.schedule.endDate).toBe(day(14));

    expect((await api.call('GET', `/stays/${s.stayId}`, { token: f.staff })).body.schedule.endDate).toBe(day(21));
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(JSON.stringify(board.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === s.roomNumber))).toContain(day(21));
    expect(await openDue(s.stayId)).toEqual([`DOCUMENT:${day(20)}`, `END:${day(21)}`, `RETEST:${day(12)}`, `RETEST:${day(19)}`]);

    const audit = await api.call('GET', `/stays/${s.stayId}/audit`, { token: f.admin });
    expect(audit.body.entries.find((e: { action: string }) => e.action === 'schedule_changed')).toMatchObject({
      changes: { from: { stayDays: 14, endDate: day(14) }, to: { stayDays: 21, endDate: day(21) }, reason: 'Close contact of a confirmed case on the same flight' },
    });
  });

  it('an extended stay cannot be released on its old document day', async () => {
    const s = await releasableStay(api, f, lab);
    expect((await change(s.stayId, { stayDays: 21, retestDays: [12, 19], documentDay: 20, reason: 'Extended by the district team' })).status).toBe(200);
    const release = await api.call('POST', `/stays/${s.stayId}/release`, { token: f.staff });
    expect(release.status).toBe(409);
    expect(release.body.reasons.map((r: { code: string }) => r.code)).toContain('before_document_day');
  });

  it('shortens to 10 days: a retest already sampled stays done, the new end is today', async () => {
    const s = await stayArrived(api, f, 9); // today is day 10
    const day = (n: number) => addDays(s.schedule.day1Date, n - 1);
    await deliver(api, lab, { results: [result({ stayId: s.stayId, collectedAt: hoursAgo(1), resultedAt: hoursAgo(0.5) })] });
    // Below the facility's 14 / [12] / 13: an administrator's decision.
    const res = await change(s.stayId, { stayDays: 10, retestDays: [8], documentDay: 9, reason: 'Policy changed to 10 days' }, f.admin);
    expect(res.status).toBe(200);
    expect(res.body.schedule.endDate).toBe(day(10));
    expect(await openDue(s.stayId)).toEqual([`DOCUMENT:${day(9)}`, `END:${day(10)}`]);
    const retest = (await itemsOf(`STAY#${s.stayId}`, `DUE#RETEST#${day(8)}`))[0];
    expect(retest).toMatchObject({ state: 'resolved', resolution: 'sample_collected' });
    expect(retest!.GSI3PK).toBeUndefined();
  });

  it('staff may extend but not shorten below the facility policy: 14 days cut to 1 without retests is refused', async () => {
    const s = await stayArrived(api, f, 0);
    const before = await itemsOf(`STAY#${s.stayId}`);
    const cut = await change(s.stayId, { stayDays: 1, retestDays: [], documentDay: 1, reason: 'Leaving today' });
    expect(cut.status).toBe(403);
    expect(cut.body.reasons).toEqual([{ code: 'shortening_needs_admin', message: expect.stringContaining('1 days is shorter than the facility') }]);
    expect(cut.body.reasons[0].message).toContain('0 retests are fewer');
    expect(cut.body.reasons[0].message).toContain('Document day 1 is earlier');
    // Each kind of weakening alone is refused too: an earlier last retest, an earlier document day.
    expect((await change(s.stayId, { retestDays: [5], reason: 'Retest earlier' })).status).toBe(403);
    expect((await change(s.stayId, { stayDays: 21, documentDay: 12, retestDays: [12], reason: 'Earlier document' })).status).toBe(403);
    expect(await itemsOf(`STAY#${s.stayId}`)).toEqual(before);
    const release = await api.call('POST', `/stays/${s.stayId}/release`, { token: f.staff });
    expect(release.status).toBe(409);

    // An administrator may, and the audit says it went below the policy.
    const byAdmin = await change(s.stayId, { stayDays: 1, retestDays: [], documentDay: 1, reason: 'District order: released to home isolation' }, f.admin);
    expect(byAdmin.status).toBe(200);
    const audit = await api.call('GET', `/stays/${s.stayId}/audit`, { token: f.admin });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'schedule_changed');
    expect(entry.changes).toMatchObject({ belowPolicy: ['fewer_days', 'fewer_retests', 'earlier_document_day'], role: 'admin' });
    // Back to the facility's policy is an extension: staff may.
    expect((await change(s.stayId, { stayDays: 14, retestDays: [12], documentDay: 13, reason: 'Order withdrawn' })).status).toBe(200);
  });

  it('refuses an end before today, a missing reason, unknown fields, a closed stay and other facilities', async () => {
    const s = await stayArrived(api, f, 9);
    const past = await change(s.stayId, { stayDays: 7, retestDays: [5], documentDay: 6, reason: 'too short' });
    expect(past.status).toBe(400);
    expect(past.body.issues.map((i: { path: string }) => i.path)).toEqual(['stayDays']);
    const noReason = await change(s.stayId, { stayDays: 21 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['reason']));
    expect((await change(s.stayId, { stayDays: 21, retestDays: [12], documentDay: 20, reason: 'ok', endDate: '2030-01-01' })).status).toBe(400);
    const other = await facilityWithRooms(api, 0);
    expect((await change(s.stayId, { stayDays: 21, documentDay: 20, reason: 'not mine' }, other.staff)).status).toBe(403);
    const before = await itemsOf(`STAY#${s.stayId}`, 'DUE#');
    expect(await itemsOf(`STAY#${s.stayId}`, 'DUE#')).toEqual(before);

    await api.call('POST', `/stays/${s.stayId}/transfer`, { token: f.staff, body: { destination: 'Zhengzhou Sixth People’s Hospital' } });
    const closed = await change(s.stayId, { stayDays: 21, documentDay: 20, reason: 'too late' });
    expect(closed.status).toBe(409);
    expect(closed.body.reasons[0].code).toBe('stay_not_active');
  });
});
