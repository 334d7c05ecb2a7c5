import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { OPEN_STATUSES, stayKeys, type StayStatus } from './stay.js';

// Which of some stays are still open, read as just their status (BatchGet of 100 keys
// a call, unprocessed keys retried with backoff). Kept apart from ./stay.ts so check-in
// does not bundle BatchGet.

export async function openStayIds(stayIds: readonly string[]): Promise<Set<string>> {
  const open = new Set<string>();
  const ids = [...new Set(stayIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => stayKeys.key(id));
    for (let attempt = 0; keys?.length && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ProjectionExpression: 'stayId, #status', ExpressionAttributeNames: { '#status': 'status' } } } }),
      );
      for (const item of out.Responses?.[tableName()] ?? []) if (OPEN_STATUSES.includes(item.status as StayStatus)) open.add(String(item.stayId));
      keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return open;
}
