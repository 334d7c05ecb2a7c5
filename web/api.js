// The staff API client: the session's bearer token, JSON in and out, no caching.
// Answers { status, ok, type, data, res, routeMissing } (network: true when the server
// could not be reached); a refused body is a problem+json document for showProblem().
import { idToken } from './auth.js';
import { askToSignInAgain } from './session-dialog.js';
import { sessionEnded } from './session.js';
import { session } from './state.js';

/** opts.token: a token to try (sign-in), not the session's; opts.raw: leave the body unread (files). */
export async function api(method, path, body, opts = {}) {
  const account = !opts.token && session.kind === 'account';
  // An account's token is refreshed before it expires (auth.js); none left: sign in again first.
  if (account) session.token = (await idToken()) || session.token;
  const headers = { authorization: `Bearer ${opts.token || session.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    return { status: 0, ok: false, data: null, network: true };
  }
  const type = res.headers.get('content-type') || '';
  const out = { status: res.status, ok: res.ok, type, data: null, res };
  if (opts.raw) return out;
  if (type.includes('json')) out.data = await res.json().catch(() => null);
  // API Gateway (and the local server) answer a route that does not exist with a
  // plain 404, not a problem document: the feature is not deployed yet.
  out.routeMissing = res.status === 404 && !type.includes('problem+json');
  if (res.status === 401 && account) {
    // The session ended mid-work: sign in again over the page, then send this request again.
    if (await askToSignInAgain()) {
      session.token = await idToken();
      if (session.token) return api(method, path, body, opts);
    }
    sessionEnded();
  } else if (res.status === 401 && !opts.token) sessionEnded();
  return out;
}

/**
 * For a screen that reloads on every filter or choice: `const start = newestOnly()` once,
 * then `const current = start()` per load, and draw only while `current()` is true, so a
 * slower, older answer never draws over the list a later choice asked for.
 */
export function newestOnly() {
  let n = 0;
  return () => {
    const mine = ++n;
    return () => mine === n;
  };
}
