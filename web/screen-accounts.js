// Staff accounts (administrators only): who may sign in, with which role and for which
// facilities; create an account, change its role and facilities, disable or enable it,
// reset its password. A one-time password is shown once, in the answer that made it,
// for the administrator to hand over; the person changes it at first sign-in.
import { api } from './api.js';
import { claimsOf } from './auth.js';
import { $, $$, fill, h } from './dom.js';
import { formJson, submitting } from './forms.js';
import { lang, register, t } from './i18n.js';
import { clearBanner, result, say, showProblem } from './notice.js';
import { role } from './session.js';
import { session } from './state.js';

register({
  en: {
    'accounts.title': 'Staff accounts',
    'accounts.new': 'New account',
    'accounts.username': 'Username (for signing in)',
    'accounts.name': 'Name',
    'accounts.role': 'Role',
    'accounts.facilities': 'Facilities',
    'accounts.allFacilities': 'Administrators work for every facility.',
    'accounts.create': 'Create the account',
    'accounts.created': 'The account {username} for {name} is ready.',
    'accounts.reset': 'A new one-time password for {username} ({name}).',
    'accounts.otp': 'One-time password: ',
    'accounts.otpHint': 'Shown only now: give it to the person in person or by phone. They choose their own password at first sign-in.',
    'accounts.none': 'No accounts yet.',
    'accounts.you': 'you',
    'accounts.disabled': 'disabled',
    'accounts.pending': 'has not signed in yet (one-time password)',
    'accounts.edit': 'Change role or facilities',
    'accounts.save': 'Save',
    'accounts.cancel': 'Cancel',
    'accounts.saved': '{name}: saved. It takes effect at their next sign-in or within the hour.',
    'accounts.disable': 'Disable',
    'accounts.enable': 'Enable',
    'accounts.resetPassword': 'Reset password',
    'accounts.wasDisabled': '{name} can no longer sign in; their open sessions end at the next refresh.',
    'accounts.wasEnabled': '{name} may sign in again.',
    'accounts.adminOnly': 'Only administrators manage accounts.',
  },
  zh: {
    'accounts.title': '工作人员账号',
    'accounts.new': '新建账号',
    'accounts.username': '用户名（登录用）',
    'accounts.name': '姓名',
    'accounts.role': '角色',
    'accounts.facilities': '隔离点',
    'accounts.allFacilities': '管理员可管理所有隔离点。',
    'accounts.create': '创建账号',
    'accounts.created': '已为{name}创建账号 {username}。',
    'accounts.reset': '已为 {username}（{name}）生成新的一次性密码。',
    'accounts.otp': '一次性密码：',
    'accounts.otpHint': '仅此一次显示：请当面或电话告知本人。本人首次登录时须设置自己的密码。',
    'accounts.none': '尚无账号。',
    'accounts.you': '本人',
    'accounts.disabled': '已停用',
    'accounts.pending': '尚未首次登录（一次性密码）',
    'accounts.edit': '更改角色或隔离点',
    'accounts.save': '保存',
    'accounts.cancel': '取消',
    'accounts.saved': '{name}：已保存。下次登录或一小时内生效。',
    'accounts.disable': '停用',
    'accounts.enable': '启用',
    'accounts.resetPassword': '重置密码',
    'accounts.wasDisabled': '{name}已不能登录；已登录的会话在下次刷新时结束。',
    'accounts.wasEnabled': '{name}可以重新登录。',
    'accounts.adminOnly': '只有管理员可以管理账号。',
  },
});

let facilities = [];
let accounts = [];
/** The row being edited (username), so a redraw keeps it open. */
let editing = '';

const facilityName = (id) => facilities.find((f) => f.facilityId === id)?.name || id;
const who = (a) => a.name || a.username;

/** Checkboxes for every facility, those in `chosen` ticked (name="facilities", a list). */
function facilityBoxes(chosen, idPrefix) {
  return facilities.map((f) =>
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'facilities', value: f.facilityId, 'data-array': true, id: `${idPrefix}-${f.facilityId}`, checked: chosen.includes(f.facilityId) }),
      ' ', h('span', { text: f.name })));
}

/** Admins have every facility: their list is hidden (and not sent). */
function syncScope(form) {
  const admin = form.elements.role.value === 'admin';
  const set = $('fieldset', form);
  set.hidden = admin;
  set.disabled = admin;
  const note = $('.scope-note', form);
  if (note) note.hidden = !admin;
}

function drawCreateForm() {
  const set = $('#ac-facilities');
  fill(set, h('legend', { text: t('accounts.facilities') }), facilityBoxes([], 'ac-f'));
  syncScope($('#accounts-form'));
}

/** What the last action did ({key, vars, password?}), redrawn in the other language; null: nothing to say. */
let notice = null;

function drawNotice() {
  const box = $('#accounts-result');
  if (!notice) return result(box, []);
  const lines = [h('p', { text: t(notice.key, notice.vars) })];
  if (notice.password) {
    lines.push(h('p', {}, t('accounts.otp'), h('code', { id: 'accounts-otp', class: 'otp', text: notice.password })));
    lines.push(h('p', { class: 'meta', text: t('accounts.otpHint') }));
  }
  result(box, lines);
}

