// The daily sheet: today's people, birthdays, meals with diet notes, medical standby,
// retests and documents due, missing checks and alerts.
import { api } from './api.js';
import { checkBadges } from './checks.js';
import { $, fill, h, table } from './dom.js';
import { downloadExport } from './download.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid, session } from './state.js';
import { todayLocal } from './time.js';

register({
  en: {
    'today.title': 'Daily sheet',
    'today.occupants': 'People',
    'today.birthdays': 'Birthdays',
    'today.standby': '24-hour medical standby',
    'today.retests': 'Retests due',
    'today.documents': 'Documents due',
    'today.missing': 'Missing checks',
    'today.alerts': 'Fever / symptom',
    'today.meals': 'Meals',
    'today.portions': '{n} portions',
    'today.noNotes': 'No diet notes.',
    'today.cake': '🎂 {name} (room {room}) turns {age} today: bring a cake.',
    'today.none': 'Nobody.',
    'today.room': 'Room',
    'today.name': 'Name',
    'today.day': 'Day',
    'today.diet': 'Diet',
    'today.ethnicity': 'Ethnicity',
    'today.conditions': 'Conditions',
    'today.checks': 'Checks',
    'today.flags': 'Today',
    'meal.breakfast': 'Breakfast',
    'meal.lunch': 'Lunch',
    'meal.dinner': 'Dinner',
    'flag.retest': 'retest',
    'flag.documents': 'documents',
    'flag.lastDay': 'last day',
    'flag.birthday': 'birthday',
  },
  zh: {
    'today.title': '每日工作单',
    'today.occupants': '在住人数',
    'today.birthdays': '生日',
    'today.standby': '24 小时医疗值守',
    'today.retests': '今日复检',
    'today.documents': '今日出具三单',
    'today.missing': '缺测温',
    'today.alerts': '发热/症状',
    'today.meals': '餐食',
    'today.portions': '{n} 份',
    'today.noNotes': '无饮食要求。',
    'today.cake': '🎂 {name}（{room} 房）今天 {age} 岁生日：请送蛋糕。',
    'today.none': '无。',
    'today.room': '房间',
    'today.name': '姓名',
    'today.day': '天数',
    'today.diet': '饮食',
    'today.ethnicity': '民族',
    'today.conditions': '特殊情况',
    'today.checks': '测温',
    'today.flags': '今日事项',
    'meal.breakfast': '早餐',
    'meal.lunch': '午餐',
    'meal.dinner': '晚餐',
    'flag.retest': '复检',
    'flag.documents': '三单',
    'flag.lastDay': '最后一天',
    'flag.birthday': '生日',
  },
});

async function showToday(e) {
  if (e) e.preventDefault();
  const date = $('#t-date').value || todayLocal();
  $('#t-date').value = date;
  say(t('loading'));
  const r = await api('GET', `/facilities/${fid()}/today?date=${encodeURIComponent(date)}`);
  say('');
  if (!r.ok) return showProblem(r, $('#today-form'));
  const s = r.data;
  const card = (k, n) => h('div', {}, h('strong', { text: String(n) }), t(k));
  const who = (list, fn) => (list.length ? h('ul', {}, list.map((x) => h('li', { text: fn(x) }))) : h('p', { text: t('today.none') }));
  fill(
    $('#today-out'),
    // Paper says which facility and day it is.
    h('p', { class: 'print-only summary', text: `${session.facility.name} · ${date}` }),
    h('div', { class: 'cards' }, card('today.occupants', s.summary.occupants), card('today.birthdays', s.summary.birthdays), card('today.standby', s.summary.medicalStandby), card('today.retests', s.summary.retestsDue), card('today.documents', s.summary.documentsDue), card('today.missing', s.summary.missingChecks), card('today.alerts', s.summary.alerts)),
    h('section', { class: 'card' }, h('h3', { text: t('today.birthdays') }), who(s.birthdays, (b) => t('today.cake', { name: b.nameNative, room: b.roomNumber, age: b.turns }))),
    h('section', { class: 'card' }, h('h3', { text: t('today.meals') }), s.meals.map((m) => h('div', {}, h('h4', { text: `${t(`meal.${m.meal}`)} · ${t('today.portions', { n: m.portions })}` }), m.notes.length ? h('ul', {}, m.notes.map((n) => h('li', { text: `${n.roomNumber} ${n.nameNative}: ${[n.diet, n.ethnicity].filter(Boolean).join(' · ')}` }))) : h('p', { class: 'meta', text: t('today.noNotes') })))),
    h('section', { class: 'card' }, h('h3', { text: t('today.standby') }), who(s.medicalStandby, (x) => `${x.roomNumber} ${x.nameNative}: ${x.conditions.map((c) => t(`cond.${c}`)).join(', ')}`)),
    h('section', { class: 'card' }, h('h3', { text: t('today.retests') }), who(s.retestsDue, (x) => `${x.roomNumber} ${x.nameNative} (${t('board.day', { n: x.dayOfStay })})`)),
    table(
      [t('today.room'), t('today.name'), t('today.day'), t('today.diet'), t('today.ethnicity'), t('today.conditions'), t('today.checks'), t('today.flags')],
      s.occupants.map((o) => [
        o.roomNumber,
        h('a', { href: `#stay/${o.stayId}`, text: `${o.nameNative} ${o.nameLatin}` }),
        String(o.dayOfStay),
        o.diet || '',
        o.ethnicity || '',
        o.specialConditions.map((c) => t(`cond.${c}`)).join(', '),
        h('span', { class: 'badges' }, checkBadges(o.checks)),
        [o.birthday && t('flag.birthday'), o.retestDue && t('flag.retest'), o.documentsDue && t('flag.documents'), o.lastDay && t('flag.lastDay')].filter(Boolean).join(', '),
      ]),
      (i) => (s.occupants[i].checks.alert ? 'alert' : undefined),
    ),
  );
}

export default {
  view: 'today',
  init() {
    $('#today-form').addEventListener('submit', showToday);
    $('#today-xlsx').addEventListener('click', () => downloadExport(fid(), 'today', `date=${encodeURIComponent($('#t-date').value || todayLocal())}`));
  },
  show: () => showToday(),
};
