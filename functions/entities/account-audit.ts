import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { randomToken } from '../shared/ids.js';
import { queryPrefix } from './partition.js';

// Audit of a staff account: who changed it, when, what. PK ACCOUNT#<username>,
// SK AUDIT#<iso time>#<random>. The account itself lives in Cognito (or the local
// provider's file), so this is written right after the change succeeds, never
// before: the trail holds only changes that happened. `changes` holds old and new
// role, facilities, name and enabled; never a password, one-time or not.

export type AccountAction = 'account_created' | 'account_changed' | 'account_disabled' | 'account_enabled' | 'password_reset';

export interface AccountAuditEntry {
  username: string;
  at: string;
  actor: string;
  action: AccountAction;
  changes: Record<string, unknown>;
}

export const accountAuditKeys = {
  pk: (username: string) => `ACCOUNT#${username}`,
  prefix: 'AUDIT#',
  key: (username: string, at: string) => ({ PK: accountAuditKeys.pk(username), SK: `AUDIT#${at}#${randomToken(6)}` }),
};

export async function putAccountAudit(e: AccountAuditEntry): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...accountAuditKeys.key(e.username, e.at), type: 'AccountAudit', ...e } }));
}

export async function listAccountAudit(username: string): Promise<AccountAuditEntry[]> {
  return (await queryPrefix(accountAuditKeys.pk(username), accountAuditKeys.prefix, { newestFirst: true })).map((item) => {
    const { username: u, at, actor, action, changes } = item as unknown as AccountAuditEntry;
    return { username: u, at, actor, action, changes };
  });
}
