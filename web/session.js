// The header's account line and the end of a session (signed out, or the token refused).
import { authAvailable, claimsOf, signOutEverywhere } from './auth.js';
import { $, $$ } from './dom.js';
import { t } from './i18n.js';
import { banner } from './notice.js';
import { session, signedIn, store } from './state.js';

/** The signed-in account's role, read from the token's claims as the API reads them. */
export const role = () => roleOfClaims(claimsOf(session.token));

function roleOfClaims(c) {
  return c['custom:role'] === 'admin' || (c['cognito:groups'] || []).includes('admin') ? 'admin' : 'staff';
}

export function renderWho() {
  const c = claimsOf(session.token);
  const role = roleOfClaims(c);
  $('#who').textContent = signedIn() ? t('signin.as', { sub: c.name || c['cognito:username'] || c.sub || '?', role: t(`role.${role}`), facility: session.facility.name }) : '';
  $('#signout').hidden = !signedIn();
  $('#nav').hidden = !signedIn();
  // Links to what only administrators may do (the API refuses staff anyway).
  for (const a of $$('#nav [data-admin]')) a.hidden = role !== 'admin';
}

/** The API refused the token (401): back to sign-in, saying why. */
export function sessionEnded() {
  store.removeItem('qd.token');
  session.token = '';
  renderWho();
  location.hash = '#signin';
  banner([t('err.session')]);
}

export async function signOut() {
  const account = session.kind === 'account' && authAvailable();
  store.clear();
  localStorage.removeItem('qd.facility');
  // Revokes the refresh token, so every tab of this browser is signed out, and ends the provider's session.
  if (account) return signOutEverywhere();
  session.token = '';
  session.facility = null;
  renderWho();
  location.hash = '#signin';
}

