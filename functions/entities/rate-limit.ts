import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';

// Fixed-window request counters for the public personal-link routes: PK
// RATE#<scope>#<key>, SK the window's start (epoch seconds). One conditional ADD per
// request; the condition refuses the request once the window's limit is reached.
// DynamoDB's TTL removes old windows (`expiresAt`). Keys are hashes (of the secret,
// of the client address), never the values themselves.

export interface RateRule {
  scope: 'link' | 'client';
  limit: number;
  windowSeconds: number;
}

/** True when the request fits in the window; false when the limit was reached. */
export async function takeToken(rule: RateRule, key: string, now: Date): Promise<{ ok: boolean; retryAfterSeconds: number }> {
  const epoch = Math.floor(now.getTime() / 1000);
  const window = epoch - (epoch % rule.windowSeconds);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: `RATE#${rule.scope}#${key}`, SK: String(window) },
        UpdateExpression: 'ADD #n :one SET expiresAt = if_not_exists(expiresAt, :exp)',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
        ExpressionAttributeNames: { '#n': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':exp': window + rule.windowSeconds * 2 },
      }),
    );
    return { ok: true, retryAfterSeconds: 0 };
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return { ok: false, retryAfterSeconds: window + rule.windowSeconds - epoch };
    throw err;
  }
}
