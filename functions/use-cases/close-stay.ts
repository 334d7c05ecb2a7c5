import { activeStayKeys } from '../entities/active-stay.js';
import { dueKeys } from '../entities/due-item.js';
import { roomKeys } from '../entities/room.js';
import type { Stay } from '../entities/stay.js';
import { tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { dueItemsOf } from './register-stay.js';

// What closing a stay (release or transfer) does besides changing its status, as
// transaction items: the room goes to "cleaning" until staff mark it free, the
// travel document may be checked in again, and the stay's due items leave the
// jobs' index.

export function closeStayItems(stay: Stay, at: string): TxItems {
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
  ];
}
