import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';

// Reading every item of one partition (of the table or of a GSI) whose sort key
// starts with a prefix, across pages: the access pattern behind a stay's checks,
// situations, results and audit trail, a day's departures and the facility list.

export interface PrefixQuery {
  /** Query this GSI's partition (GSI1PK/GSI1SK...) instead of the table's PK/SK. */
  index?: 'GSI1' | 'GSI2' | 'GSI3';
  newestFirst?: boolean;
  /** Strongly consistent: for reads that decide something (release, retest). */
  consistent?: boolean;
}

export async function queryPrefix(pk: string, prefix: string, opts: PrefixQuery = {}): Promise<Record<string, unknown>[]> {
  const keyName = opts.index ?? '';
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        ...(opts.index ? { IndexName: opts.index } : {}),
        // An empty prefix reads the whole partition (begins_with refuses an empty string).
        KeyConditionExpression: prefix ? `${keyName}PK = :pk AND begins_with(${keyName}SK, :prefix)` : `${keyName}PK = :pk`,
        ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
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

/**
 * Every item one query matches, across pages, counting the items DynamoDB read into
 * `meter` (the jobs report them: their reads must stay flat as the table grows).
 */
export async function queryAllCounted(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, meter: { items: number }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }));
    meter.items += out.ScannedCount ?? out.Items?.length ?? 0;
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
