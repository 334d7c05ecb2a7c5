// Reminders: what the jobs raised for this facility (missing checks, fevers, retests,
// releases due), each line linking to the person's file, in the page's language from
// codes. Filters (open / handled / closed, kind, room or name) are the server's; a
// reminder is marked handled once (who, when, an optional note).
import { api, newestOnly } from './api.js';
import { claimsOf } from './auth.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { clearBanner, say, showProblem } from './notice.js';
import { FEVER_C } from './checks.js';
import { fid, session } from './state.js';
import { isoToLocal, tz } from './time.js';

const KINDS = ['fever_or_symptom', 'positive_result', 'retest_due', 'retest_overdue', 'documents_due', 'expired_isolation', 'special_situation', 'report_missed', 'report_missed_follow_up', 'report_missed_supervisor', 'unmatched_lab_result'];

register({
  en: {
    'reminders.title': 'Reminders',
    'reminders.unavailable': 'Reminders are not available on this server yet.',
    'reminders.none': 'No reminders.',
    'reminders.urgent': 'Urgent',
    'reminders.state': 'Show',
    'reminders.state.open': 'Open',
    'reminders.state.handled': 'Handled',
    'reminders.state.closed': 'Closed (everyone left)',
    'reminders.state.all': 'All',
    'reminders.kind': 'Reminder type',
    'reminders.allKinds': 'All types',
    'reminders.search': 'Room or name',
    'reminders.handle': 'Mark handled',
    'reminders.note': 'Note (optional)',
    'reminders.handledBy': 'Handled {at} by {who}',
    'reminders.you': 'you',
    'reminders.colleague': 'a colleague',
    'reminders.left': 'left',
    'reminders.closed': 'Everyone it names has left.',
    'reminders.more': 'More',
    'rk.retest_due': 'Retest due',
    'rk.retest_overdue': 'Retest overdue',
    'rk.documents_due': 'Release documents due',
    'rk.expired_isolation': 'Isolation period ended, not released',
    'rk.positive_result': 'Positive result: transfer to hospital',
    'rk.fever_or_symptom': 'Fever or symptom',
    'rk.special_situation': 'Special situation',
    'rk.unmatched_lab_result': 'Lab result without a person',
    'rk.report_missed': 'Report missing: reminder sent to the person',
    'rk.report_missed_follow_up': 'Report missing: follow up',
    'rk.report_missed_supervisor': 'Report still missing',
    'rl.who': 'Room {room} {name}',
    'rl.home': '{name} · {address} (grid cell {cell})',
    'rl.step.1': 'first reminder by text message',
    'rl.step.2': 'second reminder by text message',
    'rl.step.3': 'call or visit, then mark the follow-up done',
    'rl.step.4': 'no report after the last reminder',
    'rl.for': 'for {role} {name}',
    'rl.supervisor': 'for the supervisor',
    'rl.fever': 'fever {temp} °C',
    'rl.temp': '{temp} °C',
  },
  zh: {
    'reminders.title': '提醒',
    'reminders.unavailable': '本服务器暂不提供提醒。',
    'reminders.none': '没有提醒。',
    'reminders.urgent': '紧急',
    'reminders.state': '显示',
    'reminders.state.open': '待处理',
    'reminders.state.handled': '已处理',
    'reminders.state.closed': '已结束（人员已离开）',
    'reminders.state.all': '全部',
    'reminders.kind': '提醒类型',
    'reminders.allKinds': '全部类型',
    'reminders.search': '房间或姓名',
    'reminders.handle': '标记为已处理',
    'reminders.note': '备注（可不填）',
    'reminders.handledBy': '{who}已于 {at} 处理',
    'reminders.you': '你',
    'reminders.colleague': '同事',
    'reminders.left': '已离开',
    'reminders.closed': '涉及的人员均已离开。',
    'reminders.more': '更多',
    'rk.retest_due': '今日复检',
    'rk.retest_overdue': '复检逾期',
    'rk.documents_due': '待出具解除隔离文书',
    'rk.expired_isolation': '隔离期已满未解除',
    'rk.positive_result': '阳性结果：转运至医院',
    'rk.fever_or_symptom': '发热或症状',
    'rk.special_situation': '特殊情况',
    'rk.unmatched_lab_result': '无法匹配人员的检测结果',
    'rk.report_missed': '未报告：已提醒本人',
    'rk.report_missed_follow_up': '未报告：请跟进',
    'rk.report_missed_supervisor': '仍未报告',
    'rl.who': '{room} 房 {name}',
    'rl.home': '{name} · {address}（网格 {cell}）',
    'rl.step.1': '已短信提醒',
    'rl.step.2': '已再次短信提醒',
    'rl.step.3': '请电话或上门，完成后标记跟进完成',
    'rl.step.4': '最后一次提醒后仍未报告',
    'rl.for': '由{role}{name}处理',
    'rl.supervisor': '请负责人处理',
    'rl.fever': '发热 {temp} °C',
    'rl.temp': '体温 {temp} °C',
  },
});

