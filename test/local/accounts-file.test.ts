import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore, checkPassword, hashPassword, passwordProblems } from '../../functions/adapters/accounts-file.js';
import { oneTimePassword } from '../../functions/domain/one-time-password.js';

// The local OpenID provider's accounts: scrypt hashes only, one-time passwords that
// meet the policy, and the changes that end sessions (disable, reset).

describe('local accounts file', () => {
  it('keeps only scrypt hashes, in a file only its owner reads', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'qd-acc-')), 'accounts.json');
    const store = new AccountStore(path);
    const pw = oneTimePassword();
    await store.create({ username: 'Li.Na', role: 'staff', facilities: ['hotel-1'] }, pw);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(pw);
    expect(text).toMatch(/"passwordHash": "scrypt\$32768\$8\$1\$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await store.authenticate('li.na', pw))?.mustChangePassword).toBe(true);
    expect(await store.authenticate('li.na', `${pw}x`)).toBeUndefined();
    expect(await store.authenticate('nobody', pw)).toBeUndefined();
    // Another process (the provider, the CLI) sees the same file.
    expect(new AccountStore(path).byUsername('LI.NA')?.facilities).toEqual(['hotel-1']);
  });

  it('refuses a taken username; disabling and resetting cut off existing sessions', async () => {
    const store = new AccountStore();
    await store.create({ username: 'zhang', role: 'staff', facilities: ['a'] }, oneTimePassword());
    await expect(store.create({ username: 'ZHANG', role: 'admin', facilities: [] }, oneTimePassword())).rejects.toMatchObject({ status: 409 });
    const disabled = await store.setEnabled('zhang', false);
    expect(disabled.revokedBefore).toBeDefined();
    const pw = oneTimePassword();
    await store.setEnabled('zhang', true);
    const reset = await store.resetPassword('zhang', pw);
    expect(reset.mustChangePassword).toBe(true);
    expect(await store.authenticate('zhang', pw)).toBeDefined();
    const changed = await store.changePassword('zhang', 'Harbour-lights-2026');
    expect(changed.mustChangePassword).toBe(false);
    // An admin carries no facility list: every facility is theirs.
    expect((await store.update('zhang', { role: 'admin' })).facilities).toEqual([]);
  });

  it('one-time passwords meet the policy; the policy names every unmet rule', async () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(oneTimePassword())).toEqual([]);
    expect(passwordProblems('short')).toEqual(['password_too_short', 'password_needs_uppercase', 'password_needs_digit', 'password_needs_symbol']);
    expect(await checkPassword('密码 Zh0ng#wen', await hashPassword('密码 Zh0ng#wen'))).toBe(true);
  });
});
