// Reminders: what the jobs raised for this facility (missing checks, fevers, retests,
// releases due), each line linking to the person's file.
import { api } from './api.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { FEVER_C } from './checks.js';
import { fid } from './state.js';

register({
  en: {
    'reminders.title': 'Reminders',
    'reminders.unavailable': 'Reminders are not available on this server yet.',
    'reminders.none': 'No reminders.',
    'reminders.urgent': 'Urgent',
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
  if (l.slot) parts.push(t(`slot.${l.slot}`));
  if (x.kind === 'special_situation' && l.note) parts.push(t(`kind.${l.note}`));
  if (x.kind.startsWith('report_missed') && l.step) parts.push(t(`rl.step.${l.step}`));
  if (l.day) parts.push(t('board.day', { n: l.day }));
  // Lines without fields (older reminders, unmatched samples) keep the server's text.
  if (!parts.length || (x.kind !== 'fever_or_symptom' && x.kind !== 'special_situation' && !x.kind.startsWith('report_missed') && !l.stayId)) parts.push(l.note || '');
  return parts.filter(Boolean).join(' · ');
}

async function showReminders() {
  const out = $('#reminders-out');
  say(t('loading'));
  const r = await api('GET', `/facilities/${fid()}/reminders`);
  say('');
  if (r.routeMissing) return fill(out, h('p', { class: 'result warn', text: t('reminders.unavailable') }));
  if (!r.ok) return showProblem(r);
  const list = Array.isArray(r.data) ? r.data : r.data.reminders || r.data.items || [];
  if (!list.length) return fill(out, h('p', { class: 'card', text: t('reminders.none') }));
  fill(
    out,
    h('ul', { class: 'plain card' }, list.map((x) =>
      h('li', {},
        x.urgent ? h('strong', { class: 'urgent', text: `${t('reminders.urgent')} · ` }) : '',
        h('strong', { text: t(`rk.${x.kind}`) }),
        ' ',
        h('span', { class: 'meta', text: [x.date, recipientText(x)].filter(Boolean).join(' · ') }),
        h('ul', {}, (x.lines || []).map((l) => h('li', {}, l.stayId ? h('a', { href: `#stay/${l.stayId}`, text: who(l) }) : who(l), ` ${lineText(x, l)}`))),
      ),
    )),
  );
}

export default {
  view: 'reminders',
  init() {
    $('#reminders-refresh').addEventListener('click', showReminders);
  },
  show: showReminders,
  relabel: showReminders,
};
