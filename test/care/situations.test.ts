import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { issuePaths, itemsOf, remindersOf, stayArrived } from './care-support.js';

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 5);
  other = await facilityWithRooms(api, 1);
});
afterAll(() => api.close());

describe('special-situation records', () => {
  it('records situations on the stay file with an audit entry, newest first; a medical transfer raises an urgent reminder', async () => {
    const { stayId, roomNumber } = await stayArrived(api, f, 4);
    const first = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'psychological_support', text: '  Anxious at night, asked to talk to a counsellor.  ' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stayId, roomNumber, kind: 'psychological_support', text: 'Anxious at night, asked to talk to a counsellor.' });
    await new Promise((r) => setTimeout(r, 5));
    const second = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'medical_transfer', text: '急性腹痛，120送医' } });
    expect(second.status).toBe(201);

    const list = await api.call('GET', `/stays/${stayId}/situations`, { token: f.staff });
    expect(list.status).toBe(200);
    expect(list.body.situations.map((s: { kind: string }) => s.kind)).toEqual(['medical_transfer', 'psychological_support']);

    const audit = (await itemsOf(`STAY#${stayId}`, 'AUDIT#')).filter((a) => a.action === 'situation_recorded');
    expect(audit).toHaveLength(2);
    // The audit trail names the kind, never the text.
    expect(JSON.stringify(audit)).not.toContain('counsellor');

    const reminders = (await remindersOf(f.facilityId)).filter((r) => r.kind === 'special_situation' && r.lines[0].stayId === stayId);
    expect(reminders.map((r) => r.urgent).sort()).toEqual([false, true]);
  });

  it('refuses bad input, unknown stays and other facilities', async () => {
    const { stayId } = await stayArrived(api, f, 1);
    const bad = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'fight', text: '' } });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(['kind', 'text']);
    const extra = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'other', text: 'x', severity: 3 } });
    expect(issuePaths(extra.body)).toEqual(['severity']);
    const long = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'other', text: 'x'.repeat(2001) } });
    expect(issuePaths(long.body)).toEqual(['text']);
    expect((await api.call('POST', `/stays/SNOSUCHSTAY00/situations`, { token: f.staff, body: { kind: 'other', text: 'x' } })).status).toBe(404);
    expect((await api.call('POST', `/stays/${stayId}/situations`, { token: other.staff, body: { kind: 'other', text: 'x' } })).status).toBe(403);
    expect((await api.call('GET', `/stays/${stayId}/situations`, { token: other.staff })).status).toBe(403);
  });
});