let cursor;

/** "112 房 赵磊", or at home "陈静 · 幸福里 3 号楼 501（网格 G-02）": the name and where, never the stay id. */
function who(l) {
  if (l.roomNumber) return t('rl.who', { room: l.roomNumber, name: l.name || '' }).trim();
  if (l.gridCell) return t('rl.home', { name: l.name || '', address: l.address || '', cell: l.gridCell }).trim();
  return l.name || '';
}

/** Whom a team reminder is for: "由社区干部李娜处理". */
function recipientText(x) {
  const r = x.recipient;
  if (!r) return '';
  return r.role === 'supervisor' ? t('rl.supervisor') : t('rl.for', { role: t(`team.role.${r.role}`), name: r.name || '' });
}

/** What the line says, from its fields in the page's language ("发热 38.4 °C · 咳嗽"). */
export function lineText(x, l) {
  const parts = [];
  if (typeof l.temperatureC === 'number') parts.push(t(l.temperatureC >= FEVER_C ? 'rl.fever' : 'rl.temp', { temp: l.temperatureC.toFixed(1) }));
  for (const s of l.symptoms || []) if (s !== 'fever' || typeof l.temperatureC !== 'number') parts.push(t(`sym.${s}`));
  const slot = l.slot || (x.kind.startsWith('report_missed') ? x.slot : undefined);
  if (slot) parts.push(t(`slot.${slot}`));
  if (x.kind === 'special_situation' && l.note) parts.push(t(`kind.${l.note}`));
  if (x.kind.startsWith('report_missed') && l.step) parts.push(t(`rl.step.${l.step}`));
  if (l.day) parts.push(t('board.day', { n: l.day }));
  // Lines without fields (older reminders, unmatched samples) keep the server's text.
  if (!parts.length || (x.kind !== 'fever_or_symptom' && x.kind !== 'special_situation' && !x.kind.startsWith('report_missed') && !l.stayId)) parts.push(l.note || '');
  return parts.filter(Boolean).join(' · ');
}

function handledText(x) {
  const me = claimsOf(session.token).sub;
  const at = isoToLocal(x.handled.at, tz()).replace('T', ' ');
  return `${t('reminders.handledBy', { at, who: t(x.handled.by === me ? 'reminders.you' : 'reminders.colleague') })}${x.handled.note ? ` · ${x.handled.note}` : ''}`;
}

function handleForm(x) {
  async function submit(e) {
    e.preventDefault();
    clearBanner();
    const form = e.currentTarget;
    const note = form.querySelector('input').value.trim();
    const r = await api('PUT', `/facilities/${fid()}/reminders/${encodeURIComponent(x.reminderId)}/handled`, note ? { note } : {});
    // currentTarget is gone once the event has been dispatched: the form captured above.
    if (!r.ok) return showProblem(r, form);
    await showReminders();
  }
  const id = `rn-${x.reminderId.replace(/[^\w-]/g, '_')}`;
  return h(
    'form',
    { class: 'row handle screen-only', onsubmit: submit, novalidate: true },
    h('label', { class: 'field' }, h('span', { class: 'meta', text: t('reminders.note') }), h('input', { id, name: 'note', maxlength: 500, autocomplete: 'off', 'data-keep': id })),
    h('button', { type: 'submit', class: 'secondary', text: t('reminders.handle') }),
  );
}

