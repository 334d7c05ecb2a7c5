import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LabScope } from '../domain/lab-scope.js';
import { db, tableName } from '../shared/db.js';

// A lab's registry entry in the table: PK LAB#<labId>, SK LAB, the facilities it
// serves. Its shared secret lives in the secret store (ports/lab-secrets.ts), never
// here; the scope lives here so an administrator can change it without a redeploy.

export interface LabRecord {
  labId: string;
  scope: LabScope;
  updatedAt: string;
  updatedBy: string;
}

export const labKeys = {
  key: (labId: string) => ({ PK: `LAB#${labId}`, SK: 'LAB' }),
};

export async function getLab(labId: string): Promise<LabRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: labKeys.key(labId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { labId: id, scope, updatedAt, updatedBy } = out.Item as unknown as LabRecord;
  return { labId: id, scope, updatedAt, updatedBy };
}

export async function putLab(l: LabRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...labKeys.key(l.labId), type: 'Lab', ...l } }));
}
