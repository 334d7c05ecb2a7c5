import { listAccountAudit, putAccountAudit, type AccountAction, type AccountAuditEntry } from '../entities/account-audit.js';
import { oneTimePassword } from '../domain/one-time-password.js';
import { accounts, type StaffAccount } from '../ports/accounts.js';
import type { CreateAccountInput, UpdateAccountInput } from '../schemas/accounts.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { unknownFacilityIssues } from './load-facility.js';

// Staff accounts administration (admins only): the Accounts port does the change
// (Cognito or the local provider's store), then the change is audited. Rules: a
// staff account works for facilities that exist; an admin cannot disable or demote
// their own account, and the last enabled admin cannot be disabled or demoted (no
// one could administer the accounts afterwards).

export interface IssuedPassword {
  account: StaffAccount;
  oneTimePassword: string;
}

const OWN = { code: 'own_account', message: 'You cannot disable your own account or change your own role.', messageZh: '不能停用自己的账号或更改自己的角色。' };
const LAST = { code: 'last_admin', message: 'This is the last enabled administrator: make another administrator first.', messageZh: '这是最后一个启用的管理员账号：请先设立另一名管理员。' };

async function mustGet(username: string): Promise<StaffAccount> {
  const a = await (await accounts()).get(username);
  if (!a) throw new NotFoundError('No account with this username.');
  return a;
}

/** Refuses taking admin rights away (disable or demote) from oneself or from the last enabled admin. */
async function assertAdminRemains(principal: Principal, target: StaffAccount): Promise<void> {
  if (target.subject === principal.subject) throw new ConflictError(OWN.message, [OWN]);
  if (target.role !== 'admin' || !target.enabled) return;
  const others = (await (await accounts()).list()).filter((a) => a.role === 'admin' && a.enabled && a.username !== target.username);
  if (others.length === 0) throw new ConflictError(LAST.message, [LAST]);
}

async function assertFacilities(role: StaffAccount['role'], facilities: string[]): Promise<void> {
  if (role === 'admin') return;
  const issues = facilities.length === 0 ? [{ path: 'facilities', message: 'A staff account works for at least one facility', code: 'facility_required' }] : await unknownFacilityIssues(facilities);
  if (issues.length > 0) throw new ValidationError(issues);
}

async function audit(principal: Principal, username: string, action: AccountAction, changes: Record<string, unknown>, now: Date): Promise<void> {
  await putAccountAudit({ username, at: now.toISOString(), actor: principal.subject, action, changes });
}

export async function listAccounts(principal: Principal): Promise<{ accounts: StaffAccount[] }> {
  assertAdmin(principal);
  return { accounts: await (await accounts()).list() };
}

export async function createAccount(principal: Principal, input: CreateAccountInput, now = new Date()): Promise<IssuedPassword> {
  assertAdmin(principal);
  const facilities = input.role === 'admin' ? [] : [...new Set(input.facilities)];
  await assertFacilities(input.role, facilities);
  const password = oneTimePassword();
  const account = await (await accounts()).create({ username: input.username, name: input.name, role: input.role, facilities }, password);
  await audit(principal, account.username, 'account_created', { role: account.role, facilities: account.facilities, name: account.name ?? null }, now);
  return { account, oneTimePassword: password };
}

export async function updateAccount(principal: Principal, username: string, input: UpdateAccountInput, now = new Date()): Promise<StaffAccount> {
  assertAdmin(principal);
  const current = await mustGet(username);
  const role = input.role ?? current.role;
  const facilities = role === 'admin' ? [] : [...new Set(input.facilities ?? current.facilities)];
  await assertFacilities(role, facilities);
  if (role !== current.role && current.role === 'admin') await assertAdminRemains(principal, current);
  else if (role !== current.role && current.subject === principal.subject) throw new ConflictError(OWN.message, [OWN]);
  const account = await (await accounts()).update(current.username, { role, facilities, ...(input.name !== undefined ? { name: input.name } : {}) });
  const changes: Record<string, unknown> = {};
  if (account.role !== current.role) changes.role = { from: current.role, to: account.role };
  if (account.facilities.join(',') !== current.facilities.join(',')) changes.facilities = { from: current.facilities, to: account.facilities };
  if ((account.name ?? null) !== (current.name ?? null)) changes.name = { from: current.name ?? null, to: account.name ?? null };
  if (Object.keys(changes).length > 0) await audit(principal, account.username, 'account_changed', changes, now);
  return account;
}

export async function setAccountEnabled(principal: Principal, username: string, enabled: boolean, now = new Date()): Promise<StaffAccount> {
  assertAdmin(principal);
  const current = await mustGet(username);
  if (!enabled) await assertAdminRemains(principal, current);
  if (current.enabled === enabled) return current;
  const account = await (await accounts()).setEnabled(current.username, enabled);
  await audit(principal, account.username, enabled ? 'account_enabled' : 'account_disabled', { enabled: { from: current.enabled, to: enabled } }, now);
  return account;
}

export async function resetAccountPassword(principal: Principal, username: string, now = new Date()): Promise<IssuedPassword> {
  assertAdmin(principal);
  const current = await mustGet(username);
  const password = oneTimePassword();
  const account = await (await accounts()).resetPassword(current.username, password);
  // Only that it happened: the password itself is in the answer and nowhere else.
  await audit(principal, account.username, 'password_reset', { status: { from: current.status, to: account.status } }, now);
  return { account, oneTimePassword: password };
}

export async function accountAudit(principal: Principal, username: string): Promise<{ entries: AccountAuditEntry[] }> {
  assertAdmin(principal);
  const current = await mustGet(username);
  return { entries: await listAccountAudit(current.username) };
}
