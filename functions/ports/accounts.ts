import type { Role } from '../shared/principal.js';

// Port: the staff accounts people sign in with. Adapters: the Cognito user pool in
// the cloud (USER_POOL_ID, admin APIs over signed requests) and the local OpenID
// provider's account file (ACCOUNTS_FILE, or memory for `npm start -- --in-memory`).
// Both hand out a one-time password that must be changed at first sign-in.

export interface StaffAccount {
  username: string;
  /** The token's `sub`. */
  subject: string;
  name?: string;
  role: Role;
  facilities: string[];
  enabled: boolean;
  /** password_change_required until the one-time password has been replaced. */
  status: 'active' | 'password_change_required';
  createdAt: string;
}

export interface NewAccount {
  username: string;
  name?: string;
  role: Role;
  facilities: string[];
}

export interface AccountChange {
  name?: string;
  role?: Role;
  facilities?: string[];
}

export interface Accounts {
  readonly name: string;
  list(): Promise<StaffAccount[]>;
  get(username: string): Promise<StaffAccount | undefined>;
  /** Throws ConflictError (username_taken) when the username exists. */
  create(a: NewAccount, temporaryPassword: string): Promise<StaffAccount>;
  update(username: string, change: AccountChange): Promise<StaffAccount>;
  /** Disabling also ends the account's sessions (refresh tokens revoked). */
  setEnabled(username: string, enabled: boolean): Promise<StaffAccount>;
  /** A new one-time password; the old password and sessions stop working. */
  resetPassword(username: string, temporaryPassword: string): Promise<StaffAccount>;
}

let instance: Accounts | undefined;

/** The process's accounts adapter, chosen from the configuration (the one place that decides). */
export async function accounts(): Promise<Accounts> {
  if (instance === undefined) {
    const poolId = process.env.USER_POOL_ID;
    if (poolId) {
      const { cognitoAccounts } = await import('../adapters/accounts-cognito.js');
      instance = cognitoAccounts(poolId, process.env.AWS_REGION ?? 'us-east-1');
    } else {
      const { fileAccounts } = await import('../adapters/accounts-file.js');
      instance = fileAccounts(process.env.ACCOUNTS_FILE);
    }
  }
  return instance as Accounts;
}

export function resetAccounts(): void {
  instance = undefined;
}
