import { randomUUID, scrypt, timingSafeEqual, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { AccountChange, Accounts, NewAccount, StaffAccount } from '../ports/accounts.js';

// Accounts of the local OpenID provider (`npm start`): one JSON file under .data/
// (mode 600), or memory only. Passwords are kept as scrypt hashes (N=2^15, r=8,
// p=1, 16-byte salt). The provider (local/oidc/) signs people in against this store
// and the accounts routes change it, both in the one `npm start` process; writes go
// through one queue and replace the file atomically.

export interface StoredAccount extends Omit<StaffAccount, 'status'> {
  passwordHash: string;
  mustChangePassword: boolean;
  /** Refresh tokens issued before this instant no longer work (disable, password reset). */
  revokedBefore?: string;
  updatedAt: string;
}

interface FileShape {
  accounts: Record<string, StoredAccount>;
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Cognito's policy in the stack (lib/auth.ts): 12+ characters with lower, upper, digit and symbol. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 12) problems.push('password_too_short');
  if (!/[a-z]/.test(password)) problems.push('password_needs_lowercase');
  if (!/[A-Z]/.test(password)) problems.push('password_needs_uppercase');
  if (!/[0-9]/.test(password)) problems.push('password_needs_digit');
  if (!/[^A-Za-z0-9]/.test(password)) problems.push('password_needs_symbol');
  return problems;
}

export const publicAccount = (a: StoredAccount): StaffAccount => ({
  username: a.username,
  subject: a.subject,
  ...(a.name ? { name: a.name } : {}),
  role: a.role,
  facilities: a.facilities,
  enabled: a.enabled,
  status: a.mustChangePassword ? 'password_change_required' : 'active',
  createdAt: a.createdAt,
});

export class AccountStore {
  private memory: FileShape = { accounts: {} };
  private mtimeMs = -1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path?: string) {}

  private read(): FileShape {
    if (!this.path) return this.memory;
    if (!existsSync(this.path)) return (this.memory = { accounts: {} });
    const mtime = statSync(this.path).mtimeMs;
    if (mtime !== this.mtimeMs) {
      this.memory = JSON.parse(readFileSync(this.path, 'utf8')) as FileShape;
      this.mtimeMs = mtime;
    }
    return this.memory;
  }

  private write(data: FileShape): void {
    this.memory = data;
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.path);
    this.mtimeMs = statSync(this.path).mtimeMs;
  }

  /** One change at a time: read, change, write. */
  private change<T>(fn: (data: FileShape) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const data = structuredClone(this.read());
      const out = await fn(data);
      this.write(data);
      return out;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  all(): StoredAccount[] {
    return Object.values(this.read().accounts).sort((a, b) => a.username.localeCompare(b.username));
  }

  byUsername(username: string): StoredAccount | undefined {
    return this.read().accounts[username.toLowerCase()];
  }

  bySubject(subject: string): StoredAccount | undefined {
    return this.all().find((a) => a.subject === subject);
  }

  async create(a: NewAccount, temporaryPassword: string): Promise<StoredAccount> {
    const passwordHash = await hashPassword(temporaryPassword);
    return this.change((data) => {
      const key = a.username.toLowerCase();
      if (data.accounts[key]) throw new ConflictError('This username is taken.', [{ code: 'username_taken', message: 'An account with this username exists.' }]);
      const now = new Date().toISOString();
      const stored: StoredAccount = {
        username: key,
        subject: randomUUID(),
        ...(a.name ? { name: a.name } : {}),
        role: a.role,
        facilities: a.role === 'admin' ? [] : a.facilities,
        enabled: true,
        createdAt: now,
        updatedAt: now,
        passwordHash,
        mustChangePassword: true,
      };
      data.accounts[key] = stored;
      return stored;
    });
  }

  private edit(username: string, fn: (a: StoredAccount) => void | Promise<void>): Promise<StoredAccount> {
    return this.change(async (data) => {
      const a = data.accounts[username.toLowerCase()];
      if (!a) throw new NotFoundError('No such account.');
      await fn(a);
      a.updatedAt = new Date().toISOString();
      return a;
    });
  }

  update(username: string, c: AccountChange): Promise<StoredAccount> {
    return this.edit(username, (a) => {
      if (c.name !== undefined) a.name = c.name;
      if (c.role !== undefined) a.role = c.role;
      if (c.facilities !== undefined) a.facilities = c.facilities;
      if (a.role === 'admin') a.facilities = [];
    });
  }

  setEnabled(username: string, enabled: boolean): Promise<StoredAccount> {
    return this.edit(username, (a) => {
      a.enabled = enabled;
      if (!enabled) a.revokedBefore = new Date().toISOString();
    });
  }

  async resetPassword(username: string, temporaryPassword: string): Promise<StoredAccount> {
    const hash = await hashPassword(temporaryPassword);
    return this.edit(username, (a) => {
      a.passwordHash = hash;
      a.mustChangePassword = true;
      a.revokedBefore = new Date().toISOString();
    });
  }

  /** The account when the password is right and the account enabled; runs the hash either way. */
  async authenticate(username: string, password: string): Promise<StoredAccount | undefined> {
    const a = this.byUsername(username.trim());
    const ok = await checkPassword(password, a?.passwordHash ?? DUMMY_HASH);
    return ok && a?.enabled ? a : undefined;
  }

  async changePassword(username: string, password: string): Promise<StoredAccount> {
    const hash = await hashPassword(password);
    return this.edit(username, (a) => {
      a.passwordHash = hash;
      a.mustChangePassword = false;
    });
  }
}

// Same cost for unknown usernames, so timing does not tell which exist.
const DUMMY_HASH = `scrypt$32768$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

const stores = new Map<string, AccountStore>();

/** One store per file (or the one in memory) for the whole process: the provider and the routes share it. */
export function accountStore(path?: string): AccountStore {
  const key = path ?? ':memory:';
  let s = stores.get(key);
  if (!s) {
    s = new AccountStore(path);
    stores.set(key, s);
  }
  return s;
}

export function fileAccounts(path?: string): Accounts {
  const store = accountStore(path);
  return {
    name: path ? 'local-file' : 'local-memory',
    list: async () => store.all().map(publicAccount),
    get: async (u) => {
      const a = store.byUsername(u);
      return a && publicAccount(a);
    },
    create: async (a, pw) => publicAccount(await store.create(a, pw)),
    update: async (u, c) => publicAccount(await store.update(u, c)),
    setEnabled: async (u, e) => publicAccount(await store.setEnabled(u, e)),
    resetPassword: async (u, pw) => publicAccount(await store.resetPassword(u, pw)),
  };
}
