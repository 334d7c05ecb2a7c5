import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { facilityKeys } from './facility.js';

// Room: PK FACILITY#<facilityId>, SK ROOM#<number>, in the facility's partition so
// the whole board is one Query. Free rooms carry GSI2 keys (a sparse index sorted in
// natural room order: 999 before 1001) so check-in finds the first free room without
// reading the occupied ones.
//
// A room has beds (`capacity`) and holds the members of ONE household: `household`
// names it while anyone is in, `used` counts the occupants, and each occupant is its
// own top-level attribute `OCC#<stayId>` (so adding or removing one never rewrites the
// others, and needs no map to exist first). Check-in's condition (free, or the same
// household with a bed left) is what keeps rooms unmixed and within capacity.
// After the last occupant leaves: cleaning -> inspected (who, when) -> free.

export type RoomState = 'free' | 'occupied' | 'cleaning' | 'inspected';
export const ROOM_STATES: readonly RoomState[] = ['free', 'occupied', 'cleaning', 'inspected'];

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
  capacity: number;
  floor?: string;
  zone?: string;
  /** The household in the room while anyone is in. */
  household?: string;
  /** Occupants (attributes OCC#<stayId>), in check-in order. */
  occupants: (Occupant & Record<string, unknown>)[];
  used: number;
  updatedAt: string;
  cleaningSince?: string;
  inspectedAt?: string;
  inspectedBy?: string;
}

const OCC = 'OCC#';
export const occupantAttr = (stayId: string) => `${OCC}${stayId}`;

/** Natural order key: every run of digits zero-padded, so 999 sorts before 1001 and A2 before A10. */
export function roomOrderKey(roomNumber: string): string {
  return roomNumber.toUpperCase().replace(/\d+/g, (d) => d.padStart(8, '0'));
}

export function compareRooms(a: string, b: string): number {
  const ka = roomOrderKey(a);
  const kb = roomOrderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Floor when none is given: the digits before the last two (1203 is on floor 12, 101 on 1). */
export function defaultFloor(roomNumber: string): string | undefined {
  const m = /^(\d+)(\d{2})$/.exec(roomNumber);
  return m ? String(Number(m[1])) : undefined;
}

export const roomKeys = {
  key: (facilityId: string, roomNumber: string) => ({ PK: facilityKeys.pk(facilityId), SK: `ROOM#${roomNumber}` }),
  freePk: (facilityId: string) => `FACILITY#${facilityId}#FREE`,
  freeSk: (roomNumber: string) => `ROOM#${roomOrderKey(roomNumber)}#${roomNumber}`,
};

export function freeRoomIndexKeys(facilityId: string, roomNumber: string) {
  return { GSI2PK: roomKeys.freePk(facilityId), GSI2SK: roomKeys.freeSk(roomNumber) };
}

export function roomFromItem(item: Record<string, unknown>): Room {
  const occupants = Object.entries(item)
    .filter(([k]) => k.startsWith(OCC))
    .map(([, v]) => v as Occupant & Record<string, unknown> & { since?: string })
    .sort((a, b) => String(a.since ?? '').localeCompare(String(b.since ?? '')));
  // Rooms occupied before households existed kept their one occupant in `occupant`.
  const legacy = item.occupant as (Occupant & Record<string, unknown>) | undefined;
  if (legacy?.stayId) occupants.unshift(legacy);
  const r = item as Record<string, unknown>;
  return {
    facilityId: String(r.facilityId),
    roomNumber: String(r.roomNumber),
    state: r.state as RoomState,
    capacity: typeof r.capacity === 'number' ? r.capacity : 1,
    ...(typeof r.floor === 'string' ? { floor: r.floor } : {}),
    ...(typeof r.zone === 'string' ? { zone: r.zone } : {}),
    ...(typeof r.household === 'string' && occupants.length ? { household: r.household } : {}),
    occupants,
    used: typeof r.used === 'number' ? r.used : occupants.length,
    updatedAt: String(r.updatedAt),
    ...(typeof r.cleaningSince === 'string' ? { cleaningSince: r.cleaningSince } : {}),
    ...(typeof r.inspectedAt === 'string' ? { inspectedAt: r.inspectedAt } : {}),
    ...(typeof r.inspectedBy === 'string' ? { inspectedBy: r.inspectedBy } : {}),
  };
}

export interface NewRoom {
  roomNumber: string;
  capacity: number;
  floor?: string;
  zone?: string;
}

/** Adds a free room; false when it already exists (adding rooms is safe to repeat). */
export async function addRoom(facilityId: string, room: NewRoom, now: string): Promise<boolean> {
  const floor = room.floor ?? defaultFloor(room.roomNumber);
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...roomKeys.key(facilityId, room.roomNumber),
          ...freeRoomIndexKeys(facilityId, room.roomNumber),
          type: 'Room',
          facilityId,
          roomNumber: room.roomNumber,
          state: 'free',
          capacity: room.capacity,
          ...(floor ? { floor } : {}),
          ...(room.zone ? { zone: room.zone } : {}),
          used: 0,
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

/** Every room of the facility in natural room order (one paged Query of the facility's partition). */
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
    for (const item of out.Items ?? []) rooms.push(roomFromItem(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return rooms.sort((a, b) => compareRooms(a.roomNumber, b.roomNumber));
}

export async function getRoom(facilityId: string, roomNumber: string): Promise<Room | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: roomKeys.key(facilityId, roomNumber), ConsistentRead: true }));
  return out.Item ? roomFromItem(out.Item) : undefined;
}

