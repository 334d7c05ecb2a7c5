// Staff sign-in with OAuth 2.0 authorization code + PKCE through oidc-client-ts
// (served from node_modules as /assets/oidc-client-ts.min.js, `window.oidc`):
// against the local OpenID provider of `npm start`, or Cognito's managed login in
// the cloud (GET /auth/config says which). The user (ID and refresh token) lives in
// localStorage, so every tab of this browser shares one session; a refresh before
// expiry runs in one tab at a time (Web Locks) and the others read its result, since
// a refresh token is good for one use only (rotation). Sign-out revokes it.
import { lang } from './i18n.js';

const LOCK = 'qd-token-refresh';
const RETURN_KEY = 'qd.returnTo';
let manager = null;
let settings = null;
let timer = null;
let popupOnly = false;

/** This window is the sign-in popup of another tab's session dialog: it closes itself. */
export const isSignInPopup = () => popupOnly;
const listeners = new Set();

/** The ID token's claims (the page only reads them for display; the API verifies the token). */
export function claimsOf(token) {
  try {
    return JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  } catch {
    return {};
  }
}

/** Seconds the ID token has left (negative: expired). */
const secondsLeft = (user) => (user && user.id_token ? (claimsOf(user.id_token).exp || 0) - Date.now() / 1000 : -1);
/** Refresh when a quarter of the token's life, at most a minute, is left. */
function margin(user) {
  const c = claimsOf(user.id_token);
  return Math.min(60, Math.max(2, ((c.exp || 0) - (c.iat || 0)) / 4));
}
const usable = (user) => Boolean(user && !user.expired && secondsLeft(user) > margin(user));

/** Called with the ID token (or '' when signed out) whenever the shared session changes. */
export function onSession(fn) {
  listeners.add(fn);
}
const announce = (user) => {
  for (const fn of listeners) fn(user && user.id_token && secondsLeft(user) > 0 ? user.id_token : '');
};

/** Loads the settings, finishes a sign-in that came back to this page, and returns the current ID token or ''. */
export async function startAuth() {
  if (!window.oidc) return '';
  const res = await fetch('/auth/config', { cache: 'no-store' }).catch(() => null);
  if (!res || !res.ok) return '';
  settings = await res.json();
  if (!settings.enabled) return '';
  const origin = location.origin;
  manager = new window.oidc.UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    popup_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: settings.scope,
    ...(settings.metadata ? { metadata: settings.metadata } : {}),
    userStore: new window.oidc.WebStorageStateStore({ store: window.localStorage }),
    stateStore: new window.oidc.WebStorageStateStore({ store: window.localStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    popupWindowFeatures: { width: 480, height: 640 },
    popupWindowTarget: 'qd-popup',
  });
  const params = new URLSearchParams(location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    let signedIn;
    let failed = false;
    try {
      // A popup (the session dialog) hands the answer to the page that opened it and closes; a redirect lands here.
      signedIn = await manager.signinCallback(location.href);
    } catch {
      // An old or foreign answer: start again from the sign-in screen.
      failed = true;
    }
    // A redirect answer gives the user; a popup's answer went to its opener (nothing comes back here).
    if (!failed && !signedIn) {
      popupOnly = true;
      return '';
    }
    const back = sessionStorage.getItem(RETURN_KEY) || '';
    sessionStorage.removeItem(RETURN_KEY);
    history.replaceState(null, '', `/${back}`);
  }
  // Another tab refreshed, signed in or signed out (the user removed).
  window.addEventListener('storage', async (e) => {
    if (e.key !== null && !e.key.startsWith('oidc.user:')) return;
    const user = await manager.getUser();
    schedule(user);
    if (!user) return announce(null);
    if (secondsLeft(user) > 0) announce(user);
  });
  const user = await currentUser();
  schedule(user);
  return user ? user.id_token : '';
}

export const authAvailable = () => Boolean(manager);

/** Refreshes before the token expires, on a timer in every tab; the lock lets one of them do it. */
function schedule(user) {
  clearTimeout(timer);
  if (!user || !user.refresh_token) return;
  const wait = Math.max(1, secondsLeft(user) - margin(user)) * 1000;
  // A failed refresh is not a sign-out: the page stays, and the next request asks to sign in again.
  timer = setTimeout(() => currentUser().then((u) => u && (schedule(u), announce(u))), wait);
}

// What a tab that refreshed says to the others: localStorage reaches other tabs a
// moment later, and reading the old refresh token there would use it a second time
// (which revokes the whole session).
const peers = 'BroadcastChannel' in window ? new BroadcastChannel('qd-auth') : null;
let fromPeer = null;
if (peers) peers.onmessage = (e) => (fromPeer = e.data && e.data.user ? e.data.user : null);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function refreshLocked() {
  const run = async () => {
    // Another tab may have refreshed while this one waited for the lock.
    const stored = await manager.getUser();
    if (usable(stored)) return stored;
    if (fromPeer) {
      const peer = window.oidc.User.fromStorageString(fromPeer);
      if (usable(peer)) {
        await manager.storeUser(peer);
        return peer;
      }
    }
    if (!stored || !stored.refresh_token) return null;
    try {
      const user = await manager.signinSilent();
      if (peers && user) peers.postMessage({ user: user.toStorageString() });
      // Hold the lock until the new refresh token has reached the other tabs' storage.
      await pause(300);
      return user;
    } catch {
      return null;
    }
  };
  return navigator.locks ? navigator.locks.request(LOCK, run) : run();
}

/** The signed-in user with an ID token good for a while yet (refreshed if needed), or null. */
export async function currentUser() {
  if (!manager) return null;
  const user = await manager.getUser();
  if (usable(user)) return user;
  return refreshLocked();
}

/** The ID token to send (fresh), or ''. */
export async function idToken() {
  const user = await currentUser();
  return user ? user.id_token : '';
}

/** Leaves the page for the sign-in page; it comes back to `returnTo` (an address like #board). */
export async function signInRedirect(returnTo = '') {
  sessionStorage.setItem(RETURN_KEY, returnTo);
  await manager.signinRedirect({ ui_locales: lang() });
}

/** Signs in again in a popup while the page (and what was typed) stays as it is. */
export async function signInPopup() {
  const user = await manager.signinPopup({ ui_locales: lang(), extraQueryParams: { prompt: 'login' } });
  schedule(user);
  announce(user);
  return user ? user.id_token : '';
}

/** Revokes the refresh token (every tab is signed out) and ends the provider's session. */
export async function signOutEverywhere() {
  clearTimeout(timer);
  const user = await manager.getUser();
  if (user && user.refresh_token) await manager.revokeTokens(['refresh_token']).catch(() => undefined);
  const extra = settings.logoutUriParam ? { [settings.logoutUriParam]: `${location.origin}/`, client_id: settings.clientId } : {};
  await manager.signoutRedirect({ id_token_hint: user ? user.id_token : undefined, extraQueryParams: { ...extra, ui_locales: lang() } });
}
