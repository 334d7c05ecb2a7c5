// Quarantine desk web form: native ES modules, no framework, no build step (see
// web/README.md for the layout and how to add a screen). This entry module wires the
// screens to the address (#board, #stay/<id>, ...), the language toggle and sign-out.
// Everything the page shows comes from the staff API with the pasted token (kept in
// sessionStorage). Text is set with textContent only, never as HTML.
import { isSignInPopup, onSession, startAuth } from './auth.js';
import accounts from './screen-accounts.js';
import { $, $$ } from './dom.js';
import { wireUppercase } from './forms.js';
import { applyI18n, lang, setLang } from './i18n.js';
import { clearBanner, say } from './notice.js';
import board from './screen-board.js';
import manifest from './screen-manifest.js';
import register from './screen-register.js';
import reminders from './screen-reminders.js';
import requests from './screen-requests.js';
import signin from './screen-signin.js';
import stay from './screen-stay.js';
import today from './screen-today.js';
import team from './screen-team.js';
import transport from './screen-transport.js';
import { renderWho, signOut } from './session.js';
import { session, signedIn } from './state.js';

/**
 * A screen: { view, init?, show?(arg), relabel?, hide?, mayLeave? }. `view` names its
 * section (#view-<view>), its address (#<view> or #<view>/<arg>) and its nav link
 * (data-view). init() runs once at start; show(arg) each time its address is opened;
 * relabel() after a language change; hide() when another screen is shown; mayLeave()
 * may refuse leaving (unsaved input), false keeps the address.
 */
const SCREENS = [signin, board, register, manifest, stay, today, transport, reminders, team, requests, accounts];
const byView = new Map(SCREENS.map((s) => [s.view, s]));

/** The screen an address names (signed out: the sign-in screen; signed in: the board by default). */
function viewOf(hash) {
  const name = hash.replace(/^#/, '').split('/')[0];
  if (!signedIn()) return 'signin';
  return byView.has(name) && name !== 'signin' ? name : 'board';
}

async function route() {
  const [name, arg] = location.hash.replace(/^#/, '').split('/');
  if (name === 'slip') return; // the release slip's in-page link
  const view = viewOf(location.hash);
  for (const s of SCREENS) $(`#view-${s.view}`).hidden = s.view !== view;
  for (const s of SCREENS) if (s.view !== view && s.hide) s.hide();
  for (const a of $$('#nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  renderWho();
  const screen = byView.get(view);
  if (screen.show) await screen.show(arg);
}

let shownHash = location.hash;
function navigate() {
  // Leaving a screen that holds unsaved input asks first; staying puts the address back.
  const leaving = byView.get(viewOf(shownHash));
  if (location.hash !== shownHash && shownHash.replace(/^#/, '').split('/')[0] === leaving.view && leaving.mayLeave && !leaving.mayLeave()) {
    history.replaceState(null, '', shownHash);
    return;
  }
  shownHash = location.hash;
  clearBanner();
  say('');
  route().then(() => {
    const h2 = $('main section.view:not([hidden]) h2');
    if (h2) {
      h2.setAttribute('tabindex', '-1');
      if (document.activeElement === document.body || document.activeElement === null) h2.focus({ preventScroll: true });
    }
  });
}

async function init() {
  applyI18n();
  // Finishes a sign-in that came back here, and picks up the session other tabs share.
  const token = await startAuth().catch(() => '');
  if (isSignInPopup()) return;
  if (session.kind === 'account') session.token = token;
  onSession((t) => {
    if (session.kind !== 'account') return;
    const was = session.token;
    session.token = t;
    // Signed out in another tab: this one follows.
    if (was && !t) {
      session.facility = null;
      navigate();
    }
  });
  $('#lang').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    applyI18n();
    renderWho();
    for (const s of SCREENS) if (s.relabel) s.relabel();
  });
  $('#signout').addEventListener('click', signOut);
  for (const s of SCREENS) if (s.init) s.init();
  wireUppercase();
  window.addEventListener('hashchange', navigate);
  navigate();
}
void init();
