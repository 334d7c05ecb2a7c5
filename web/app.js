// Quarantine desk web form: native ES modules, no framework, no build step (see
// web/README.md for the layout and how to add a screen). This entry module wires the
// screens to the address (#board, #stay/<id>, ...), the language toggle and sign-out.
// Everything the page shows comes from the staff API with the pasted token (kept in
// sessionStorage). Text is set with textContent only, never as HTML.
import { isSignInPopup, onSession, startAuth } from './auth.js';
import { $, $$ } from './dom.js';
import { wireUppercase } from './forms.js';
import { applyI18n, lang, setLang, t } from './i18n.js';
import { banner, clearBanner, say } from './notice.js';
import board from './screen-board.js';
import signin from './screen-signin.js';
import { renderWho, signOut } from './session.js';
import { session, signedIn } from './state.js';

/**
 * A screen: { view, init?, show?(arg), relabel?, hide?, mayLeave? }. `view` names its
 * section (#view-<view>), its address (#<view> or #<view>/<arg>) and its nav link
 * (data-view). init() runs once at start; show(arg) each time its address is opened;
 * relabel() after a language change; hide() when another screen is shown; mayLeave()
 * may refuse leaving (unsaved input), false keeps the address.
 */
// The first screens (sign-in, then the room board) come with the page; every other
// screen is fetched the first time it is opened, so a phone downloads only what
// staff use (test/web/desk.test.ts weighs both).
const LATER = {
  register: () => import('./screen-register.js'),
  manifest: () => import('./screen-manifest.js'),
  stay: () => import('./screen-stay.js'),
  today: () => import('./screen-today.js'),
  transport: () => import('./screen-transport.js'),
  reminders: () => import('./screen-reminders.js'),
  team: () => import('./screen-team.js'),
  requests: () => import('./screen-requests.js'),
  accounts: () => import('./screen-accounts.js'),
};
const VIEWS = [signin.view, board.view, ...Object.keys(LATER)];
/** The screens loaded so far, by view; each was init()-ed once when it came. */
const loaded = new Map([signin, board].map((s) => [s.view, s]));
const loading = new Map();

/** The screen of `view`, fetched and initialised on its first opening. */
function screenOf(view) {
  if (loaded.has(view)) return Promise.resolve(loaded.get(view));
  if (!loading.has(view)) {
    loading.set(
      view,
      LATER[view]()
        .then(({ default: screen }) => {
          // Its messages registered only now: its static text is translated now.
          applyI18n($(`#view-${view}`));
          if (screen.init) screen.init();
          loaded.set(view, screen);
          return screen;
        })
        .finally(() => loading.delete(view)),
    );
  }
  return loading.get(view);
}

/** The screen an address names (signed out: the sign-in screen; signed in: the board by default). */
function viewOf(hash) {
  const name = hash.replace(/^#/, '').split('/')[0];
  if (!signedIn()) return 'signin';
  return VIEWS.includes(name) && name !== 'signin' ? name : 'board';
}

async function route() {
  const [name, arg] = location.hash.replace(/^#/, '').split('/');
  if (name === 'slip') return; // the release slip's in-page link
  const view = viewOf(location.hash);
  let screen;
  try {
    screen = await screenOf(view);
  } catch {
    // Offline, or a deploy replaced the files: the current screen stays.
    banner([t('err.network')]);
    return;
  }
  // Another address was opened while this screen was coming.
  if (viewOf(location.hash) !== view) return;
  for (const v of VIEWS) $(`#view-${v}`).hidden = v !== view;
  for (const s of loaded.values()) if (s.view !== view && s.hide) s.hide();
  for (const a of $$('#nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  renderWho();
  if (screen.show) await screen.show(arg);
}

let shownHash = location.hash;
function navigate() {
  // Leaving a screen that holds unsaved input asks first; staying puts the address back.
  const leaving = loaded.get(viewOf(shownHash));
  if (leaving && location.hash !== shownHash && shownHash.replace(/^#/, '').split('/')[0] === leaving.view && leaving.mayLeave && !leaving.mayLeave()) {
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
    for (const s of loaded.values()) if (s.relabel) s.relabel();
  });
  $('#signout').addEventListener('click', signOut);
  for (const s of loaded.values()) if (s.init) s.init();
  wireUppercase();
  window.addEventListener('hashchange', navigate);
  navigate();
}
void init();