/** Up to `limit` free room numbers in natural order (eventually consistent: check-in re-checks with a condition). */
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

/**
 * Check-in's room write: the room must exist and be free, or already hold this
 * household with a bed left. Either way the occupant is added and `used` counted up.
 */
export function claimBedItem(p: { facilityId: string; roomNumber: string; household: string; occupant: Occupant; at: string }): TxItems[number] {
  return {
    Update: {
      TableName: tableName(),
      Key: roomKeys.key(p.facilityId, p.roomNumber),
      UpdateExpression:
        'SET #state = :occupied, #hh = :hh, #occ = :occupant, updatedAt = :now ADD #used :one REMOVE GSI2PK, GSI2SK, cleaningSince, inspectedAt, inspectedBy',
      ConditionExpression: 'attribute_exists(PK) AND (#state = :free OR (#state = :occupied AND #hh = :hh AND #used < #cap))',
      // Aliased: capacity (and others) are DynamoDB reserved words.
      ExpressionAttributeNames: { '#state': 'state', '#occ': occupantAttr(p.occupant.stayId), '#hh': 'household', '#used': 'used', '#cap': 'capacity' },
      ExpressionAttributeValues: { ':occupied': 'occupied', ':free': 'free', ':hh': p.household, ':occupant': { ...p.occupant, since: p.at }, ':now': p.at, ':one': 1 },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** Why a bed could not be claimed, from the room as it was (ALL_OLD). */
export function bedRefusal(old: Record<string, unknown> | undefined, household: string): 'unknown_room' | 'room_not_ready' | 'room_full' | 'room_other_household' | 'room_not_free' {
  if (!old) return 'unknown_room';
  if (old.state === 'cleaning' || old.state === 'inspected') return 'room_not_ready';
  if (old.state !== 'occupied') return 'room_not_free';
  if (old.household === household) return 'room_full';
  // Someone alone on either side: the room is simply taken.
  const solo = (h: unknown) => typeof h !== 'string' || h.startsWith('SOLO#');
  return solo(old.household) || solo(household) ? 'room_not_free' : 'room_other_household';
}

/**
 * The room write when a stay leaves (release, transfer, a move): the last occupant sends the
 * room to cleaning; otherwise only this occupant goes. Pinned to the count read, so
 * two members leaving at once cannot both think they are not the last. `after: 'free'`:
 * a cancelled no-show never used the room, so the last one out leaves it free, not in cleaning.
 */
export function leaveRoomItem(room: Room, stayId: string, at: string, after: 'cleaning' | 'free' = 'cleaning'): TxItems[number] {
  const legacy = room.occupants[0]?.stayId === stayId && !room.occupants[0]?.since;
  const names: Record<string, string> = { '#used': 'used' };
  const values: Record<string, unknown> = { ':at': at };
  let condition: string;
  let occupantPath: string;
  if (legacy) {
    occupantPath = 'occupant';
    condition = 'occupant.stayId = :stayId';
    values[':stayId'] = stayId;
  } else {
    names['#occ'] = occupantAttr(stayId);
    occupantPath = '#occ';
    condition = 'attribute_exists(#occ) AND #used = :used';
    values[':used'] = room.used;
  }
  const last = room.occupants.length <= 1;
  if (last) {
    names['#state'] = 'state';
    names['#hh'] = 'household';
    if (after === 'free') {
      const free = freeRoomIndexKeys(room.facilityId, room.roomNumber);
      values[':free'] = 'free';
      values[':fpk'] = free.GSI2PK;
      values[':fsk'] = free.GSI2SK;
    } else values[':cleaning'] = 'cleaning';
  } else values[':minus'] = -1;
  return {
    Update: {
      TableName: tableName(),
      Key: roomKeys.key(room.facilityId, room.roomNumber),
      UpdateExpression: !last
        ? `SET updatedAt = :at ADD #used :minus REMOVE ${occupantPath}`
        : after === 'free'
          ? `SET #state = :free, updatedAt = :at, GSI2PK = :fpk, GSI2SK = :fsk, #used = :zero REMOVE ${occupantPath}, #hh`
          : `SET #state = :cleaning, updatedAt = :at, cleaningSince = :at, #used = :zero REMOVE ${occupantPath}, #hh`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: last ? { ...values, ':zero': 0 } : values,
    },
  };
}

/** A room write that changes one field of an occupant's copy (marks, status, end date) only while the stay is in the room. */
export function occupantFieldItem(facilityId: string, roomNumber: string, stayId: string, field: string, value: unknown): TxItems[number] {
  return occupantFieldsItem(facilityId, roomNumber, stayId, { [field]: value });
}

/** As occupantFieldItem for several fields at once (one transaction may write an item only once). */
export function occupantFieldsItem(facilityId: string, roomNumber: string, stayId: string, fields: Record<string, unknown>): TxItems[number] {
  const entries = Object.entries(fields);
  return {
    Update: {
      TableName: tableName(),
      Key: roomKeys.key(facilityId, roomNumber),
      UpdateExpression: `SET ${entries.map((_, i) => `#occ.#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(#occ)',
      ExpressionAttributeNames: { '#occ': occupantAttr(stayId), ...Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])) },
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    },
  };
}
