import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freeRoomIndexKeys, roomKeys } from '../entities/room.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

/** After release or transfer a room is "cleaning"; staff mark it free, which puts it back in the free-room index. */
export async function markRoomFree(principal: Principal, facilityId: string, roomNumber: string, now = new Date()) {
  await loadFacilityFor(principal, facilityId);
  const index = freeRoomIndexKeys(facilityId, roomNumber);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: roomKeys.key(facilityId, roomNumber),
        UpdateExpression: 'SET #state = :free, updatedAt = :at, GSI2PK = :gpk, GSI2SK = :gsk',
        ConditionExpression: '#state = :cleaning',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':free': 'free', ':cleaning': 'cleaning', ':at': now.toISOString(), ':gpk': index.GSI2PK, ':gsk': index.GSI2SK },
      }),
    );
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError(`Room ${roomNumber} is not being cleaned.`, [{ code: 'room_not_cleaning', message: 'Only a room in cleaning can be marked free (unknown rooms too are refused).' }]);
    }
    throw err;
  }
  return { facilityId, roomNumber, state: 'free' as const };
}
