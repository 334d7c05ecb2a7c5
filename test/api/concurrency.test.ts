import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/shared/db.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration } from '../support/fixtures.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function stayItemsOf(facilityId: string) {
  const out = await db().send(
    new QueryCommand({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `FACILITY#${facilityId}#STAYS` } }),
  );
  return out.Items ?? [];
}

describe('concurrent check-ins', () => {
  it('100 simultaneous check-ins for 50 rooms: exactly 50 stays, 50 clear 409s, no shared room', async () => {
    const f = await facilityWithRooms(api, 50);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.reasons[0].code).toBe('no_free_room');

    const rooms = results.filter((r) => r.status === 201).map((r) => r.body.roomNumber as string);
    expect(new Set(rooms).size).toBe(50);
    const stored = await stayItemsOf(f.facilityId);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.roomNumber)).size).toBe(50);

    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.body.counts).toEqual({ free: 0, occupied: 50, cleaning: 0, inspected: 0 });
    const occupantByRoom = new Map(board.body.rooms.map((r: { roomNumber: string; occupant: { stayId: string } }) => [r.roomNumber, r.occupant.stayId]));
    for (const s of stored) expect(occupantByRoom.get(s.roomNumber as string)).toBe(s.stayId);
  }, 180_000);

  it('two check-ins racing for the same named room: one wins, one gets 409', async () => {
    const f = await facilityWithRooms(api, 50);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: String(101 + (i % 50)) }) }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(50);
    for (const r of refused) expect(r.body.reasons[0].code).toBe('room_not_free');
    expect(await stayItemsOf(f.facilityId)).toHaveLength(50);
  }, 120_000);

  it('the same person registered twice at once: one stay', async () => {
    const f = await facilityWithRooms(api, 10);
    const body = registration();
    const results = await Promise.all(Array.from({ length: 10 }, () => api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await stayItemsOf(f.facilityId)).toHaveLength(1);
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.body.counts.occupied).toBe(1);
  });
});
