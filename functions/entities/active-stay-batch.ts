import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { activeStayKeys } from './active-stay.js';
import { documentRef, type TravelDocument } from './stay.js';

/** The open-stay guards of many travel documents (a manifest's), by document ref: who already has an open stay. */
export async function getActiveStays(docs: readonly Pick<TravelDocument, 'type' | 'country' | 'number'>[]): Promise<Map<string, { stayId: string; facilityId: string }>> {
  const found = new Map<string, { stayId: string; facilityId: string }>();
  const refs = new Map(docs.map((d) => [documentRef(d), d]));
  const all = [...refs.values()];
  for (let i = 0; i < all.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = all.slice(i, i + 100).map((d) => activeStayKeys.key(d));
    for (let round = 0; keys?.length && round < 8; round++) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of out.Responses?.[tableName()] ?? []) found.set(String(item.PK), { stayId: String(item.stayId), facilityId: String(item.facilityId) });
      keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}
