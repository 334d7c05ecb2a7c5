import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRoom } from '../../functions/entities/room.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, uniqueDocumentNumber, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';
import { deliver, hoursAgo, newLab, result, stayArrived, useLabs, type TestLab } from '../lab/lab-support.js';

// Correcting a person's data: a reason is required, the audit keeps the values before
// and after (numbers masked), and a document-number change moves lab matching and the
// open-stay guard to the new number in the same transaction.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 8);
});
afterAll(() => api.close());

const edit = (stayId: string, body: unknown, token = f.staff) => api.call('PUT', `/stays/${stayId}/person`, { token, body });
const passport = (number: string) => ({ type: 'passport', number, country: 'CN' });

describe("correcting a person's data", () => {
  it('changes the names with a reason; the audit keeps before and after, the board shows the new name', async () => {
    const stay = await stayArrived(api, f, 1);
    const res = await edit(stay.stayId, { person: { nameNative: '赵磊', nameLatin: 'ZHAO Lei', sex: 'M' }, reason: 'Typed from the wrong form' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ changed: ['nameNative', 'nameLatin'], relinked: false });
    const file = await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff });
    expect(file.body.person).toMatchObject({ nameNative: '赵磊', nameLatin: 'ZHAO Lei' });
    const room = await getRoom(f.facilityId, stay.roomNumber);
    expect(room?.occupants.find((o) => o.stayId === stay.stayId)).toMatchObject({ nameNative: '赵磊', nameLatin: 'ZHAO Lei' });
    const audit = await api.call('GET', `/stays/${stay.stayId}/audit`, { token: f.admin });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'edit_person');
    expect(entry.changes).toEqual({
      reason: 'Typed from the wrong form',
      fields: ['nameNative', 'nameLatin'],
      before: { nameNative: '张伟', nameLatin: 'ZHANG Wei' },
      after: { nameNative: '赵磊', nameLatin: 'ZHAO Lei' },
    });
  });

  it('a document-number change re-links lab matching: the new number matches, the old one no longer', async () => {
    const stay = await stayArrived(api, f, 2);
    const fixed = uniqueDocumentNumber();
    // The lab wrote the right number; the desk had typed it wrong: the result waits unmatched.
    const waiting = result({ document: passport(fixed), collectedAt: hoursAgo(20), resultedAt: hoursAgo(19) });
    expect((await deliver(api, lab, { results: [waiting] })).body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_stay_for_document' });

    const res = await edit(stay.stayId, { person: { document: passport(fixed.toLowerCase()) }, reason: 'Passport number mistyped at check-in' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ changed: ['document'], relinked: true });

    // Staff may now assign the waiting result: its document names this person.
    const assigned = await api.call('POST', `/lab/unmatched/${lab.labId}/${waiting.sampleId}/assign`, { token: f.staff, body: { stayId: stay.stayId } });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ subjectMatches: true, stayId: stay.stayId });

    const [byNew, byOld] = [result({ document: passport(fixed) }), result({ document: stay.document })];
    const out = await deliver(api, lab, { results: [byNew, byOld] });
    expect(out.body.results[0]).toMatchObject({ status: 'stored', stayId: stay.stayId });
    expect(out.body.results[1]).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_stay_for_document' });

    // The guard moved too: the old number may be registered, the new one may not.
    const again = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({}, { document: passport(fixed) }) });
    expect(again.status).toBe(409);
    expect(again.body.reasons[0].code).toBe('person_has_open_stay');
    const old = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({}, { document: stay.document }) });
    expect(old.status, old.text).toBe(201);

    const audit = (await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#')).find((a) => a.action === 'edit_person');
    expect(audit?.changes.before.document.number).toMatch(/^.\*+.{3}$/);
    expect(JSON.stringify(audit?.changes)).not.toContain(fixed);
  });

  it("refuses another open stay's number with 409 and writes nothing", async () => {
    const [a, b] = [await stayArrived(api, f, 1), await stayArrived(api, f, 1)];
    const res = await edit(a.stayId, { person: { document: b.document }, reason: 'Wrong passport' });
    expect(res.status).toBe(409);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['person_has_open_stay']);
    const file = await api.call('GET', `/stays/${a.stayId}`, { token: f.staff });
    expect(file.body.person.document.number).toBe(a.document.number);
    expect((await itemsOf(`STAY#${a.stayId}`, 'AUDIT#')).some((x) => x.action === 'edit_person')).toBe(false);
  });

  it('names every rule in one answer; an edit that changes nothing is refused', async () => {
    const stay = await stayArrived(api, f, 1);
    const bad = await edit(stay.stayId, { person: { birthDate: '2999-01-01', sex: 'Q', document: { type: 'passport', number: '!', country: 'ZZ' }, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual(
      ['person.birthDate:birth_date_future', 'person.document.country:custom', 'person.document.number:invalid_format', 'person.extra:unrecognized_keys', 'person.sex:invalid_value', 'reason:required'].sort(),
    );
    const empty = await edit(stay.stayId, { person: {}, reason: 'x' });
    expect(empty.body.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual(['person:nothing_to_correct', 'reason:too_small']);
    const same = await edit(stay.stayId, { person: { nameLatin: 'ZHANG Wei' }, reason: 'Checking' });
    expect(same.status).toBe(400);
    expect(same.body.issues[0]).toMatchObject({ path: 'person', code: 'nothing_to_correct' });
    const other = await facilityWithRooms(api, 1);
    expect((await edit(stay.stayId, { person: { nameLatin: 'LI Na' }, reason: 'Not mine' }, other.staff)).status).toBe(403);
  });
});
