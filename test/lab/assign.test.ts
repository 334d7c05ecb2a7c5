import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, itemsOf, newLab, result, sampleItems, stayArrived, useLabs, type TestLab } from './lab-support.js';

// Assigning an unmatched sample by hand: staff only when the sample's subject names
// the stay's person (document normalised as in matching); an administrator with a
// reason otherwise. Undoing it puts the sample back in the queue. Staff learn
// nothing about samples that are not theirs: one answer for unknown and not-yours.

let api: TestApi;
let f: FacilityFixture;
let g: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 8);
  g = await facilityWithRooms(api, 4);
});
afterAll(() => api.close());

const assign = (sampleId: string, body: unknown, token: string) => api.call('POST', `/lab/unmatched/${lab.labId}/${sampleId}/assign`, { token, body });
const unassign = (sampleId: string, body: unknown, token: string) => api.call('POST', `/lab/samples/${lab.labId}/${sampleId}/unassign`, { token, body });
const answer = (res: { status: number; body: Record<string, unknown> }) => {
  const { requestId: _, ...body } = res.body;
  return { status: res.status, body };
};

/** A sample of this person collected before their stay began: no rule matches it. */
async function earlySample(document: { type: string; number: string; country: string }) {
  const r = result({ document, collectedAt: hoursAgo(10 * 24), resultedAt: hoursAgo(9 * 24) });
  const res = await deliver(api, lab, { results: [r] });
  expect(res.body.results[0].status).toBe('unmatched');
  return r.sampleId;
}

describe('assigning an unmatched sample', () => {
  it('staff assign a sample whose document names the person (spaces and case as the lab typed them)', async () => {
    const stay = await stayArrived(api, f, 2);
    const sampleId = await earlySample({ ...stay.document, number: ` ${stay.document.number.slice(0, 3)} ${stay.document.number.slice(3).toLowerCase()}` });
    const res = await assign(sampleId, { stayId: stay.stayId }, f.staff);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'matched', stayId: stay.stayId, subjectMatches: true });
    const audit = await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#');
    expect(audit.find((a) => a.action === 'lab_result_assigned')?.changes).toMatchObject({ subjectMatches: true, role: 'staff' });
  });

  it('staff get one answer for an unknown sample, one naming another person and one of another facility', async () => {
    const mine = await stayArrived(api, f, 2);
    const someoneElse = await earlySample({ type: 'passport', number: 'X0000000', country: 'CN' });
    const ofG = await stayArrived(api, g, 2);
    const gSample = result({ stayId: ofG.stayId });
    expect((await deliver(api, lab, { results: [gSample] })).body.results[0].status).toBe('stored');

    const unknown = answer(await assign('NOSUCHSAMPLE1', { stayId: mine.stayId }, f.staff));
    expect(unknown.status).toBe(404);
    expect(answer(await assign(someoneElse, { stayId: mine.stayId }, f.staff))).toEqual(unknown);
    expect(answer(await assign(gSample.sampleId, { stayId: mine.stayId }, f.staff))).toEqual(unknown);
    expect(answer(await unassign('NOSUCHSAMPLE1', { reason: 'probe' }, f.staff))).toEqual(unknown);
    expect(answer(await unassign(gSample.sampleId, { reason: 'Not ours at all' }, f.staff))).toEqual(unknown);
    expect(answer(await unassign(someoneElse, { reason: 'Not ours at all' }, f.staff))).toEqual(unknown);
    expect(JSON.stringify(unknown)).not.toContain(ofG.stayId);
    // Nothing moved.
    expect((await sampleItems(lab.labId, someoneElse)).find((i) => i.SK === 'SAMPLE')).toMatchObject({ state: 'unmatched' });
    expect((await sampleItems(lab.labId, gSample.sampleId)).find((i) => i.SK === 'SAMPLE')).toMatchObject({ state: 'matched', stayId: ofG.stayId });
  });

  it('an administrator may assign a sample naming another document, with a reason (audited)', async () => {
    const stay = await stayArrived(api, f, 2);
    const sampleId = await earlySample({ type: 'passport', number: 'TYPO12345', country: 'CN' });
    const noReason = await assign(sampleId, { stayId: stay.stayId }, f.admin);
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const res = await assign(sampleId, { stayId: stay.stayId, reason: 'Lab typed the passport number wrong; slip checked' }, f.admin);
    expect(res.status).toBe(200);
    expect(res.body.subjectMatches).toBe(false);
    const audit = await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#');
    expect(audit.find((a) => a.action === 'lab_result_assigned')?.changes).toMatchObject({ subjectMatches: false, role: 'admin', reason: 'Lab typed the passport number wrong; slip checked' });
  });

  it('an assignment is undone by staff of the stay: back in the queue, off the file, audited', async () => {
    const stay = await stayArrived(api, f, 2);
    const sampleId = await earlySample(stay.document);
    expect((await assign(sampleId, { stayId: stay.stayId }, f.staff)).status).toBe(200);
    expect((await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff })).body.tests.map((t: { sampleId: string }) => t.sampleId)).toContain(sampleId);

    expect((await unassign(sampleId, {}, f.staff)).status).toBe(400); // a reason is required
    const res = await unassign(sampleId, { reason: 'Assigned to the wrong twin' }, f.staff);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'unmatched', unmatchedReason: 'unassigned', previousStayId: stay.stayId });
    expect((await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff })).body.tests.map((t: { sampleId: string }) => t.sampleId)).not.toContain(sampleId);
    const queue = await api.call('GET', '/lab/unmatched?limit=200', { token: f.admin });
    expect(queue.body.samples.find((s: { sampleId: string }) => s.sampleId === sampleId)).toMatchObject({ reason: 'unassigned' });
    const audit = await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#');
    expect(audit.find((a) => a.action === 'lab_result_unassigned')?.changes).toMatchObject({ labId: lab.labId, sampleId, reason: 'Assigned to the wrong twin', role: 'staff' });

    // Back in the queue it can be assigned again; a sample the lab matched itself is not "unassigned" by hand.
    expect((await unassign(sampleId, { reason: 'Again' }, f.admin)).body.reasons[0].code).toBe('not_assigned');
    expect((await assign(sampleId, { stayId: stay.stayId }, f.staff)).status).toBe(200);
    const direct = result({ stayId: stay.stayId });
    await deliver(api, lab, { results: [direct] });
    const refused = await unassign(direct.sampleId, { reason: 'Not by hand' }, f.staff);
    expect(refused.status).toBe(409);
    expect(refused.body.reasons[0].code).toBe('not_assigned');
  });
});
