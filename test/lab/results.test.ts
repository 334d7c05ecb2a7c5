import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestResults, latestRetestResult } from '../../functions/use-cases/stay-test-results.js';
import { getStay } from '../../functions/entities/stay.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, dueItemsOf, hoursAgo, itemsOf, newLab, remindersOf, result, sampleItems, stayArrived, useLabs, type TestLab } from './lab-support.js';

let api: TestApi;
let f: FacilityFixture;
let other: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  lab = newLab();
  await useLabs(lab);
  api = await startApi();
  f = await facilityWithRooms(api, 20);
  other = await facilityWithRooms(api, 2);
});
afterAll(async () => {
  delete process.env.LAB_SECRETS;
  await api.close();
});

const versionsOf = async (sampleId: string) => (await sampleItems(lab.labId, sampleId)).filter((i) => i.SK.startsWith('VERSION#'));
const sampleOf = async (sampleId: string) => (await sampleItems(lab.labId, sampleId)).find((i) => i.SK === 'SAMPLE');

describe('storing results: stored, duplicate, superseded, stale', () => {
  it('stores a result once; a resend (even with another offset notation) is a duplicate with no new record', async () => {
    const stay = await stayArrived(api, f, 3);
    const r = result({ stayId: stay.stayId, collectedAt: '2026-01-01T00:00:00Z', resultedAt: '2026-01-01T06:00:00Z' });
    const first = await deliver(api, lab, { results: [r, r] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ labId: lab.labId, received: 2, counts: { stored: 1, duplicate: 1 } });
    expect(first.body.results.map((x: { status: string }) => x.status)).toEqual(['stored', 'duplicate']);
    const again = await deliver(api, lab, { results: [{ ...r, collectedAt: '2026-01-01T08:00:00+08:00', resultedAt: '2026-01-01T14:00:00.000+08:00' }] });
    expect(again.body.results[0]).toMatchObject({ status: 'duplicate', stayId: stay.stayId });
    expect(await versionsOf(r.sampleId)).toHaveLength(1);
    const tests = await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff });
    expect(tests.status).toBe(200);
    expect(tests.body.tests).toHaveLength(1);
    expect(tests.body.tests[0]).toMatchObject({ sampleId: r.sampleId, labId: lab.labId, result: 'negative', collectedAt: '2026-01-01T00:00:00.000Z', matchedBy: 'stay_id' });
  });

  it('a later report supersedes the current one (history kept); an earlier one arriving late is stale', async () => {
    const stay = await stayArrived(api, f, 4);
    const id = result().sampleId;
    const v1 = result({ sampleId: id, stayId: stay.stayId, collectedAt: hoursAgo(30), resultedAt: hoursAgo(20), result: 'inconclusive' });
    const v2 = { ...v1, resultedAt: hoursAgo(10), result: 'negative', ct: 38.5 };
    const v0 = { ...v1, resultedAt: hoursAgo(25), result: 'negative' };
    expect((await deliver(api, lab, { results: [v1] })).body.results[0].status).toBe('stored');
    expect((await deliver(api, lab, { results: [v2] })).body.results[0].status).toBe('superseded');
    expect((await deliver(api, lab, { results: [v0] })).body.results[0].status).toBe('stale');
    expect((await deliver(api, lab, { results: [v1, v2, v0] })).body.counts).toMatchObject({ duplicate: 3 });

    expect(await versionsOf(id)).toHaveLength(3);
    const current = await sampleOf(id);
    expect(current).toMatchObject({ state: 'matched', stayId: stay.stayId, current: { result: 'negative', ct: 38.5, resultedAt: new Date(v2.resultedAt).toISOString() } });
    const tests = await latestResults(stay.stayId);
    expect(tests).toHaveLength(1);
    expect(tests[0]).toMatchObject({ result: 'negative', ct: 38.5 });

    const history = await api.call('GET', `/lab/samples/${lab.labId}/${id}`, { token: f.admin });
    expect(history.status).toBe(200);
    // Oldest report first: v0 (stale), v1, v2 (current).
    expect(history.body.versions.map((v: { result: string }) => v.result)).toEqual(['negative', 'inconclusive', 'negative']);
    expect(history.body.sample.current.result).toBe('negative');
    expect(history.body.versions.map((v: { resultedAt: string }) => v.resultedAt)).toEqual([v1.resultedAt, v0.resultedAt, v2.resultedAt].map((t) => new Date(t).toISOString()).sort());
    expect((await api.call('GET', `/lab/samples/${lab.labId}/${id}`, { token: f.staff })).status).toBe(403);
  });

  it('many concurrent deliveries of the same result create exactly one record', async () => {
    const stay = await stayArrived(api, f, 2);
    const r = result({ stayId: stay.stayId });
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver(api, lab, { results: [r] })));
    const statuses = answers.map((a) => a.body.results[0].status).sort();
    expect(statuses).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored']);
    expect(await versionsOf(r.sampleId)).toHaveLength(1);
    expect(await itemsOf(`STAY#${stay.stayId}`, 'TEST#')).toHaveLength(1);
    expect((await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#')).filter((a) => a.action === 'lab_result')).toHaveLength(1);
  });

  it('concurrent corrections of one sample end with the latest report current', async () => {
    const stay = await stayArrived(api, f, 2);
    const id = result().sampleId;
    const versions = Array.from({ length: 5 }, (_, i) => result({ sampleId: id, stayId: stay.stayId, collectedAt: hoursAgo(30), resultedAt: hoursAgo(20 - i), result: i % 2 ? 'negative' : 'inconclusive' }));
    const answers = await Promise.all(versions.map((v) => deliver(api, lab, { results: [v] })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await versionsOf(id)).toHaveLength(5);
    expect((await sampleOf(id))!.current.resultedAt).toBe(new Date(versions[4]!.resultedAt).toISOString());
    expect((await latestResults(stay.stayId))[0]!.resultedAt).toBe(new Date(versions[4]!.resultedAt).toISOString());
  });
});

