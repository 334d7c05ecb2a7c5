import { describe, expect, it } from 'vitest';
import { LOGIN_LIMIT, loginLimiter } from '../../local/oidc/login-limit.js';
import { loginPage } from '../../local/oidc/pages.js';

// The local provider's sign-in limit: 5 failures per username and 20 per client in 15
// minutes, refused with a message in the person's language (the provider itself is
// driven in test/web/sign-in.test.ts).

const MIN = 60_000;

describe('local sign-in limit', () => {
  it('pauses a username after 5 failures in 15 minutes, until the oldest leaves the window', () => {
    const l = loginLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) l.failed('Li.Na', '10.0.0.1', t0 + i * MIN);
    expect(l.retryAfterMs('li.na', '10.0.0.1', t0 + 4 * MIN)).toBe(0);
    l.failed('li.na ', '10.0.0.2', t0 + 4 * MIN);
    // Any client, any case: the username is paused until 15 minutes after the first failure.
    expect(l.retryAfterMs('LI.NA', '10.0.0.9', t0 + 5 * MIN)).toBe(10 * MIN);
    expect(l.retryAfterMs('wang', '10.0.0.1', t0 + 5 * MIN)).toBe(0);
    expect(l.retryAfterMs('li.na', '10.0.0.1', t0 + 15 * MIN + 1)).toBe(0);
  });

  it('pauses a client after 20 failures over any usernames; a success clears only the username', () => {
    expect(LOGIN_LIMIT).toEqual({ perUsername: 5, perClient: 20, windowMs: 15 * MIN });
    const l = loginLimiter();
    for (let i = 0; i < 20; i++) l.failed(`guess-${i}`, '192.0.2.7', 0);
    expect(l.retryAfterMs('someone-else', '192.0.2.7', MIN)).toBe(14 * MIN);
    expect(l.retryAfterMs('someone-else', '192.0.2.8', MIN)).toBe(0);
    for (let i = 0; i < 4; i++) l.failed('zhang', '192.0.2.8', 0);
    l.succeeded('zhang');
    l.failed('zhang', '192.0.2.8', 0);
    expect(l.retryAfterMs('zhang', '192.0.2.9', 0)).toBe(0);
  });

  it('keeps at most maxKeys keys', () => {
    const l = loginLimiter({ maxKeys: 10, perUsername: 1 });
    for (let i = 0; i < 100; i++) l.failed(`u${i}`, 'c', 0);
    expect(l.retryAfterMs('u0', 'x', 0)).toBe(0);
    expect(l.retryAfterMs('u99', 'x', 0)).toBeGreaterThan(0);
  });

  it('says so in Chinese and in English, with the minutes to wait', () => {
    expect(loginPage('zh', 'uid', { problems: ['tooMany'], vars: { minutes: 12 } })).toContain('登录失败次数过多，已暂停登录。请 12 分钟后再试');
    expect(loginPage('en', 'uid', { problems: ['tooMany'], vars: { minutes: 12 } })).toContain('Too many failed sign-ins: sign-in is paused. Try again in 12 minutes');
  });
});
