import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { facilityKeys } from './facility.js';

// Room: PK FACILITY#<facilityId>, SK ROOM#<number>, in the facility's partition so
// the whole board is one Query. Free rooms carry GSI2 keys (a sparse index) so
// check-in finds a free room without reading the occupied ones.

export type RoomState = 'free' | 'occupied' | 'cleaning';

/** Denormalised on the room so the board needs no second read. */
export interface Occupant {
  stayId: string;
  nameNative: string;
  nameLatin: string;
  day1Date: string;
  endDate: string;
  status: string;
}

export interface Room {
  facilityId: string;
  roomNumber: string;
  state: RoomState;
  occupant?: Occupant;
  updatedAt: string;
}

export const roomKeys = {
  key: (facilityId: string, roomNumber: string) => ({ PK: facilityKeys.pk(facilityId), SK: `ROOM#${roomNumber}` }),
  freePk: (facilityId: string) => `FACILITY#${facilityId}#FREE`,
  freeSk: (roomNumber: string) => `ROOM#${roomNumber}`,
};

export function freeRoomIndexKeys(facilityId: string, roomNumber: string) {
  return { GSI2PK: roomKeys.freePk(facilityId), GSI2SK: roomKeys.freeSk(roomNumber) };
}

function fromItem(item: Record<string, unknown>): Room {
  const { facilityId, roomNumber, state, occupant, updatedAt } = item as unknown as Room;
  return { facilityId, roomNumber, state, occupant, updatedAt };
}

/** Adds a free room; false when it already exists (adding rooms is safe to repeat). */
export async function addRoom(facilityId: string, roomNumber: string, now: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...roomKeys.key(facilityId, roomNumber),
          ...freeRoomIndexKeys(facilityId, roomNumber),
          type: 'Room',
          facilityId,
          roomNumber,
          state: 'free',
          updatedAt: now,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

export async function listRooms(facilityId: string): Promise<Room[]> {
  const rooms: Room[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :room)',
        ExpressionAttributeValues: { ':pk': facilityKeys.pk(facilityId), ':room': 'ROOM#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) rooms.push(fromItem(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return rooms.sort((a, b) => a.roomNumber.localeCompare(b.roomNumber, 'en', { numeric: true }));
}

/** Up to `limit` free room numbers, lowest first (eventually consistent: check-in re-checks with a condition). */
export async function findFreeRooms(facilityId: string, limit: number): Promise<string[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': roomKeys.freePk(facilityId) },
      ProjectionExpression: 'roomNumber',
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => String(i.roomNumber));
}
