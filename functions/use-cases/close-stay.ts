import { activeStayKeys } from '../entities/active-stay.js';
import { dueKeys, openDueItem } from '../entities/due-item.js';
import { roomKeys } from '../entities/room.js';
import type { Stay } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { dayOfStay } from '../domain/schedule.js';
import { tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { dueItemsOf } from './register-stay.js';

// What closing a stay (release or transfer) does besides changing its status, as
// transaction items: the room goes to "cleaning" until staff mark it free, the
// travel document may be checked in again, the stay's due items leave the jobs'
// index, and a PURGE due item dated with the facility-local close date enters it,
// for the retention job to find once the retention period is over.

export function closeStayItems(stay: Stay, at: string, timeZone: string): TxItems {
  const closedDate = localDate(at, timeZone);
  return [
    {
      Update: {
        TableName: tableName(),
        Key: roomKeys.key(stay.facilityId, stay.roomNumber),
        UpdateExpression: 'SET #state = :cleaning, updatedAt = :at REMOVE occupant',
        ConditionExpression: 'occupant.stayId = :stayId',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':cleaning': 'cleaning', ':at': at, ':stayId': stay.stayId },
      },
    },
    {
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
          roomNumber: stay.roomNumber,
        }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}
