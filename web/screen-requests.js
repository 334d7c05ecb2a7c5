// Requests people sent from their own page (meal, parcel, return travel, other), by
// status, oldest first: staff take one, answer it (the person reads the reply) and close it.
import { api } from './api.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid } from './state.js';
import { isoToLocal, tz } from './time.js';

register({
  en: {
    'requests.title': 'Requests from people',
    'requests.none': 'No requests with this status.',
    'requests.status': 'Status',
    'requests.reply': 'Reply (the person reads it)',
    'rqk.meal': 'Meals', 'rqk.parcel': 'Parcel', 'rqk.return_travel': 'Return travel', 'rqk.other': 'Other',
    'rqs.open': 'Open', 'rqs.in_progress': 'In progress', 'rqs.done': 'Done', 'rqs.declined': 'Declined',
    'requests.take': 'Take it', 'requests.done': 'Done', 'requests.decline': 'Decline',
    'requests.room': 'Room {room}',
    'requests.grid': 'Home, grid cell {grid}',
  },
  zh: {
    'requests.title': '人员诉求',
    'requests.none': '没有此状态的诉求。',
    'requests.status': '状态',
    'requests.reply': '回复（本人可见）',
    'rqk.meal': '餐食', 'rqk.parcel': '快递包裹', 'rqk.return_travel': '返程安排', 'rqk.other': '其他',
    'rqs.open': '待处理', 'rqs.in_progress': '处理中', 'rqs.done': '已完成', 'rqs.declined': '无法办理',
    'requests.take': '接手处理', 'requests.done': '已完成', 'requests.decline': '无法办理',
    'requests.room': '{room} 房',
    'requests.grid': '居家 · 网格 {grid}',
  },
});

async function answer(x, status, reply) {
  const r = await api('POST', `/stays/${encodeURIComponent(x.stayId)}/requests/${encodeURIComponent(x.requestId)}`, { status, ...(reply ? { reply } : {}) });
  if (!r.ok) return showProblem(r);
  await showRequests();
}

function item(x) {
  const reply = h('input', { maxlength: '500', 'aria-label': t('requests.reply'), placeholder: t('requests.reply'), value: x.reply || '' });
  const button = (key, status, cls) => h('button', { type: 'button', class: cls, text: t(key), onclick: () => answer(x, status, reply.value.trim()) });
  return h(
    'li',
    {},
    h('strong', { text: `${t(`rqk.${x.kind}`)} · ` }),
    h('a', { href: `#stay/${x.stayId}`, text: x.roomNumber !== undefined ? t('requests.room', { room: x.roomNumber }) : t('requests.grid', { grid: x.gridCell ?? '' }) }),
    ' ',
    h('span', { class: 'meta', text: isoToLocal(x.createdAt, tz()).replace('T', ' ') }),
    h('p', { text: x.text }),
    x.status === 'done' || x.status === 'declined'
      ? h('p', { class: 'meta', text: x.reply ? `↳ ${x.reply}` : t(`rqs.${x.status}`) })
      : h('div', { class: 'actions' }, reply, x.status === 'open' ? button('requests.take', 'in_progress', 'secondary') : '', button('requests.done', 'done'), button('requests.decline', 'declined', 'secondary')),
  );
}

async function showRequests() {
  const out = $('#requests-out');
  say(t('loading'));
  const r = await api('GET', `/facilities/${fid()}/requests?status=${encodeURIComponent($('#requests-status').value)}`);
  say('');
  if (!r.ok) return showProblem(r);
  const list = r.data.requests;
  fill(out, list.length ? h('ul', { class: 'plain card' }, list.map(item)) : h('p', { class: 'card', text: t('requests.none') }));
}

function labelStatuses() {
  for (const o of $('#requests-status').options) o.textContent = t(`rqs.${o.value}`);
}

export default {
  view: 'requests',
  init() {
    $('#requests-refresh').addEventListener('click', showRequests);
    $('#requests-status').addEventListener('change', showRequests);
    labelStatuses();
  },
  show: showRequests,
  relabel: labelStatuses,
};
