// Registration of one person: the form, a room assigned by the server.
import { api } from './api.js';
import { $, h } from './dom.js';
import { clearFieldErrors, formJson, submitting } from './forms.js';
import { register as registerMessages, t } from './i18n.js';
import { clearBanner, result, showProblem } from './notice.js';
import { fid } from './state.js';
import { nowLocal } from './time.js';

registerMessages({
  en: {
    'register.title': 'Register a person',
    'register.person': 'Person',
    'register.document': 'Travel document',
    'register.arrival': 'Arrival',
    'register.care': 'Care',
    'register.submit': 'Register and assign a room',
    'register.done': '{name} is registered in room {room}: day 1 is {day1}, observation ends {end}.',
    'register.open': 'Open the file',
  },
  zh: {
    'register.title': '人员登记',
    'register.person': '个人信息',
    'register.document': '证件',
    'register.arrival': '抵达',
    'register.care': '照护',
    'register.submit': '登记并分配房间',
    'register.done': '{name} 已登记，房间 {room}：第 1 天为 {day1}，观察期至 {end}。',
    'register.open': '打开档案',
  },
});

async function register(e) {
  e.preventDefault();
  const form = e.currentTarget;
  clearBanner();
  clearFieldErrors(form);
  await submitting(form, async () => {
    const r = await api('POST', `/facilities/${fid()}/stays`, formJson(form));
    const out = $('#register-result');
    if (!r.ok) {
      out.replaceChildren();
      return showProblem(r, form);
    }
    const s = r.data;
    result(out, [
      t('register.done', { name: s.stay.person.nameNative, room: s.roomNumber, day1: s.schedule.day1Date, end: s.schedule.endDate }),
      h('p', {}, h('a', { href: `#stay/${s.stayId}`, text: t('register.open') })),
    ]);
    form.reset();
    $('#r-arrivedAt').value = nowLocal();
    out.focus();
  });
}

export default {
  view: 'register',
  init() {
    $('#register-form').addEventListener('submit', register);
  },
  show() {
    if (!$('#r-arrivedAt').value) $('#r-arrivedAt').value = nowLocal();
  },
};
