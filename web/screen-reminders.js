// Reminders: what the jobs raised for this facility (missing checks, fevers, retests,
// releases due), each line linking to the person's file.
import { api } from './api.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid } from './state.js';

register({
  en: {
    'reminders.title': 'Reminders',
    'reminders.unavailable': 'Reminders are not available on this server yet.',
    'reminders.none': 'No reminders.',
    'reminders.urgent': 'Urgent',
  },
  zh: {
    'reminders.title': '提醒',
    'reminders.unavailable': '本服务器暂不提供提醒。',
    'reminders.none': '没有提醒。',
    'reminders.urgent': '紧急',
  },
});

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
        h('strong', { text: x.title || x.kind }),
        ' ',
        h('span', { class: 'meta', text: x.date || '' }),
        h('ul', {}, (x.lines || []).map((l) => h('li', {}, l.stayId ? h('a', { href: `#stay/${l.stayId}`, text: [l.roomNumber, l.name].filter(Boolean).join(' ') || l.stayId }) : '', ` ${l.day ? t('board.day', { n: l.day }) : ''} ${l.note || ''}`))),
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
};
