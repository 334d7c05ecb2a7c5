import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';

// Reading every item of one partition whose sort key starts with a prefix, across
// pages: the access pattern behind a stay's checks, situations, results and audit
// trail (each a handful to a few hundred items under STAY#<id>).

export interface PrefixQuery {
  newestFirst?: boolean;
  /** Strongly consistent: for reads that decide something (release, retest). */
  consistent?: boolean;
}

export async function queryPrefix(pk: string, prefix: string, opts: PrefixQuery = {}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ...(opts.newestFirst ? { ScanIndexForward: false } : {}),
        ...(opts.consistent ? { ConsistentRead: true } : {}),
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The entity's own fields: an item without its table keys and type tag. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, GSI2PK: _g2, GSI2SK: _s2, GSI3PK: _g3, GSI3SK: _s3, type: _type, ...rest } = item;
  return rest as T;
}