function notify(key, account, password) {
  clearBanner();
  notice = { key, vars: { username: account.username, name: who(account) }, password };
  drawNotice();
  $('#accounts-result').scrollIntoView({ block: 'nearest' });
}

async function act(a, path, done) {
  const r = await api('POST', `/accounts/${encodeURIComponent(a.username)}/${path}`);
  if (!r.ok) return showProblem(r);
  done(r.data);
  await load();
}

function editForm(a) {
  const form = h('form', { class: 'account-edit', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: `ae-role-${a.username}`, text: t('accounts.role') }),
      h('select', { id: `ae-role-${a.username}`, name: 'role' },
        ['staff', 'admin'].map((x) => h('option', { value: x, text: t(`role.${x}`), selected: x === a.role })))),
    h('fieldset', { class: 'inline' }, h('legend', { text: t('accounts.facilities') }), facilityBoxes(a.facilities, `ae-${a.username}`)),
    h('p', { class: 'meta scope-note', text: t('accounts.allFacilities') }),
    h('div', { class: 'row' },
      h('button', { type: 'submit', text: t('accounts.save') }),
      h('button', { type: 'button', class: 'secondary', text: t('accounts.cancel'), onclick: () => { editing = ''; draw(); } })));
  form.elements.role.addEventListener('change', () => syncScope(form));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = formJson(form);
    if (body.role === 'admin') delete body.facilities;
    submitting(form, async () => {
      const r = await api('PUT', `/accounts/${encodeURIComponent(a.username)}`, body);
      if (!r.ok) return showProblem(r, form);
      editing = '';
      notify('accounts.saved', r.data);
      await load();
    });
  });
  queueMicrotask(() => syncScope(form));
  return form;
}

function item(a) {
  const me = a.subject === claimsOf(session.token).sub;
  const facts = [
    a.username,
    t(`role.${a.role}`),
    a.role === 'admin' ? '' : a.facilities.map(facilityName).join(lang() === 'zh' ? '、' : ', '),
    a.enabled ? '' : t('accounts.disabled'),
    a.status === 'password_change_required' ? t('accounts.pending') : '',
  ].filter(Boolean);
  const button = (key, cls, onclick) => h('button', { type: 'button', class: cls, text: t(key), onclick });
  return h('li', { class: a.enabled ? 'account' : 'account off', 'data-username': a.username },
    h('strong', { text: who(a) }), me ? h('span', { class: 'meta', text: ` (${t('accounts.you')})` }) : '',
    h('p', { class: 'meta', text: facts.join(' · ') }),
    editing === a.username
      ? editForm(a)
      : h('div', { class: 'actions' },
        me ? '' : button('accounts.edit', 'secondary', () => { editing = a.username; draw(); }),
        me ? '' : a.enabled
          ? button('accounts.disable', 'secondary', () => act(a, 'disable', (x) => notify('accounts.wasDisabled', x)))
          : button('accounts.enable', 'secondary', () => act(a, 'enable', (x) => notify('accounts.wasEnabled', x))),
        button('accounts.resetPassword', 'secondary', () => act(a, 'reset-password', (x) => notify('accounts.reset', x.account, x.oneTimePassword)))));
}

function draw() {
  fill($('#accounts-out'), accounts.length ? h('ul', { class: 'plain card accounts' }, accounts.map(item)) : h('p', { class: 'card', text: t('accounts.none') }));
}

async function load() {
  const r = await api('GET', '/accounts');
  if (!r.ok) return showProblem(r);
  accounts = r.data.accounts;
  draw();
}

async function show() {
  notice = null;
  drawNotice();
  if (role() !== 'admin') {
    $('#accounts-form').hidden = true;
    return fill($('#accounts-out'), h('p', { class: 'card', text: t('accounts.adminOnly') }));
  }
  $('#accounts-form').hidden = false;
  say(t('loading'));
  const f = await api('GET', '/facilities');
  say('');
  if (!f.ok) return showProblem(f);
  facilities = f.data.facilities;
  drawCreateForm();
  await load();
}

async function create(e) {
  e.preventDefault();
  const form = e.target;
  const body = formJson(form);
  if (body.role === 'admin') delete body.facilities;
  else body.facilities = $$('input[name="facilities"]:checked', form).map((c) => c.value);
  await submitting(form, async () => {
    const r = await api('POST', '/accounts', body);
    if (!r.ok) return showProblem(r, form);
    form.reset();
    drawCreateForm();
    notify('accounts.created', r.data.account, r.data.oneTimePassword);
    await load();
  });
}

export default {
  view: 'accounts',
  init() {
    const form = $('#accounts-form');
    form.addEventListener('submit', create);
    form.elements.role.addEventListener('change', () => syncScope(form));
  },
  show,
  relabel() {
    if (facilities.length) drawCreateForm();
    if (accounts.length) draw();
    drawNotice();
  },
  // The one-time password is not left on the page for the next person at the desk.
  hide() {
    notice = null;
    drawNotice();
  },
};
