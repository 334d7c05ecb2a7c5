import { ConflictError, NotFoundError, ServiceUnavailableError } from '../shared/errors.js';
import type { Role } from '../shared/principal.js';
import type { AccountChange, Accounts, NewAccount, StaffAccount } from '../ports/accounts.js';
import { signedRequest, type AwsTransport } from './aws-signed-request.js';

// Cloud adapter of the Accounts port: the Cognito user pool's admin APIs (JSON 1.1
// protocol) through ./aws-signed-request.ts, like SNS and Secrets Manager, so the
// accounts Lambda carries no Cognito SDK. Role and facilities live in custom:role
// and custom:facilities (only these admin calls can write them, lib/auth.ts), and
// admins are also in the `admin` group (cognito:groups). New accounts get a
// one-time password (FORCE_CHANGE_PASSWORD) that the administrator hands over;
// Cognito sends no message. Disabling signs the account out everywhere (its
// refresh tokens stop working).

const ADMIN_GROUP = 'admin';

interface CognitoUser {
  Username: string;
  Attributes?: { Name: string; Value: string }[];
  UserAttributes?: { Name: string; Value: string }[];
  Enabled?: boolean;
  UserStatus?: string;
  UserCreateDate?: number;
}

export function cognitoAccounts(userPoolId: string, region: string, options: { transport?: AwsTransport; endpoint?: string } = {}): Accounts {
  const send = options.transport ?? signedRequest;

  async function call<T>(action: string, body: Record<string, unknown>): Promise<T> {
    const res = await send({
      service: 'cognito-idp',
      region,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify({ UserPoolId: userPoolId, ...body }),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    let out: Record<string, unknown> = {};
    try {
      out = res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {};
    } catch {
      throw new ServiceUnavailableError('The account service answered unexpectedly. Retry shortly.');
    }
    if (res.status === 200) return out as T;
    const type = String(out.__type ?? '').split('#').pop();
    if (type === 'UsernameExistsException') throw new ConflictError('This username is taken.', [{ code: 'username_taken', message: 'An account with this username exists.' }]);
    if (type === 'UserNotFoundException') throw new NotFoundError('No such account.');
    if (type === 'TooManyRequestsException' || res.status >= 500) throw new ServiceUnavailableError('The account service is busy. Retry shortly.');
    throw new Error(`Cognito ${action} failed: ${res.status} ${type || 'unknown'}`);
  }

  const attr = (u: CognitoUser, name: string) => (u.Attributes ?? u.UserAttributes ?? []).find((a) => a.Name === name)?.Value;

  function toAccount(username: string, u: CognitoUser): StaffAccount {
    const role: Role = attr(u, 'custom:role') === 'admin' ? 'admin' : 'staff';
    const name = attr(u, 'name');
    return {
      username,
      subject: attr(u, 'sub') ?? username,
      ...(name ? { name } : {}),
      role,
      facilities: (attr(u, 'custom:facilities') ?? '').split(',').filter(Boolean),
      enabled: u.Enabled !== false,
      status: u.UserStatus === 'FORCE_CHANGE_PASSWORD' || u.UserStatus === 'RESET_REQUIRED' ? 'password_change_required' : 'active',
      createdAt: new Date((u.UserCreateDate ?? 0) * 1000).toISOString(),
    };
  }

  async function get(username: string): Promise<StaffAccount | undefined> {
    try {
      return toAccount(username, await call<CognitoUser>('AdminGetUser', { Username: username }));
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  async function mustGet(username: string): Promise<StaffAccount> {
    const a = await get(username);
    if (!a) throw new NotFoundError('No such account.');
    return a;
  }

  async function setGroup(username: string, role: Role): Promise<void> {
    await call(role === 'admin' ? 'AdminAddUserToGroup' : 'AdminRemoveUserFromGroup', { Username: username, GroupName: ADMIN_GROUP });
  }

  const roleAttributes = (role: Role, facilities: string[], name?: string) => [
    { Name: 'custom:role', Value: role },
    { Name: 'custom:facilities', Value: role === 'admin' ? '' : facilities.join(',') },
    ...(name !== undefined ? [{ Name: 'name', Value: name }] : []),
  ];

  return {
    name: 'cognito',
    async list() {
      const out: StaffAccount[] = [];
      let token: string | undefined;
      do {
        const page: { Users?: CognitoUser[]; PaginationToken?: string } = await call('ListUsers', { Limit: 60, ...(token ? { PaginationToken: token } : {}) });
        for (const u of page.Users ?? []) out.push(toAccount(u.Username, u));
        token = page.PaginationToken;
      } while (token);
      return out.sort((a, b) => a.username.localeCompare(b.username));
    },
    get,
    async create(a: NewAccount, temporaryPassword: string) {
      await call('AdminCreateUser', {
        Username: a.username,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: roleAttributes(a.role, a.facilities, a.name),
      });
      if (a.role === 'admin') await setGroup(a.username, 'admin');
      return mustGet(a.username);
    },
    async update(username: string, c: AccountChange) {
      const current = await mustGet(username);
      const role = c.role ?? current.role;
      await call('AdminUpdateUserAttributes', { Username: username, UserAttributes: roleAttributes(role, c.facilities ?? current.facilities, c.name) });
      if (role !== current.role) await setGroup(username, role);
      return mustGet(username);
    },
    async setEnabled(username: string, enabled: boolean) {
      if (enabled) await call('AdminEnableUser', { Username: username });
      else {
        await call('AdminDisableUser', { Username: username });
        await call('AdminUserGlobalSignOut', { Username: username });
      }
      return mustGet(username);
    },
    async resetPassword(username: string, temporaryPassword: string) {
      await call('AdminSetUserPassword', { Username: username, Password: temporaryPassword, Permanent: false });
      await call('AdminUserGlobalSignOut', { Username: username });
      return mustGet(username);
    },
  };
}
