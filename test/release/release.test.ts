import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, newLab, result, stayArrived, useLabs, type TestLab } from '../lab/lab-support.js';
import { fetchBytes, pdfText, releasableStay } from './release-support.js';

// POST /stays/{id}/release end to end: each refusal reason, what a release changes
// (stay, room, documents), and the room's way back to free.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 12);
});
afterAll(() => api.close());

const release = (stayId: string, token = f.staff) => api.call('POST', `/stays/${stayId}/release`, { token });
const codes = (body: { reasons?: { code: string }[] }) => (body.reasons ?? []).map((r) => r.code).sort();

describe('refusals: 409 naming every unmet condition, nothing changed', () => {
  it('registered today: before the document day and no retest', async () => {
    const stay = await stayArrived(api, f, 0);
    const res = await release(stay.stayId);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(codes(res.body)).toEqual(['before_document_day', 'retest_missing']);
    expect((await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff })).body.status).toBe('active');
  });

  it('document day, but the retest is missing', async () => {
    const stay = await stayArrived(api, f, 12);
    expect(codes((await release(stay.stayId)).body)).toEqual(['retest_missing']);
  });

  it('a sample taken before the retest day does not count as the retest', async () => {
    const stay = await stayArrived(api, f, 12);
    await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(24 * 5), resultedAt: hoursAgo(24 * 5 - 4) })] });
    expect(codes((await release(stay.stayId)).body)).toEqual(['retest_missing']);
  });

  it('an inconclusive retest', async () => {
    const stay = await stayArrived(api, f, 12);
    await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(3), result: 'inconclusive' })] });
    const res = await release(stay.stayId);
    expect(codes(res.body)).toEqual(['retest_not_negative']);
    expect(res.body.reasons[0].message).toContain('inconclusive');
  });

  it('a fever in the last 24 hours, and a symptom without fever', async () => {
    const fever = await releasableStay(api, f, lab);
    expect((await api.call('POST', `/stays/${fever.stayId}/checks`, { token: f.staff, body: { slot: 'morning', temperatureC: 37.3, measuredAt: hoursAgo(20) } })).status).toBe(201);
    expect(codes((await release(fever.stayId)).body)).toEqual(['recent_fever_or_symptom']);

    const cough = await releasableStay(api, f, lab);
    expect((await api.call('POST', `/stays/${cough.stayId}/checks`, { token: f.staff, body: { slot: 'evening', temperatureC: 36.5, symptoms: ['cough'], measuredAt: hoursAgo(2) } })).status).toBe(201);
    expect(codes((await release(cough.stayId)).body)).toEqual(['recent_fever_or_symptom']);
  });

  it('a normal temperature does not hold a release back', async () => {
    const stay = await releasableStay(api, f, lab);
    expect((await api.call('POST', `/stays/${stay.stayId}/checks`, { token: f.staff, body: { slot: 'morning', temperatureC: 36.6, measuredAt: hoursAgo(1) } })).status).toBe(201);
    expect((await release(stay.stayId)).status).toBe(200);
  });

  it('a positive retest: the stay is no longer active and the retest is positive', async () => {
    const stay = await stayArrived(api, f, 12);
    await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(3), result: 'positive' })] });
    expect(codes((await release(stay.stayId)).body)).toEqual(['retest_not_negative', 'stay_not_active']);
  });

  it('released twice: the second is refused as not active', async () => {
    const stay = await releasableStay(api, f, lab);
    expect((await release(stay.stayId)).status).toBe(200);
    expect(codes((await release(stay.stayId)).body)).toEqual(['stay_not_active']);
  });

  it('staff of another facility get 403, unknown stays 404', async () => {
    const stay = await releasableStay(api, f, lab);
    const other = await facilityWithRooms(api, 0);
    expect((await release(stay.stayId, other.staff)).status).toBe(403);
    expect((await release('S0000000000000')).status).toBe(404);
    expect((await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff })).body.status).toBe('active');
  });
});

describe('a release', () => {
  it('marks the stay released, sends the room to cleaning, issues three documents; staff then free the room', async () => {
    const stay = await releasableStay(api, f, lab);
    const res = await release(stay.stayId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stayId: stay.stayId, status: 'released', roomNumber: stay.roomNumber, roomState: 'cleaning', releasedDate: stay.schedule.documentDate });
    expect(res.body.documents.map((d: { type: string }) => d.type).sort()).toEqual(['health_certificate', 'release_notice', 'test_report']);
    for (const d of res.body.documents) {
      expect(d.key).toMatch(/^[0-9A-Z]{24,}$/); // ≥ 120 random bits
      expect(d.downloadUrl).toContain(`/documents/${d.documentId}.pdf?key=${d.key}`);
      expect(d.verifyUrl).toContain(`/verify/${d.documentId}`);
    }

    const file = await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff });
    expect(file.body.status).toBe('released');
    const listed = await api.call('GET', `/stays/${stay.stayId}/documents`, { token: f.staff });
    expect(listed.body.documents).toHaveLength(3);
    expect(JSON.stringify(listed.body)).not.toMatch(/"key"|keyHash/);

    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    const room = board.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === stay.roomNumber);
    expect(room.state).toBe('cleaning');

    // While it is being cleaned nobody can be checked into it.
    const into = await stayArrivedInRoom(stay.roomNumber);
    expect(into.status).toBe(409);

    expect((await api.call('POST', `/facilities/${f.facilityId}/rooms/${stay.roomNumber}/free`, { token: f.staff })).status).toBe(200);
    const after = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(after.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === stay.roomNumber).state).toBe('free');
    expect((await stayArrivedInRoom(stay.roomNumber)).status).toBe(201);

    // The audit says who released.
    const audit = await api.call('GET', `/stays/${stay.stayId}/audit`, { token: f.admin });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('release');
  });

  it('the documents say what the person sees: downloads by key, bilingual text, byte-identical each time', async () => {
    const stay = await releasableStay(api, f, lab, { nameNative: '李娜', nameLatin: 'LI Na', language: 'en' });
    const res = await release(stay.stayId);
    const notice = res.body.documents.find((d: { type: string }) => d.type === 'release_notice');
    const first = await fetchBytes(`${api.url}/documents/${notice.documentId}.pdf?key=${notice.key}`);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/pdf');
    const text = pdfText(first.bytes);
    for (const expected of ['解除集中隔离医学观察通知单', '李娜', 'LI Na', 'Notice of Release from Centralized Medical Observation', stay.document.number, notice.documentId]) expect(text).toContain(expected);
    const second = await fetchBytes(`${api.url}/documents/${notice.documentId}.pdf?key=${notice.key}`);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    // Staff of the facility fetch the very same bytes without the key.
    const staffCopy = await fetchBytes(`${api.url}/stays/${stay.stayId}/documents/${notice.documentId}`, { authorization: `Bearer ${f.staff}` });
    expect(staffCopy.status).toBe(200);
    expect(staffCopy.bytes.equals(first.bytes)).toBe(true);
  });

  function stayArrivedInRoom(roomNumber: string) {
    return api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber }) });
  }
});
