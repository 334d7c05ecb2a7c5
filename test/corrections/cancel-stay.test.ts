import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreeRooms, getRoom } from '../../functions/entities/room.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';
import { deliver, newLab, result, useLabs, type TestLab } from '../lab/lab-support.js';

// Cancelling a no-show's registration: the bed and the travel document are free again
// (the same passport registers again), the due items leave the jobs' lists, the audit
// keeps the reason; a cancelled stay is never released and gets no documents.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 3);
});
afterAll(() => api.close());

const register = async (body: ReturnType<typeof registration>) => {
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  expect(res.status, res.text).toBe(201);
  return res.body as { stayId: string; roomNumber: string };
};
const cancel = (stayId: string, body: unknown) => api.call('POST', `/stays/${stayId}/cancel`, { token: f.staff, body });

describe("cancelling a no-show's registration", () => {
  it('frees the room and the guard; the same passport registers again; never released, no documents', async () => {
    const body = registration();
    const stay = await register(body);
    expect((await api.call('POST', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).status).toBe(201);
    const res = await cancel(stay.stayId, { reason: 'Not on the bus from the airport' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ stayId: stay.stayId, status: 'cancelled', roomNumber: stay.roomNumber });

    expect(await getRoom(f.facilityId, stay.roomNumber)).toMatchObject({ state: 'free', used: 0, occupants: [] });
    expect(await findFreeRooms(f.facilityId, 10)).toContain(stay.roomNumber);
    const dues = await itemsOf(`STAY#${stay.stayId}`, 'DUE#');
    for (const d of dues.filter((x) => x.kind !== 'PURGE')) expect([d.state, d.GSI3PK]).toEqual(['closed', undefined]);
    const audit = (await itemsOf(`STAY#${stay.stayId}`, 'AUDIT#')).find((a) => a.action === 'cancel');
    expect(audit?.changes).toMatchObject({ status: 'cancelled', reason: 'Not on the bus from the airport', personalLinkRevoked: true });
    expect((await api.call('GET', `/stays/${stay.stayId}/personal-link`, { token: f.staff })).body.state).toBe('revoked');

    expect((await api.call('POST', `/stays/${stay.stayId}/release`, { token: f.staff })).status).toBe(409);
    const issue = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: f.staff, body: { type: 'release_notice' } });
    expect(issue.body.reasons.map((r: { code: string }) => r.code)).toEqual(['stay_not_released']);
    expect((await cancel(stay.stayId, { reason: 'Twice' })).body.reasons[0].code).toBe('stay_closed');

    // The person turns up a day later: registered again with the same passport; lab results go to the new stay.
    const again = await register({ ...registration(), person: body.person });
    const sent = await deliver(api, lab, { results: [result({ document: body.person.document })] });
    expect(sent.body.results[0]).toMatchObject({ status: 'stored', stayId: again.stayId });
  });

  it('refuses someone who arrived (a check on file); a household member leaves the room to the others', async () => {
    const arrived = await register(registration());
    expect((await api.call('POST', `/stays/${arrived.stayId}/checks`, { token: f.staff, body: { temperatureC: 36.5, slot: 'morning' } })).status).toBe(201);
    const refused = await cancel(arrived.stayId, { reason: 'Mistake' });
    expect(refused.status).toBe(409);
    expect(refused.body.reasons.map((r: { code: string }) => r.code)).toEqual(['not_a_no_show']);

    const g = await facilityWithRooms(api, 0);
    expect((await api.call('POST', `/facilities/${g.facilityId}/rooms`, { token: g.admin, body: { rooms: [{ number: '501', capacity: 2 }] } })).status).toBe(201);
    const inRoom = async () => {
      const r = await api.call('POST', `/facilities/${g.facilityId}/stays`, { token: g.staff, body: registration({ household: 'wu' }) });
      expect(r.status, r.text).toBe(201);
      return r.body.stayId as string;
    };
    const [a, b] = [await inRoom(), await inRoom()];
    expect((await api.call('POST', `/stays/${a}/cancel`, { token: g.staff, body: { reason: 'Stayed in Beijing' } })).status).toBe(200);
    const room = await getRoom(g.facilityId, '501');
    expect(room).toMatchObject({ state: 'occupied', used: 1 });
    expect(room?.occupants.map((o) => o.stayId)).toEqual([b]);
  });

  it('names every bad field in one answer', async () => {
    const stay = await register(registration());
    const res = await cancel(stay.stayId, { reason: ' ', when: 'now' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual(['reason:too_small', 'when:unrecognized_keys']);
    expect((await cancel(stay.stayId, {})).body.issues).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
  });
});
