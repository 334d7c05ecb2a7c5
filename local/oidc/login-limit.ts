// Failed sign-ins of the local provider, counted per username and per client address
// in a sliding window: once either count is reached, sign-in for that username (or
// from that client) is refused until the oldest failure leaves the window, before the
// password is even checked. A hotel desk PC serves a whole shift from one address,
// so the client allows more failures than one username does. A success clears the
// username's failures (not the client's). In memory: `npm start` is one process.

export interface LoginLimitOptions {
  perUsername?: number;
  perClient?: number;
  windowMs?: number;
  /** Keys kept at most (oldest dropped): a flood of made-up usernames cannot grow it without bound. */
  maxKeys?: number;
}

export interface LoginLimiter {
  /** Milliseconds until sign-in is allowed again for this username and client; 0: allowed now. */
  retryAfterMs(username: string, client: string, now?: number): number;
  failed(username: string, client: string, now?: number): void;
  succeeded(username: string): void;
}

export const LOGIN_LIMIT = { perUsername: 5, perClient: 20, windowMs: 15 * 60_000 };

export function loginLimiter(o: LoginLimitOptions = {}): LoginLimiter {
  const perUsername = o.perUsername ?? LOGIN_LIMIT.perUsername;
  const perClient = o.perClient ?? LOGIN_LIMIT.perClient;
  const windowMs = o.windowMs ?? LOGIN_LIMIT.windowMs;
  const maxKeys = o.maxKeys ?? 10_000;
  const failures = new Map<string, number[]>();
  const userKey = (u: string) => `u:${u.trim().toLowerCase()}`;
  const clientKey = (c: string) => `c:${c}`;

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  function wait(key: string, limit: number, now: number): number {
    const times = recent(key, now);
    return times.length < limit ? 0 : (times[times.length - limit] as number) + windowMs - now;
  }

  return {
    retryAfterMs: (username, client, now = Date.now()) => Math.max(wait(userKey(username), perUsername, now), wait(clientKey(client), perClient, now)),
    failed(username, client, now = Date.now()) {
      for (const key of [userKey(username), clientKey(client)]) {
        const times = recent(key, now);
        failures.delete(key);
        failures.set(key, [...times, now]);
      }
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    succeeded: (username) => void failures.delete(userKey(username)),
  };
}
