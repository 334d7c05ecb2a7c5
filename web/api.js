// The staff API client: the session's bearer token, JSON in and out, no caching.
// Answers { status, ok, type, data, res, routeMissing } (network: true when the server
// could not be reached); a refused body is a problem+json document for showProblem().
import { sessionEnded } from './session.js';
import { session } from './state.js';

/** opts.token: a token to try (sign-in), not the session's; opts.raw: leave the body unread (files). */
export async function api(method, path, body, opts = {}) {
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
  if (res.status === 401 && !opts.token) sessionEnded();
  return out;
}
