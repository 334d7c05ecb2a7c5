import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, newLab, result, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';

// The audit trail of one stay through its life, read by an admin at
// GET /stays/{id}/audit: who (actor), when (at) and what (action, changes) for the
// check-in, a check, a situation, a departure, lab results, the release and a
// document revoke. Staff, even of the stay's own facility, get 403.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let stay: StayFixture;
let staffSubject: string;
let documentId: string;
const started = new Date().toISOString();

interface Entry {
  stayId: string;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
}

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 3);
  staffSubject = JSON.parse(Buffer.from(f.staff.split('.')[1]!, 'base64url').toString()).sub;
  // Check-in 12 days ago and a negative day-12 retest by the lab (the release needs it).
  stay = await releasableStay(api, f, lab);
  const ok = async (label: string, p: Promise<{ status: number; text: string }>, status: number) => {
    const res = await p;
    if (res.status !== status) throw new Error(`${label}: ${res.status} ${res.text}`);
    return res;
  };
  await ok('check', api.call('POST', `/stays/${stay.stayId}/checks`, { token: f.staff, body: { temperatureC: 36.8, slot: 'morning' } }), 201);
  await ok('situation', api.call('POST', `/stays/${stay.stayId}/situations`, { token: f.staff, body: { kind: 'psychological_support', text: 'Asked to talk to someone' } }), 201);
  const departure = { destination: { city: 'Busan', country: 'KR' }, mode: 'flight', number: 'KE806', departureAt: new Date(Date.now() + 3 * 86_400_000).toISOString() };
  await ok('departure', api.call('PUT', `/stays/${stay.stayId}/departure`, { token: f.staff, body: departure }), 200);
  const second = await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(4), resultedAt: hoursAgo(2) })] });
  if (second.body?.results?.[0]?.status !== 'stored') throw new Error(`lab: ${second.text}`);
  const released = await ok('release', api.call('POST', `/stays/${stay.stayId}/release`, { token: f.staff }), 200);
  documentId = JSON.parse(released.text).documents[0].documentId;
  await ok('revoke', api.call('POST', `/stays/${stay.stayId}/documents/${documentId}/revoke`, { token: f.staff, body: { reason: 'Issued with a typo' } }), 200);
}, 120_000);
afterAll(() => api.close());

describe('audit trail', () => {
  it('lists every change with who, when and what', async () => {
    const res = await api.call('GET', `/stays/${stay.stayId}/audit`, { token: f.admin });
    expect(res.status).toBe(200);
    expect(res.body.stayId).toBe(stay.stayId);
    const entries = res.body.entries as Entry[];
    const now = new Date(Date.now() + 60_000).toISOString();
    for (const e of entries) {
      expect(e.stayId).toBe(stay.stayId);
      expect(e.actor, JSON.stringify(e)).toMatch(/\S/);
      expect(e.action).toMatch(/^[a-z_]+$/);
      expect(typeof e.changes).toBe('object');
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      expect(e.at <= now).toBe(true);
    }
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    const one = (action: string) => {
      const found = byAction(action);
      expect(found, `${action} in ${JSON.stringify(entries.map((e) => e.action))}`).toHaveLength(1);
      return found[0]!;
    };

    const checkIn = one('check_in');
    expect(checkIn.actor).toBe(staffSubject);
    expect(checkIn.changes).toMatchObject({ roomNumber: stay.roomNumber, status: 'active', facilityId: f.facilityId });

    const check = one('check_recorded');
    expect(check.actor).toBe(staffSubject);
    expect(check.at >= started).toBe(true);

    const situation = one('situation_recorded');
    expect(situation.actor).toBe(staffSubject);
    expect(situation.changes).toMatchObject({ kind: 'psychological_support', situationId: expect.any(String) });

    const departure = one('departure_set');
    expect(departure.actor).toBe(staffSubject);
    expect(Object.keys(departure.changes).length).toBeGreaterThan(0);

    const lab1 = byAction('lab_result');
    expect(lab1).toHaveLength(2);
    for (const e of lab1) {
      expect(e.actor).toBe(`lab:${lab.labId}`);
      expect(e.changes.results).toEqual([expect.objectContaining({ labId: lab.labId, sampleId: expect.any(String), result: 'negative', resultedAt: expect.any(String) })]);
    }

    const release = one('release');
    expect(release.actor).toBe(staffSubject);
    expect(Object.keys(release.changes).length).toBeGreaterThan(0);

    const revoke = one('revoke_document');
    expect(revoke.actor).toBe(staffSubject);
    expect(revoke.changes).toMatchObject({ documentId });

    // In order of time, and the release after the check-in and before the revoke.
    const times = entries.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(checkIn.at < release.at && release.at <= revoke.at).toBe(true);
  });

  it('is for admins only: staff of the stay\'s own facility get 403', async () => {
    const res = await api.call('GET', `/stays/${stay.stayId}/audit`, { token: f.staff });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('check_in');
    const multi = api.token('staff', [f.facilityId, 'another-hotel']);
    expect((await api.call('GET', `/stays/${stay.stayId}/audit`, { token: multi })).status).toBe(403);
  });

  it('answers 404 for an unknown stay (admin) and 403 for staff whatever the stay', async () => {
    expect((await api.call('GET', '/stays/S0000000000000000/audit', { token: f.admin })).status).toBe(404);
    expect((await api.call('GET', '/stays/S0000000000000000/audit', { token: f.staff })).status).toBe(403);
  });
});