function item(x, state) {
  // In the open list a person who left drops out; the other lists show them marked.
  const lines = (x.lines || []).filter((l) => !(state === 'open' && l.closed));
  return h(
    'li',
    { class: `reminder ${x.state || 'open'}` },
    h('p', { class: 'reminder-head' }, x.urgent && x.state === 'open' ? h('strong', { class: 'urgent', text: `${t('reminders.urgent')} · ` }) : '', h('strong', { text: t(`rk.${x.kind}`) }), ' ', h('span', { class: 'meta', text: [x.date, recipientText(x)].filter(Boolean).join(' · ') })),
    h('ul', {}, lines.map((l) => h('li', {}, l.stayId && !l.closed ? h('a', { href: `#stay/${l.stayId}`, text: who(l) }) : who(l), ` ${lineText(x, l)}`, l.closed ? h('span', { class: 'badge pending', text: t('reminders.left') }) : ''))),
    x.handled ? h('p', { class: 'meta', text: handledText(x) }) : x.state === 'closed' ? h('p', { class: 'meta', text: t('reminders.closed') }) : handleForm(x),
  );
}

function query(more) {
  const p = new URLSearchParams({ state: $('#rm-state').value, limit: '50' });
  if ($('#rm-kind').value) p.set('kind', $('#rm-kind').value);
  if ($('#rm-q').value.trim()) p.set('q', $('#rm-q').value.trim());
  if (more && cursor) p.set('cursor', cursor);
  return `/facilities/${fid()}/reminders?${p}`;
}

const startLoad = newestOnly();

async function showReminders(e, more = false) {
  if (e && e.preventDefault) e.preventDefault();
  const out = $('#reminders-out');
  const current = startLoad();
  say(t('loading'));
  const r = await api('GET', query(more));
  // A later search or filter was asked for meanwhile: its answer draws the list.
  if (!current()) return;
  say('');
  if (r.routeMissing) return fill(out, h('p', { class: 'result warn', text: t('reminders.unavailable') }));
  if (!r.ok) return showProblem(r, $('#reminders-form'));
  const list = r.data.reminders || [];
  cursor = r.data.cursor;
  const state = $('#rm-state').value;
  const items = list.map((x) => item(x, state));
  const moreButton = cursor ? h('button', { type: 'button', class: 'secondary', id: 'rm-more', text: t('reminders.more'), onclick: () => showReminders(null, true) }) : '';
  if (more) {
    $('#rm-more')?.remove();
    $('#reminders-out ul.reminders')?.append(...items);
    if (moreButton) out.append(moreButton);
    return;
  }
  if (!list.length && !cursor) return fill(out, h('p', { class: 'card', text: t('reminders.none') }));
  fill(out, h('ul', { class: 'plain card reminders' }, items), moreButton);
}

function fillFilters() {
  const kind = $('#rm-kind').value;
  fill($('#rm-kind'), h('option', { value: '', text: t('reminders.allKinds') }), KINDS.map((k) => h('option', { value: k, text: t(`rk.${k}`) })));
  $('#rm-kind').value = kind;
  for (const o of $('#rm-state').options) o.textContent = t(`reminders.state.${o.value}`);
}

export default {
  view: 'reminders',
  init() {
    fillFilters();
    $('#reminders-refresh').addEventListener('click', showReminders);
    $('#reminders-form').addEventListener('submit', showReminders);
    $('#rm-state').addEventListener('change', showReminders);
    $('#rm-kind').addEventListener('change', showReminders);
  },
  show: showReminders,
  relabel() {
    fillFilters();
    // Only the open screen reloads: on the sign-in screen there is no facility to ask about.
    if (!$('#view-reminders').hidden) return showReminders();
  },
};
