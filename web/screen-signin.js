// Sign-in: with the staff account (OAuth 2.0 code + PKCE, auth.js), or a pasted
// script token; then the facility to work in (chosen at once when there is one).
import { api } from './api.js';
import { authAvailable, signInRedirect } from './auth.js';
import { $, h } from './dom.js';
import { register, t } from './i18n.js';
import { banner, clearBanner, say, showProblem } from './notice.js';
import { renderWho } from './session.js';
import { chooseFacility, session, store } from './state.js';

register({
  en: {
    'signin.title': 'Sign in',
    'signin.token': 'Staff token',
    'signin.tokenHint': 'Paste the token you were given. It is kept in this browser tab only.',
    'signin.load': 'Load my facilities',
    'signin.facility': 'Facility',
    'signin.pick': 'Load your facilities first',
    'signin.submit': 'Sign in',
    'signin.noToken': 'Paste a token first.',
    'signin.noFacility': 'Choose a facility.',
    'signin.loaded': '{n} facilities loaded.',
    'signin.as': '{sub} ({role}) · {facility}',
    'signin.badToken': 'This token was refused: it is expired, malformed or not signed for this system.',
    'signin.none': 'This token gives access to no facility.',
    'signin.account': 'Sign in with my account',
    'signin.accountHint': 'Sign in with the username and password your administrator gave you.',
    'signin.tokenBox': 'Sign in with a token (scripts and tests)',
    'signin.noAccount': 'Sign-in with an account is not available here; use a token.',
    'signin.accountNone': 'Your account gives access to no facility yet. Ask your administrator.',
    'signin.choose': 'Choose the facility you work in today.',
  },
  zh: {
    'signin.title': '登录',
    'signin.token': '工作人员令牌',
    'signin.tokenHint': '粘贴发给您的令牌。只保存在本浏览器标签页中。',
    'signin.load': '加载我的隔离点',
    'signin.facility': '隔离点',
    'signin.pick': '请先加载隔离点',
    'signin.submit': '登录',
    'signin.noToken': '请先粘贴令牌。',
    'signin.noFacility': '请选择隔离点。',
    'signin.loaded': '已加载 {n} 个隔离点。',
    'signin.as': '{sub}（{role}）· {facility}',
    'signin.badToken': '令牌被拒绝：已过期、格式错误或不是本系统签发的。',
    'signin.none': '此令牌没有任何隔离点的权限。',
    'signin.account': '用我的账号登录',
    'signin.accountHint': '使用管理员给您的用户名和密码登录。',
    'signin.tokenBox': '使用令牌登录（脚本和测试用）',
    'signin.noAccount': '此处无法使用账号登录，请使用令牌。',
    'signin.accountNone': '您的账号还没有任何隔离点的权限。请联系管理员。',
    'signin.choose': '请选择您今天工作的隔离点。',
  },
});

async function loadFacilities() {
  const pasted = $('#s-token').value.trim();
  const token = pasted || (session.kind === 'account' ? session.token : '');
  if (!token) return banner([t('signin.noToken')]);
  say(t('loading'));
  const r = pasted ? await api('GET', '/facilities', undefined, { token }) : await api('GET', '/facilities');
  say('');
  if (r.status === 401) return banner([t(pasted ? 'signin.badToken' : 'err.session')]);
  if (!r.ok) return showProblem(r);
  const list = (r.data && r.data.facilities) || [];
  const select = $('#s-facility');
  select.replaceChildren(...list.map((f) => h('option', { value: f.facilityId, text: `${f.name} (${f.facilityId})` })));
  select.dataset.facilities = JSON.stringify(list);
  clearBanner();
  if (!list.length) return banner([t(pasted ? 'signin.none' : 'signin.accountNone')]);
  say(t('signin.loaded', { n: list.length }));
  select.focus();
}

async function signIn(e) {
  e.preventDefault();
  const pasted = $('#s-token').value.trim();
  const token = pasted || (session.kind === 'account' ? session.token : '');
  if (!token) return banner([t('signin.noToken')]);
  const select = $('#s-facility');
  if (!select.dataset.facilities) await loadFacilities();
  const list = JSON.parse(select.dataset.facilities || '[]');
  const facility = list.find((f) => f.facilityId === select.value);
  if (!facility) return banner([t('signin.noFacility')]);
  session.token = token;
  if (pasted) {
    session.kind = 'token';
    store.setItem('qd.token', token);
  }
  chooseFacility({ facilityId: facility.facilityId, name: facility.name, timeZone: facility.timeZone, ...(facility.kind ? { kind: facility.kind } : {}) });
  $('#s-token').value = '';
  clearBanner();
  renderWho();
  location.hash = '#board';
}

/** Signed in with the account but no facility chosen yet: list them (one: take it). */
async function show() {
  const account = session.kind === 'account' && Boolean(session.token);
  // Where there is no OpenID provider (a bare API server) a pasted token is the only way in.
  $('#signin-account').hidden = account || !authAvailable();
  $('#s-token-box').hidden = account;
  $('#s-token-box').open = !authAvailable();
  if (!account) return;
  await loadFacilities();
  const list = JSON.parse($('#s-facility').dataset.facilities || '[]');
  if (list.length === 1) return $('#signin-form').requestSubmit();
  if (list.length > 1) say(t('signin.choose'));
}

export default {
  view: 'signin',
  init() {
    $('#s-load').addEventListener('click', loadFacilities);
    $('#signin-form').addEventListener('submit', signIn);
    $('#s-account').addEventListener('click', () => (authAvailable() ? signInRedirect(location.hash === '#signin' ? '' : location.hash) : banner([t('signin.noAccount')])));
  },
  show,
};