describe('matching by travel document', () => {
  it('matches a normalised number (case, spaces, dashes) but never another type or country', async () => {
    const stay = await stayArrived(api, f, 5);
    const doc = stay.document;
    const spaced = `${doc.number.slice(0, 3).toLowerCase()} ${doc.number.slice(3, 6)}-${doc.number.slice(6)}`;
    const ok = await deliver(api, lab, { results: [result({ document: { ...doc, number: spaced, country: doc.country.toLowerCase() } })] });
    expect(ok.body.results[0]).toMatchObject({ status: 'stored', stayId: stay.stayId });
    const wrongCountry = await deliver(api, lab, { results: [result({ document: { ...doc, country: 'KR' } })] });
    expect(wrongCountry.body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_stay_for_document' });
    const wrongType = await deliver(api, lab, { results: [result({ document: { ...doc, type: 'id_card' } })] });
    expect(wrongType.body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_stay_for_document' });
    const oneDigitOff = await deliver(api, lab, { results: [result({ document: { ...doc, number: `${doc.number.slice(0, -1)}${doc.number.endsWith('0') ? '1' : '0'}` } })] });
    expect(oneDigitOff.body.results[0].status).toBe('unmatched');
  });

  it('picks the stay in observation at collection time; none then: unmatched', async () => {
    const first = await stayArrived(api, f, 20);
    expect((await api.call('POST', `/stays/${first.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital 1' } })).status).toBe(200);
    const second = await stayArrived(api, f, 2, { document: first.document });
    const during = await deliver(api, lab, { results: [result({ document: first.document, collectedAt: hoursAgo(15 * 24), resultedAt: hoursAgo(14 * 24) })] });
    expect(during.body.results[0]).toMatchObject({ status: 'stored', stayId: first.stayId });
    const now = await deliver(api, lab, { results: [result({ document: first.document, collectedAt: hoursAgo(1), resultedAt: hoursAgo(0.5) })] });
    expect(now.body.results[0]).toMatchObject({ status: 'stored', stayId: second.stayId });
    const between = await deliver(api, lab, { results: [result({ document: first.document, collectedAt: hoursAgo(4.5 * 24), resultedAt: hoursAgo(4 * 24) })] });
    expect(between.body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_stay_at_collection_time' });
  });
});

describe('unmatched queue', () => {
  it('keeps unmatched results for admins; staff of the stay\'s facility assign them; never dropped', async () => {
    const stay = await stayArrived(api, f, 6);
    const r = result({ stayId: 'SNOSUCHSTAY00', result: 'positive' });
    const res = await deliver(api, lab, { results: [r] });
    expect(res.body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'unknown_stay' });
    expect((await deliver(api, lab, { results: [r] })).body.results[0].status).toBe('duplicate');

    const list = await api.call('GET', '/lab/unmatched?limit=200', { token: f.admin });
    expect(list.status).toBe(200);
    expect(list.body.samples.find((s: { sampleId: string }) => s.sampleId === r.sampleId)).toMatchObject({ labId: lab.labId, reason: 'unknown_stay', result: 'positive' });
    expect((await api.call('GET', '/lab/unmatched', { token: f.staff })).status).toBe(403);

    const path = `/lab/unmatched/${lab.labId}/${r.sampleId}/assign`;
    expect((await api.call('POST', path, { token: other.staff, body: { stayId: stay.stayId } })).status).toBe(403);
    expect((await api.call('POST', path, { token: f.staff, body: { stayId: 'SNOSUCHSTAY00' } })).status).toBe(404);
    expect((await api.call('POST', `/lab/unmatched/${lab.labId}/NOPE/assign`, { token: f.staff, body: { stayId: stay.stayId } })).status).toBe(404);
    expect((await api.call('POST', path, { token: f.staff, body: { stay: stay.stayId } })).status).toBe(400);

    // The lab's stay id names nobody: staff cannot give it to a person; an administrator can, with a reason.
    expect((await api.call('POST', path, { token: f.staff, body: { stayId: stay.stayId } })).status).toBe(404);
    const assigned = await api.call('POST', path, { token: f.admin, body: { stayId: stay.stayId, reason: 'The lab typed the stay id wrong (slip checked)' } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ stayId: stay.stayId, state: 'matched', becamePositive: true });
    expect((await api.call('POST', path, { token: f.staff, body: { stayId: stay.stayId } })).status).toBe(409);

    const after = await api.call('GET', '/lab/unmatched?limit=200', { token: f.admin });
    expect(after.body.samples.some((s: { sampleId: string }) => s.sampleId === r.sampleId)).toBe(false);
    expect((await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff })).body.tests[0]).toMatchObject({ sampleId: r.sampleId, matchedBy: 'assignment' });
    expect((await getStay(stay.stayId, true))!.status).toBe('positive');
    const reminders = (await remindersOf(f.facilityId)).filter((x) => x.kind === 'positive_result' && x.lines[0].stayId === stay.stayId);
    expect(reminders).toHaveLength(1);

    // A later correction without a usable identity stays with the assigned stay.
    const corrected = await deliver(api, lab, { results: [{ ...r, resultedAt: hoursAgo(0.1) }] });
    expect(corrected.body.results[0]).toMatchObject({ status: 'superseded', stayId: stay.stayId });
  });

  it('paginates the queue with a cursor', async () => {
    await deliver(api, lab, { results: [result({ stayId: 'SNOSUCHSTAY01' }), result({ stayId: 'SNOSUCHSTAY02' }), result({ stayId: 'SNOSUCHSTAY03' })] });
    const page1 = await api.call('GET', '/lab/unmatched?limit=2', { token: f.admin });
    expect(page1.body.samples).toHaveLength(2);
    expect(page1.body.cursor).toBeTruthy();
    const page2 = await api.call('GET', `/lab/unmatched?limit=2&cursor=${page1.body.cursor}`, { token: f.admin });
    expect(page2.status).toBe(200);
    // The queue is shared with tests running alongside: page 2 continues after page 1, never repeats it.
    const key = (x: { labId: string; sampleId: string }) => `${x.labId}/${x.sampleId}`;
    const first = new Set(page1.body.samples.map(key));
    expect(page2.body.samples.filter((x: { labId: string; sampleId: string }) => first.has(key(x)))).toEqual([]);
  });
});

describe('effects on the stay', () => {
  it('a positive result marks the stay positive at once, with audit, urgent reminder, board and due items', async () => {
    const stay = await stayArrived(api, f, 7);
    const r = result({ stayId: stay.stayId, result: 'positive', ct: 24 });
    const res = await deliver(api, lab, { results: [r] });
    expect(res.body.results[0]).toMatchObject({ status: 'stored', stayId: stay.stayId });

    const view = await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff });
    expect(view.body.status).toBe('positive');
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.body.rooms.find((x: { roomNumber: string }) => x.roomNumber === stay.roomNumber).occupant.status).toBe('positive');

    const audit = (await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#')).filter((a) => a.action === 'lab_result');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `lab:${lab.labId}`, changes: { status: 'positive', from: 'active' } });
    expect(JSON.stringify(audit)).not.toContain(stay.document.number);

    const reminders = (await remindersOf(f.facilityId)).filter((x) => x.kind === 'positive_result' && x.lines[0].stayId === stay.stayId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ urgent: true, GSI2PK: 'OUTBOX', delivery: { state: 'pending' }, lines: [{ roomNumber: stay.roomNumber, name: '张伟' }] });
    expect(reminders[0]!.title).not.toContain('张伟');

    // Nothing left for the jobs to nag about: retest, documents and end are resolved.
    const due = await dueItemsOf(stay.stayId);
    expect(due.map((d) => d.state)).toEqual(['resolved', 'resolved', 'resolved']);
    expect(due.some((d) => d.GSI3PK)).toBe(false);

    // A resend changes nothing; a later negative correction keeps the stay positive (staff decide).
    await deliver(api, lab, { results: [r] });
    await deliver(api, lab, { results: [{ ...r, result: 'negative', resultedAt: hoursAgo(0.2) }] });
    expect((await getStay(stay.stayId, true))!.status).toBe('positive');
    expect((await remindersOf(f.facilityId)).filter((x) => x.kind === 'positive_result' && x.lines[0].stayId === stay.stayId)).toHaveLength(1);
    expect((await latestResults(stay.stayId))[0]!.result).toBe('negative');
    // Transfer closes the stay as usual.
    expect((await api.call('POST', `/stays/${stay.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital 2' } })).status).toBe(200);
  });

  it('a sample collected on the retest day resolves the RETEST item; one before it does not', async () => {
    const due = await stayArrived(api, f, 11);
    const early = await stayArrived(api, f, 9);
    expect(due.schedule.retestDates[0]).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    await deliver(api, lab, { results: [result({ stayId: due.stayId, collectedAt: new Date(Date.now() - 1000).toISOString(), resultedAt: new Date().toISOString() })] });
    await deliver(api, lab, { results: [result({ stayId: early.stayId, collectedAt: new Date(Date.now() - 1000).toISOString(), resultedAt: new Date().toISOString() })] });
    const retest = (await dueItemsOf(due.stayId)).find((d) => d.kind === 'RETEST')!;
    expect(retest).toMatchObject({ state: 'resolved', resolution: 'sample_collected' });
    expect(retest.GSI3PK).toBeUndefined();
    const notYet = (await dueItemsOf(early.stayId)).find((d) => d.kind === 'RETEST')!;
    expect(notYet.state).toBe('open');
    expect(notYet.GSI3PK).toBe(`FACILITY#${f.facilityId}#DUE#RETEST`);
    expect((await dueItemsOf(due.stayId)).filter((d) => d.kind !== 'RETEST').every((d) => d.state === 'open')).toBe(true);

    const stay = (await getStay(due.stayId, true))!;
    const latest = await latestRetestResult(stay, 'Asia/Shanghai');
    expect(latest).toMatchObject({ result: 'negative', collectedDate: due.schedule.retestDates[0] });
    expect(await latestRetestResult((await getStay(early.stayId, true))!, 'Asia/Shanghai')).toBeUndefined();
    const view = await api.call('GET', `/stays/${due.stayId}/tests`, { token: f.staff });
    expect(view.body.latestRetest).toMatchObject({ result: 'negative' });
    expect((await api.call('GET', `/stays/${due.stayId}/tests`, { token: other.staff })).status).toBe(403);
  });

  it('a positive for a stay already closed alerts the facility without reopening it', async () => {
    const stay = await stayArrived(api, f, 8);
    await api.call('POST', `/stays/${stay.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital 3' } });
    const res = await deliver(api, lab, { results: [result({ stayId: stay.stayId, result: 'positive' })] });
    expect(res.body.results[0].status).toBe('stored');
    expect((await getStay(stay.stayId, true))!.status).toBe('transferred');
    const reminder = (await remindersOf(f.facilityId)).find((x) => x.kind === 'positive_result' && x.lines[0].stayId === stay.stayId);
    expect(reminder).toMatchObject({ urgent: false, title: `Positive result after transfer: room ${stay.roomNumber}` });
  });
});
