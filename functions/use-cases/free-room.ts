import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freeRoomIndexKeys, listRooms, roomKeys } from '../entities/room.js';
import { updateFacilityDetails, type Facility } from '../entities/facility.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import type { RoomReadinessInput } from '../schemas/rooms.js';
import { loadFacilityFor } from './load-facility.js';

// Room readiness after a stay leaves: cleaning -> inspected (who, when) -> free.
// Free puts the room back in the free-room index, so check-in offers it again. Where
// the facility's policy requires an inspection, a room in cleaning cannot go straight
// to free. Each step is one conditional write on the room's state.

export type ReadinessAction = 'inspect' | 'free';

export type ReadinessCode = 'room_not_cleaning' | 'room_needs_inspection' | 'room_not_ready_to_free';

export class ReadinessRefused extends ConflictError {
  constructor(
    readonly roomNumber: string,
    readonly code: ReadinessCode,
  ) {
    super(`Room ${roomNumber}: ${READINESS_MESSAGES[code]}`, [{ code, message: `Room ${roomNumber}: ${READINESS_MESSAGES[code]}` }]);
  }
}

const READINESS_MESSAGES: Record<ReadinessCode, string> = {
  room_not_cleaning: 'only a room being cleaned can be inspected (unknown rooms too are refused).',
  room_needs_inspection: 'this facility requires an inspection before a cleaned room is offered again.',
  room_not_ready_to_free: 'only a cleaned (or inspected) room can be marked free (unknown rooms too are refused).',
};

const inspectionRequired = (f: Facility) => f.roomReadiness?.inspectionRequired === true;

async function applyStep(facility: Facility, roomNumber: string, action: ReadinessAction, actor: string, at: string) {
  const key = roomKeys.key(facility.facilityId, roomNumber);
  try {
    if (action === 'inspect') {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #state = :inspected, inspectedAt = :at, inspectedBy = :by, updatedAt = :at',
          ConditionExpression: '#state = :cleaning',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inspected': 'inspected', ':cleaning': 'cleaning', ':at': at, ':by': actor },
        }),
      );
      return { roomNumber, state: 'inspected' as const, inspectedAt: at, inspectedBy: actor };
    }
    const index = freeRoomIndexKeys(facility.facilityId, roomNumber);
    const from = inspectionRequired(facility) ? '#state = :inspected' : '#state IN (:inspected, :cleaning)';
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #state = :free, updatedAt = :at, #used = :zero, freedAt = :at, freedBy = :by, GSI2PK = :gpk, GSI2SK = :gsk REMOVE cleaningSince',
        ConditionExpression: from,
        ExpressionAttributeNames: { '#state': 'state', '#used': 'used' },
        ExpressionAttributeValues: {
          ':free': 'free',
          ':inspected': 'inspected',
          ...(inspectionRequired(facility) ? {} : { ':cleaning': 'cleaning' }),
          ':at': at,
          ':by': actor,
          ':zero': 0,
          ':gpk': index.GSI2PK,
          ':gsk': index.GSI2SK,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { roomNumber, state: 'free' as const };
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    if (action === 'inspect') throw new ReadinessRefused(roomNumber, 'room_not_cleaning');
    const old = (err as { Item?: Record<string, { S?: string }> }).Item;
    throw new ReadinessRefused(roomNumber, old?.state?.S === 'cleaning' ? 'room_needs_inspection' : 'room_not_ready_to_free');
  }
}

/** One room's step (POST .../rooms/{roomNumber}/inspect or /free). */
export async function roomReadinessStep(principal: Principal, facilityId: string, roomNumber: string, action: ReadinessAction, now = new Date()) {
  const facility = await loadFacilityFor(principal, facilityId);
  const done = await applyStep(facility, roomNumber, action, principal.subject, now.toISOString());
  return { facilityId: facility.facilityId, ...done };
}

/** Kept for the existing route's callers. */
export const markRoomFree = (principal: Principal, facilityId: string, roomNumber: string, now = new Date()) => roomReadinessStep(principal, facilityId, roomNumber, 'free', now);

/**
 * The same step for many rooms: the listed ones, or every room of a floor the step
 * applies to (inspect: rooms being cleaned; free: inspected rooms, and cleaned ones
 * where no inspection is required). Each room is its own write; the answer lists
 * which rooms moved and which were refused, with why.
 */
export async function roomReadinessBulk(principal: Principal, facilityId: string, input: RoomReadinessInput, now = new Date()) {
  const facility = await loadFacilityFor(principal, facilityId);
  let rooms = input.rooms ?? [];
  if (input.floor !== undefined) {
    const from = input.action === 'inspect' ? ['cleaning'] : inspectionRequired(facility) ? ['inspected'] : ['cleaning', 'inspected'];
    const onFloor = (await listRooms(facility.facilityId)).filter((r) => r.floor === input.floor);
    if (onFloor.length === 0) throw new ValidationError([{ path: 'floor', message: `No room on floor ${input.floor}`, code: 'unknown_floor' }]);
    rooms = onFloor.filter((r) => from.includes(r.state)).map((r) => r.roomNumber);
  }
  const at = now.toISOString();
  const outcomes = await mapWithConcurrency([...new Set(rooms)], 8, async (roomNumber) => {
    try {
      return { roomNumber, done: await applyStep(facility, roomNumber, input.action, principal.subject, at) };
    } catch (err) {
      if (err instanceof ReadinessRefused) return { roomNumber, refused: { code: err.code, message: err.message } };
      throw err;
    }
  });
  return {
    facilityId: facility.facilityId,
    action: input.action,
    done: outcomes.flatMap((o) => (o.done ? [o.done] : [])),
    refused: outcomes.flatMap((o) => (o.refused ? [{ roomNumber: o.roomNumber, ...o.refused }] : [])),
  };
}

/** PUT /facilities/{facilityId}/room-policy (admins). */
export async function setRoomPolicy(principal: Principal, facilityId: string, input: { inspectionRequired: boolean }) {
  assertAdmin(principal);
  await loadFacilityFor(principal, facilityId);
  const updated = await updateFacilityDetails(facilityId, { roomReadiness: { inspectionRequired: input.inspectionRequired } });
  if (!updated) throw new NotFoundError(`Facility ${facilityId} does not exist.`);
  return { facilityId, inspectionRequired: input.inspectionRequired };
}
