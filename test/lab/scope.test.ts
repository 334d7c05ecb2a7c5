import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { servesFacility } from '../../functions/domain/lab-scope.js';
import { labKeys } from '../../functions/entities/lab.js';
import { db, tableName } from '../../functions/shared/db.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, itemsOf, newLab, result, sampleItems, stayArrived, useLabs, type TestLab } from './lab-support.js';

// Labs are scoped: an administrator sets which facilities a lab serves
// (PUT /labs/{labId}/facilities). A result for a stay elsewhere never lands on the
// stay: it waits in the admins' unmatched queue (outside_lab_scope). A lab nobody
// scoped serves no facility.

let api: TestApi;
let f: FacilityFixture;
let g: FacilityFixture;
let lab: TestLab;
let unscoped: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab('scoped');
  unscoped = newLab('unscoped');
  await useLabs(lab, unscoped);
  f = await facilityWithRooms(api, 4);
  g = await facilityWithRooms(api, 4);
  // Known to the webhook (it can sign) but never given a scope.
  await db().send(new DeleteCommand({ TableName: tableName(), Key: labKeys.key(unscoped.labId) }));
});
afterAll(() => api.close());

const setScope = (labId: string, facilities: unknown, token = f.admin) => api.call('PUT', `/labs/${labId}/facilities`, { token, body: { facilities } });

describe('lab scope', () => {
  it('servesFacility: a list, all, or nothing when unset', () => {
    expect(servesFacility({ all: false, facilities: ['a'] }, 'a')).toBe(true);
    expect(servesFacility({ all: false, facilities: ['a'] }, 'b')).toBe(false);
    expect(servesFacility({ all: true }, 'b')).toBe(true);
    expect(servesFacility(undefined, 'a')).toBe(false);
    // Facility ids are case-insensitive here too.
    expect(servesFacility({ all: false, facilities: ['fa'] }, 'FA')).toBe(true);
  });

  it('an administrator sets the facilities; staff cannot; unknown labs and facilities are refused', async () => {
    const res = await setScope(lab.labId, [f.facilityId]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ labId: lab.labId, scope: { all: false, facilities: [f.facilityId] } });
    expect((await setScope(lab.labId, [g.facilityId], f.staff)).status).toBe(403);
    expect((await setScope('no-such-lab', [f.facilityId])).status).toBe(404);
    const unknown = await setScope(lab.labId, [f.facilityId, 'no-such-facility']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ path: 'facilities.1', code: 'unknown_facility' })]);
    expect((await setScope(lab.labId, 'some')).status).toBe(400);
  });

  it('a result for a stay of a facility the lab does not serve goes to the admins, never onto the stay', async () => {
    expect((await setScope(lab.labId, [f.facilityId])).status).toBe(200);
    const mine = await stayArrived(api, f, 2);
    const elsewhere = await stayArrived(api, g, 2);
    const byId = result({ stayId: elsewhere.stayId, result: 'positive' });
    const byDocument = result({ document: elsewhere.document });
    const ok = result({ stayId: mine.stayId });
    const res = await deliver(api, lab, { results: [byId, byDocument, ok] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string; unmatchedReason?: string }) => `${r.status}:${r.unmatchedReason ?? ''}`)).toEqual([
      'unmatched:outside_lab_scope',
      'unmatched:outside_lab_scope',
      'stored:',
    ]);
    expect(await itemsOf(`STAY#${elsewhere.stayId}`, 'TEST#')).toHaveLength(0);
    expect((await api.call('GET', `/stays/${elsewhere.stayId}`, { token: g.staff })).body.status).toBe('active');
    const queue = await api.call('GET', '/lab/unmatched?limit=200', { token: f.admin });
    expect(queue.body.samples.find((s: { sampleId: string }) => s.sampleId === byId.sampleId)).toMatchObject({ reason: 'outside_lab_scope', result: 'positive' });

    // G's staff cannot pull it in by hand (the same answer as an unknown sample); an admin can, with a reason.
    const staffTry = await api.call('POST', `/lab/unmatched/${lab.labId}/${byDocument.sampleId}/assign`, { token: g.staff, body: { stayId: elsewhere.stayId } });
    expect(staffTry.status).toBe(404);
    const adminAssign = await api.call('POST', `/lab/unmatched/${lab.labId}/${byDocument.sampleId}/assign`, { token: f.admin, body: { stayId: elsewhere.stayId } });
    expect(adminAssign.status).toBe(200);

    // Once the admin extends the scope, the lab's next results land.
    expect((await setScope(lab.labId, [f.facilityId, g.facilityId])).status).toBe(200);
    const later = result({ stayId: elsewhere.stayId });
    expect((await deliver(api, lab, { results: [later] })).body.results[0]).toMatchObject({ status: 'stored', stayId: elsewhere.stayId });
    expect((await setScope(lab.labId, 'all')).body.scope).toEqual({ all: true });
  });

  it('a lab nobody scoped serves no facility', async () => {
    const stay = await stayArrived(api, f, 2);
    const r = result({ stayId: stay.stayId });
    expect((await deliver(api, unscoped, { results: [r] })).body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'outside_lab_scope' });
    expect((await sampleItems(unscoped.labId, r.sampleId)).find((i) => i.SK === 'SAMPLE')).toMatchObject({ state: 'unmatched' });
  });
});
