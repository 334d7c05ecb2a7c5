import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { reminderKeys, type Reminder } from '../entities/reminder.js';
import { db, tableName } from '../shared/db.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

// GET /facilities/{facilityId}/reminders: a facility's reminders, newest first, with
// their lines (who, which room, which day) and delivery state. One GSI1 Query a page.

export async function listReminders(principal: Principal, facilityId: string, q: { limit: number; cursor?: string }): Promise<{ reminders: Reminder[]; cursor?: string }> {
  await loadFacilityFor(principal, facilityId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': reminderKeys.listPk(facilityId) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, { index: 'GSI1', partition: reminderKeys.listPk(facilityId) }),
    }),
  );
  const reminders = (out.Items ?? []).map((item) => {
    const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, GSI2PK: _g2, GSI2SK: _s2, type: _t, ...rest } = item;
    const r = rest as Reminder & { delivery: Reminder['delivery'] & { claimedUntil?: string } };
    const { claimedUntil: _c, ...delivery } = r.delivery;
    return { ...r, delivery } as Reminder;
  });
  return { reminders, cursor: encodeCursor(out.LastEvaluatedKey) };
}
