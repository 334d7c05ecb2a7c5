import { activeStayKeys } from '../entities/active-stay.js';
import { dueKeys, openDueItem } from '../entities/due-item.js';
import { leaveRoomItem, type Room } from '../entities/room.js';
import type { Stay } from '../entities/stay.js';
import { teamStayKeys } from '../entities/team.js';
import { localDate } from '../domain/calendar.js';
import { placeFields } from '../domain/place.js';
import { dayOfStay } from '../domain/schedule.js';
import { tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { dueItemsOf } from './register-stay.js';

// What closing a stay (release or transfer) does besides changing its status, as
// transaction items: the stay leaves its room (the last one out sends it to
// "cleaning", then inspected and free), the
// travel document may be checked in again, the stay's due items leave the jobs'
// index, and a PURGE due item dated with the facility-local close date enters it,
// for the retention job to find once the retention period is over.

/**
 * The stay leaves its room (as read by `roomOfStay`; the last occupant out sends the
 * room to cleaning); a home stay has no room. `handOverTo`: continuing at home, the
 * person's one open stay is now the home part.
 */
export function closeStayItems(stay: Stay, at: string, timeZone: string, room: Room | undefined, handOverTo?: { stayId: string; facilityId: string }, roomAfter: 'cleaning' | 'free' = 'cleaning'): TxItems {
  const closedDate = localDate(at, timeZone);
  return [
    ...(room ? [leaveRoomItem(room, stay.stayId, at, roomAfter)] : []),
    // A home stay leaves its team's list (the team follows open stays only).
    ...(stay.teamId ? [{ Delete: { TableName: tableName(), Key: teamStayKeys.key(stay.facilityId, stay.teamId, stay.stayId) } }] : []),
    handOverTo
      ? {
          Update: {
            TableName: tableName(),
            Key: activeStayKeys.key(stay.person.document),
            UpdateExpression: 'SET stayId = :next, facilityId = :facility',
            ConditionExpression: 'stayId = :stayId',
            ExpressionAttributeValues: { ':stayId': stay.stayId, ':next': handOverTo.stayId, ':facility': handOverTo.facilityId },
          },
        }
      : {
          Delete: {
            TableName: tableName(),
            Key: activeStayKeys.key(stay.person.document),
            ConditionExpression: 'stayId = :stayId',
            ExpressionAttributeValues: { ':stayId': stay.stayId },
          },
        },
    ...dueItemsOf(stay).map((d) => ({
      Update: {
        TableName: tableName(),
        Key: dueKeys.key(d.stayId, d.kind, d.dueDate),
        UpdateExpression: 'SET #state = :closed, closedAt = :at REMOVE GSI3PK, GSI3SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':closed': 'closed', ':at': at },
      },
    })),
    {
      Put: {
        TableName: tableName(),
        Item: openDueItem({
          stayId: stay.stayId,
          facilityId: stay.facilityId,
          kind: 'PURGE',
          dueDate: closedDate,
          day: dayOfStay(stay.schedule.day1Date, closedDate),
          ...placeFields(stay),
        }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}

export { roomOfStay, withRoomRetry } from './stay-room.js';
