import * as z from 'zod/mini';
import { actor, dateTime, describe, meta } from './common.js';

// Staff accounts as the administration routes answer them: never a password hash;
// a one-time password only in the answer that made it, once.

export const Account = meta(
  z.object({
    username: z.string(),
    subject: describe(z.string(), "The token's `sub` (the audit trails' actor)"),
    name: z.optional(z.string()),
    role: z.enum(['staff', 'admin']),
    facilities: describe(z.array(z.string()), 'Facility ids a staff account works for; empty for admins (every facility)'),
    enabled: z.boolean(),
    status: describe(z.enum(['active', 'password_change_required']), 'password_change_required: the one-time password has not been replaced yet'),
    createdAt: dateTime,
  }),
  { id: 'Account' },
);

export const AccountList = meta(z.object({ accounts: z.array(Account) }), { id: 'AccountList' });

export const AccountWithPassword = meta(
  z.object({
    account: Account,
    oneTimePassword: describe(z.string(), 'Shown once: hand it to the person, who must change it at first sign-in. It is not kept anywhere readable.'),
  }),
  { id: 'AccountWithPassword' },
);

export const AccountAuditEntry = z.object({
  username: z.string(),
  at: dateTime,
  actor,
  action: z.enum(['account_created', 'account_changed', 'account_disabled', 'account_enabled', 'password_reset']),
  changes: describe(z.record(z.string(), z.unknown()), 'Fields with their old and new values (role, facilities, name, enabled); never a password'),
});

export const AccountAudit = meta(z.object({ entries: z.array(AccountAuditEntry) }), { id: 'AccountAudit' });
