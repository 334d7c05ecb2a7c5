import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHousehold } from '../../functions/entities/household.js';
import { getRoom } from '../../functions/entities/room.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { registration } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';

// Moving a person to another room: one transaction, the target free or the same
// household's with a bed left, the old room to cleaning when left empty; two moves
// into the last free bed: one wins. Checks, schedule and due items stay with the stay.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function hotel(rooms: { number: string; capacity: number }[]) {
  const facilityId = uniqueId('mv');
  const admin = api.token('admin');
  expect((await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: `Hotel ${facilityId}`, timeZone: 'Asia/Shanghai' } })).status).toBe(201);
  expect((await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body: { rooms } })).status).toBe(201);
  const staff = api.token('staff', [facilityId]);
  const register = async (room: string, household?: string) => {
    const res = await api.call('POST', `/facilities/${facilityId}/stays`, { token: staff, body: registration({ roomNumber: room, ...(household ? { household } : {}) }) });
    expect(res.status, res.text).toBe(201);
    return res.body.stayId as string;
  };
  return { facilityId, admin, staff, register };
}

const move = (api_: TestApi, token: string, stayId: string, body: unknown) => api_.call('POST', `/stays/${stayId}/move`, { token, body });

describe('moving a person to another room', () => {
  it('moves with the checks and due items; the empty old room goes to cleaning; audited', async () => {
    const h = await hotel([{ number: '101', capacity: 1 }, { number: '102', capacity: 1 }]);
    const stayId = await h.register('101');
    expect((await api.call('POST', `/stays/${stayId}/checks`, { token: h.staff, body: { temperatureC: 36.6, slot: 'morning' } })).status).toBe(201);
    const res = await move(api, h.staff, stayId, { roomNumber: '102', reason: 'Air conditioning broken' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ stayId, fromRoom: '101', roomNumber: '102', fromRoomState: 'cleaning' });
    expect((await getRoom(h.facilityId, '101'))).toMatchObject({ state: 'cleaning', used: 0, occupants: [] });
    const target = await getRoom(h.facilityId, '102');
    expect(target).toMatchObject({ state: 'occupied', used: 1 });
    expect(target?.occupants.map((o) => o.stayId)).toEqual([stayId]);
    const file = await api.call('GET', `/stays/${stayId}`, { token: h.staff });
    expect(file.body.roomNumber).toBe('102');
    expect((await api.call('GET', `/stays/${stayId}/checks`, { token: h.staff })).body.checks).toHaveLength(1);
    for (const due of await itemsOf(`STAY#${stayId}`, 'DUE#')) expect(due.roomNumber).toBe('102');
    const audit = (await itemsOf(`STAY#${stayId}`, 'AUDIT#')).find((a) => a.action === 'move_room');
    expect(audit?.changes).toEqual({ fromRoom: '101', roomNumber: '102', reason: 'Air conditioning broken' });
  });

  it('joins the same household where a bed is free, refuses a room of someone else, one in cleaning, unknown and the same room', async () => {
    const h = await hotel([{ number: '201', capacity: 3 }, { number: '202', capacity: 2 }, { number: '203', capacity: 1 }, { number: '204', capacity: 1 }]);
    const [a] = [await h.register('201', 'fam-li'), await h.register('201', 'fam-li')];
    const c = await h.register('202', 'fam-li');
    const solo = await h.register('203');
    const joined = await move(api, h.staff, c, { roomNumber: '201' });
    expect(joined.body).toMatchObject({ roomNumber: '201', fromRoomState: 'cleaning' });
    expect((await getRoom(h.facilityId, '201'))?.used).toBe(3);
    expect((await getHousehold(h.facilityId, 'FAM-LI'))?.roomNumber).toBe('201');

    const code = async (stayId: string, roomNumber: string) => {
      const r = await move(api, h.staff, stayId, { roomNumber });
      return `${r.status} ${(r.body.reasons ?? r.body.issues ?? []).map((x: { code: string }) => x.code).join(',')}`;
    };
    expect(await code(solo, '201')).toBe('409 room_not_free');
    expect(await code(a, '203')).toBe('409 room_not_free');
    expect(await code(solo, '202')).toBe('409 room_not_ready');
    expect(await code(solo, '999')).toBe('400 unknown_room');
    expect(await code(solo, '203')).toBe('400 same_room');
    expect((await getRoom(h.facilityId, '203'))?.occupants.map((o) => o.stayId)).toEqual([solo]);
  });

  it('two moves into the last free bed: one wins, the other is told the room is taken', async () => {
    const h = await hotel([{ number: '301', capacity: 1 }, { number: '302', capacity: 1 }, { number: '303', capacity: 1 }]);
    const [x, y] = [await h.register('301'), await h.register('302')];
    const [rx, ry] = await Promise.all([move(api, h.staff, x, { roomNumber: '303' }), move(api, h.staff, y, { roomNumber: '303' })]);
    expect([rx.status, ry.status].sort()).toEqual([200, 409]);
    const loser = rx.status === 409 ? rx : ry;
    expect(loser.body.reasons[0].code).toBe('room_not_free');
    const winner = rx.status === 200 ? x : y;
    expect((await getRoom(h.facilityId, '303'))?.occupants.map((o) => o.stayId)).toEqual([winner]);
    const stayed = winner === x ? { id: y, room: '302' } : { id: x, room: '301' };
    expect((await getRoom(h.facilityId, stayed.room))?.occupants.map((o) => o.stayId)).toEqual([stayed.id]);
  });

  it('names every bad field in one answer', async () => {
    const h = await hotel([{ number: '401', capacity: 1 }]);
    const stayId = await h.register('401');
    const res = await move(api, h.staff, stayId, { roomNumber: '!!', reason: 'x', floor: 2 });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual(['floor:unrecognized_keys', 'reason:too_small', 'roomNumber:invalid_format']);
  });
});
