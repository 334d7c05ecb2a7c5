import { accountStore } from '../../functions/adapters/accounts-file.js';
import { oneTimePassword } from '../../functions/domain/one-time-password.js';

// The first `npm start` (no accounts yet) creates the administrator "admin" with a
// one-time password, printed once and changed at first sign-in. Only its scrypt
// hash is kept.

export const FIRST_ADMIN = 'admin';

export type FirstAdmin = { created: true; username: string; password: string } | { created: false; waiting: boolean };

export async function ensureFirstAdmin(accountsFile: string | undefined): Promise<FirstAdmin> {
  const store = accountStore(accountsFile);
  const all = store.all();
  if (all.length > 0) return { created: false, waiting: all.every((a) => a.mustChangePassword) };
  const password = oneTimePassword();
  await store.create({ username: FIRST_ADMIN, name: 'Administrator', role: 'admin', facilities: [] }, password);
  return { created: true, username: FIRST_ADMIN, password };
}
