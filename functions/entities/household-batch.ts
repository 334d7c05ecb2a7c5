import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { householdKeys, type Household } from './household.js';

// Kept apart from ./household.ts so single check-in does not bundle BatchGet.

/** Pointers of many households (a manifest's), by household id. */
export async function getHouseholds(facilityId: string, householdIds: readonly string[]): Promise<Map<string, Household>> {
  const found = new Map<string, Household>();
  const ids = [...new Set(householdIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => householdKeys.key(facilityId, id));
    for (let round = 0; keys?.length && round < 8; round++) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of out.Responses?.[tableName()] ?? []) found.set(String(item.householdId), item as unknown as Household);
      keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}
