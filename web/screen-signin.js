// Sign-in: paste a staff token, load the facilities it may see, choose one.
import { api } from './api.js';
import { $, h } from './dom.js';
import { register, t } from './i18n.js';
import { banner, clearBanner, say, showProblem } from './notice.js';
import { renderWho } from './session.js';
import { session, store } from './state.js';

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
  },
});

async function loadFacilities() {
  const token = $('#s-token').value.trim();
  if (!token) return banner([t('signin.noToken')]);
  say(t('loading'));
  const r = await api('GET', '/facilities', undefined, { token });
  say('');
  if (r.status === 401) return banner([t('signin.badToken')]);
  if (!r.ok) return showProblem(r);
  const list = (r.data && r.data.facilities) || [];
  const select = $('#s-facility');
  select.replaceChildren(...list.map((f) => h('option', { value: f.facilityId, text: `${f.name} (${f.facilityId})` })));
  select.dataset.facilities = JSON.stringify(list);
  clearBanner();
  if (!list.length) return banner([t('signin.none')]);
  say(t('signin.loaded', { n: list.length }));
  select.focus();
}

async function signIn(e) {
  e.preventDefault();
  const token = $('#s-token').value.trim();
  if (!token) return banner([t('signin.noToken')]);
  const select = $('#s-facility');
  if (!select.dataset.facilities) await loadFacilities();
  const list = JSON.parse(select.dataset.facilities || '[]');
  const facility = list.find((f) => f.facilityId === select.value);
  if (!facility) return banner([t('signin.noFacility')]);
  session.token = token;
  session.facility = { facilityId: facility.facilityId, name: facility.name, timeZone: facility.timeZone };
  store.setItem('qd.token', token);
  store.setItem('qd.facility', JSON.stringify(session.facility));
  $('#s-token').value = '';
  clearBanner();
  renderWho();
  location.hash = '#board';
}

export default {
  view: 'signin',
  init() {
    $('#s-load').addEventListener('click', loadFacilities);
    $('#signin-form').addEventListener('submit', signIn);
  },
};
