import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { randomToken } from '../shared/ids.js';
import { stayKeys } from './stay.js';

// Audit entry: who changed a stay, when and what. PK STAY#<id>, SK AUDIT#<iso time>#<random>,
// written in the same transaction as the change it records. `changes` names fields
// and codes, not personal values, so the trail can be shown to any admin.

export interface AuditEntry {
  stayId: string;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
}

export const auditKeys = {
  prefix: 'AUDIT#',
  key: (stayId: string, at: string) => ({ PK: stayKeys.pk(stayId), SK: `AUDIT#${at}#${randomToken(6)}` }),
};

export function auditItem(e: AuditEntry) {
  return { ...auditKeys.key(e.stayId, e.at), type: 'Audit', ...e };
}

export async function listAudit(stayId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
        ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId), ':audit': auditKeys.prefix },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      const { stayId: id, at, actor, action, changes } = item as AuditEntry;
      entries.push({ stayId: id, at, actor, action, changes });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return entries;
}
