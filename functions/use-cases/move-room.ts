import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../entities/audit.js';
import { departureKeys } from '../entities/departure.js';
import { dueKeys } from '../entities/due-item.js';
import { householdItem } from '../entities/household.js';
import { bedRefusal, claimBedItem, leaveRoomItem, type Occupant } from '../entities/room.js';
import { OPEN_STATUSES, stayKeys } from '../entities/stay.js';
import type { MoveRoomInput } from '../schemas/corrections.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { withRoomRetry } from './stay-room.js';
import { loadStayFor } from './load-stay.js';
import { BED_MESSAGES, BedRefusedError, dueItemsOf } from './register-stay.js';
import { stayChanged, stayClosed } from './stay-conflicts.js';

// Moving a person to another room, in one transaction: a bed in the target room is
// claimed on check-in's own condition (free, or this household's with a bed left, so
// two moves into the last bed cannot both win), the old room loses its occupant (the
// last one out sends it to cleaning, pinned to the count read), the stay, its open
// due items and its departure name the new room. Checks, schedule and documents stay
// with the stay; the household's pointer follows when the old room is left empty.

export interface RoomMoved {
  stayId: string;
  fromRoom: string;
  roomNumber: string;
  /** The old room went to cleaning (nobody is left in it). */
  fromRoomState: 'cleaning' | 'occupied';
}

export async function moveRoom(principal: Principal, stayId: string, input: MoveRoomInput, now = new Date()): Promise<RoomMoved> {
  const stay = await loadStayFor(principal, stayId, true);
  if (!OPEN_STATUSES.includes(stay.status)) throw stayClosed(stay.status);
  const from = stay.roomNumber;
  if (from === undefined) throw new ConflictError('A stay at home has no room.', [{ code: 'not_in_a_room', message: 'This person observes at home.' }]);
  if (input.roomNumber === from) throw new ValidationError([{ path: 'roomNumber', code: 'same_room', message: `The person is already in room ${from}` }]);
  const at = now.toISOString();
  const household = stay.householdId ?? `SOLO#${stayId}`;
  const departure = await db().send(new GetCommand({ TableName: tableName(), Key: departureKeys.key(stayId), ConsistentRead: true, ProjectionExpression: 'PK' }));

  try {
    return await withRoomRetry(stay, async (room) => {
      const seat = room?.occupants.find((o) => o.stayId === stayId);
      if (!room || !seat) throw stayChanged();
      const { since: _since, ...copy } = seat as Occupant & { since?: string };
      const last = room.occupants.length <= 1;
      const items: TxItems = [
        claimBedItem({ facilityId: stay.facilityId, roomNumber: input.roomNumber, household, occupant: copy as Occupant, at }),
        leaveRoomItem(room, stayId, at),
        {
          Update: {
            TableName: tableName(),
            Key: stayKeys.key(stayId),
            UpdateExpression: 'SET roomNumber = :to, updatedAt = :at, version = version + :one',
            ConditionExpression: 'version = :version AND roomNumber = :from',
            ExpressionAttributeValues: { ':to': input.roomNumber, ':from': from, ':at': at, ':one': 1, ':version': stay.version },
          },
        },
        // The jobs' lists (retest due, documents, end) show the room: the open items follow.
        ...dueItemsOf(stay).map((d) => ({
          Update: {
            TableName: tableName(),
            Key: dueKeys.key(stayId, d.kind, d.dueDate),
            UpdateExpression: 'SET roomNumber = :to',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':to': input.roomNumber },
          },
        })),
        ...(departure.Item
          ? [{ Update: { TableName: tableName(), Key: departureKeys.key(stayId), UpdateExpression: 'SET roomNumber = :to', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':to': input.roomNumber } } }]
          : []),
        // The household's next member goes where the household now is.
        ...(stay.householdId && last ? [householdItem(stay.facilityId, stay.householdId, input.roomNumber, at, null)] : []),
        auditPut({ stayId, at, actor: principal.subject, action: 'move_room', changes: { fromRoom: from, roomNumber: input.roomNumber, ...(input.reason ? { reason: input.reason } : {}) } }),
      ];
      await transactWithRetry(items, (reasons) => {
        const [target] = reasons;
        if (target?.Code === 'ConditionalCheckFailed') return new BedRefusedError(input.roomNumber, bedRefusal(target.Item, household));
        return reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? stayChanged() : undefined;
      });
      return { stayId, fromRoom: from, roomNumber: input.roomNumber, fromRoomState: last ? ('cleaning' as const) : ('occupied' as const) };
    });
  } catch (err) {
    if (err instanceof BedRefusedError && err.reason === 'unknown_room') {
      throw new ValidationError([{ path: 'roomNumber', message: BED_MESSAGES.unknown_room(err.room), code: 'unknown_room' }]);
    }
    throw err;
  }
}
