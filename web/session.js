// The header's account line and the end of a session (signed out, or the token refused).
import { $ } from './dom.js';
import { t } from './i18n.js';
import { banner } from './notice.js';
import { session, signedIn, store } from './state.js';

function claims(token) {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

export function renderWho() {
  const c = claims(session.token);
  $('#who').textContent = signedIn() ? t('signin.as', { sub: c.sub || '?', role: c['custom:role'] || 'staff', facility: session.facility.name }) : '';
  $('#signout').hidden = !signedIn();
  $('#nav').hidden = !signedIn();
}

/** The API refused the token (401): back to sign-in, saying why. */
export function sessionEnded() {
  store.removeItem('qd.token');
  session.token = '';
  renderWho();
  location.hash = '#signin';
  banner([t('err.session')]);
}

export function signOut() {
  store.clear();
  session.token = '';
  session.facility = null;
  renderWho();
  location.hash = '#signin';
}

