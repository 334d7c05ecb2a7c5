import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { stayKeys } from './stay.js';

// Special-situation record (特殊情况记录) on a stay's file: PK STAY#<id>,
// SK SITUATION#<iso time>#<situationId>, so the file lists them in order.

export const SITUATION_KINDS = ['medical_transfer', 'psychological_support', 'complaint', 'other'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

export interface Situation {
  situationId: string;
  stayId: string;
  facilityId: string;
  roomNumber: string;
  kind: SituationKind;
  text: string;
  recordedAt: string;
  recordedBy: string;
}

export const situationKeys = {
  prefix: 'SITUATION#',
  key: (stayId: string, recordedAt: string, situationId: string) => ({ PK: stayKeys.pk(stayId), SK: `SITUATION#${recordedAt}#${situationId}` }),
};

export function situationItem(s: Situation) {
  return { ...situationKeys.key(s.stayId, s.recordedAt, s.situationId), type: 'Situation', ...s };
}

/** A stay's situations, newest first. */
export async function listSituations(stayId: string): Promise<Situation[]> {
  const items: Situation[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId), ':prefix': situationKeys.prefix },
        ScanIndexForward: false,
        ExclusiveStartKey: start,
      }),
    );
    for (const { PK: _pk, SK: _sk, type: _type, ...rest } of out.Items ?? []) items.push(rest as unknown as Situation);
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
