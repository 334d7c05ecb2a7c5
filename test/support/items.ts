import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/shared/db.js';

// Direct, strongly consistent reads of what a use case wrote, for assertions.

/** Every item of a partition (optionally whose sort key starts with `prefix`). */
export async function itemsOf(pk: string, prefix = ''): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :p)' : 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export const remindersOf = (facilityId: string) => itemsOf(`FACILITY#${facilityId}`, 'REMINDER#');
