import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { registration } from '../support/fixtures.js';

// Room readiness: after a stay leaves, cleaning -> inspected (who, when) -> free; a
// facility may require the inspection before a room is offered; steps per room and
// per floor; a room not yet free is never offered to a check-in.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function facility() {
  const facilityId = uniqueId('rdy');
  const admin = api.token('admin');
  expect((await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: `Hotel ${facilityId}`, timeZone: 'Asia/Shanghai' } })).status).toBe(201);
  const added = await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body: { rooms: [{ number: '501', zone: '东区 East' }, '502', { number: '601', capacity: 2 }, '602'] } });
  expect(added.status, added.text).toBe(201);
  return { facilityId, admin, staff: api.token('staff', [facilityId]) };
}

const roomOf = async (f: { facilityId: string; staff: string }, n: string) =>
  (await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).body.rooms.find((r: { roomNumber: string }) => r.roomNumber === n);

async function fillAndEmpty(f: { facilityId: string; staff: string }, room: string) {
  const s = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: room }) });
  expect(s.status, s.text).toBe(201);
  expect((await api.call('POST', `/stays/${s.body.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital' } })).status).toBe(200);
}

describe('room readiness', () => {
  it('cleaning -> inspected (who, when) -> free, with floor and zone on the board', async () => {
    const f = await facility();
    await fillAndEmpty(f, '501');
    expect(await roomOf(f, '501')).toMatchObject({ state: 'cleaning', floor: '5', zone: '东区 East', capacity: 1 });
    // Not offered while cleaning: a check-in takes 502.
    expect((await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.roomNumber).toBe('502');
    const pinned = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: '501' }) });
    expect(pinned.status).toBe(409);
    expect(pinned.body.reasons[0].code).toBe('room_not_ready');

    const inspected = await api.call('POST', `/facilities/${f.facilityId}/rooms/501/inspect`, { token: f.staff });
    expect(inspected.status, inspected.text).toBe(200);
    expect(inspected.body).toMatchObject({ roomNumber: '501', state: 'inspected', inspectedBy: expect.any(String) });
    expect(await roomOf(f, '501')).toMatchObject({ state: 'inspected', inspectedAt: inspected.body.inspectedAt });
    const again = await api.call('POST', `/facilities/${f.facilityId}/rooms/501/inspect`, { token: f.staff });
    expect(again.status).toBe(409);
    expect(again.body.reasons[0].code).toBe('room_not_cleaning');

    expect((await api.call('POST', `/facilities/${f.facilityId}/rooms/501/free`, { token: f.staff })).body).toMatchObject({ state: 'free' });
    expect((await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.roomNumber).toBe('501');
  }, 60_000);

  it('where the policy requires it, a cleaned room cannot be offered before its inspection', async () => {
    const f = await facility();
    const staffTry = await api.call('PUT', `/facilities/${f.facilityId}/room-policy`, { token: f.staff, body: { inspectionRequired: true } });
    expect(staffTry.status).toBe(403);
    const set = await api.call('PUT', `/facilities/${f.facilityId}/room-policy`, { token: f.admin, body: { inspectionRequired: true } });
    expect(set.status, set.text).toBe(200);
    await fillAndEmpty(f, '502');
    const free = await api.call('POST', `/facilities/${f.facilityId}/rooms/502/free`, { token: f.staff });
    expect(free.status).toBe(409);
    expect(free.body.reasons[0].code).toBe('room_needs_inspection');
    expect((await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).body.inspectionRequired).toBe(true);
    expect((await api.call('POST', `/facilities/${f.facilityId}/rooms/502/inspect`, { token: f.staff })).status).toBe(200);
    expect((await api.call('POST', `/facilities/${f.facilityId}/rooms/502/free`, { token: f.staff })).status).toBe(200);
  }, 60_000);

  it('a whole floor at once: inspect every room being cleaned, then free them; counts per floor', async () => {
    const f = await facility();
    await fillAndEmpty(f, '601');
    await fillAndEmpty(f, '602');
    let board = (await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).body;
    expect(board.floors).toEqual([
      { floor: '5', rooms: 2, counts: { free: 2, occupied: 0, cleaning: 0, inspected: 0 } },
      { floor: '6', rooms: 2, counts: { free: 0, occupied: 0, cleaning: 2, inspected: 0 } },
    ]);
    const inspect = await api.call('POST', `/facilities/${f.facilityId}/rooms/readiness`, { token: f.staff, body: { action: 'inspect', floor: '6' } });
    expect(inspect.status, inspect.text).toBe(200);
    expect(inspect.body.done.map((d: { roomNumber: string }) => d.roomNumber).sort()).toEqual(['601', '602']);
    const listed = await api.call('POST', `/facilities/${f.facilityId}/rooms/readiness`, { token: f.staff, body: { action: 'free', rooms: ['601', '501'] } });
    expect(listed.body.done).toEqual([{ roomNumber: '601', state: 'free' }]);
    expect(listed.body.refused).toEqual([{ roomNumber: '501', code: 'room_not_ready_to_free', message: expect.stringContaining('501') }]);
    await api.call('POST', `/facilities/${f.facilityId}/rooms/readiness`, { token: f.staff, body: { action: 'free', floor: '6' } });
    board = (await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).body;
    expect(board.counts).toEqual({ free: 4, occupied: 0, cleaning: 0, inspected: 0 });
    const bad = await api.call('POST', `/facilities/${f.facilityId}/rooms/readiness`, { token: f.staff, body: { action: 'free', floor: '9' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].code).toBe('unknown_floor');
  }, 60_000);
});
