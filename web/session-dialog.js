// The session ended while the user was working (the refresh token expired or was
// revoked): a dialog over the page, which stays as it is, signs in again in a popup;
// the request that was refused is then sent again with the new token, so a form
// being saved is saved. One dialog for every request refused meanwhile.
import { signInPopup } from './auth.js';
import { $ } from './dom.js';
import { register, t } from './i18n.js';

register({
  en: {
    'expired.title': 'Your session has ended',
    'expired.text': 'Sign in again to go on. This page and what you typed stay as they are; what you were saving is saved once you are signed in.',
    'expired.signin': 'Sign in again',
    'expired.cancel': 'Not now',
    'expired.blocked': 'The sign-in window could not open or was closed. Allow pop-ups for this site and try again.',
  },
  zh: {
    'expired.title': '登录已过期',
    'expired.text': '请重新登录后继续。本页面和您已填写的内容都会保留；登录后会继续保存刚才提交的内容。',
    'expired.signin': '重新登录',
    'expired.cancel': '暂不登录',
    'expired.blocked': '登录窗口无法打开或已被关闭。请允许本网站弹出窗口后重试。',
  },
});

let pending = null;

/** Resolves true once signed in again (retry the request), false when the user declines. */
export function askToSignInAgain() {
  if (pending) return pending;
  const dialog = $('#session-dialog');
  pending = new Promise((resolve) => {
    const done = (ok) => {
      dialog.close();
      $('#session-signin').removeEventListener('click', onSignIn);
      $('#session-cancel').removeEventListener('click', onCancel);
      pending = null;
      resolve(ok);
    };
    const onSignIn = async () => {
      $('#session-problem').hidden = true;
      try {
        if (await signInPopup()) return done(true);
      } catch {
        // closed or blocked popup: say so and let the user try again
      }
      $('#session-problem').textContent = t('expired.blocked');
      $('#session-problem').hidden = false;
    };
    const onCancel = () => done(false);
    $('#session-signin').addEventListener('click', onSignIn);
    $('#session-cancel').addEventListener('click', onCancel);
    $('#session-problem').hidden = true;
    if (!dialog.open) dialog.showModal();
  });
  return pending;
}
