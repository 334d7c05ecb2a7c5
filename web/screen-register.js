// Registration of one person: the form, a room assigned by the server. The form fills in
// what it can (register-fill.js, typed-fields.js) and keeps the arrival for the next
// person off the same flight, so a desk registers a planeload with few keys.
import { api } from './api.js';
import { $, h } from './dom.js';
import { clearFieldErrors, formJson, submitting } from './forms.js';
import { register as registerMessages, t } from './i18n.js';
import { clearBanner, result, showProblem } from './notice.js';
import { fid, session } from './state.js';
import { resetRegisterFill, wireRegisterFill } from './register-fill.js';
import { nowLocal } from './time.js';
import { rereadTypedFields, wireTypedFields } from './typed-fields.js';

/** Arrival fields the next person off the same flight shares. */
const KEPT = ['#r-category', '#r-arrivedAt', '#r-flight', '#r-origin'];

registerMessages({
  en: {
    'register.title': 'Register a person',
    'register.person': 'Person',
    'register.arrival': 'Arrival',
    'register.care': 'Care',
    'register.submit': 'Register and assign a room',
    'register.done': '{name} is registered in room {room}: day 1 is {day1}, observation ends {end}.',
    'register.open': 'Open the file',
    'register.household': 'Travelling with (household mark)',
    'register.householdHint': 'The same mark for a family, a child and parent or a caretaker: they share one room.',
    'register.householdDone': 'Household {mark}: use the same mark for the others travelling together.',
    'register.home': 'Home address (home isolation)',
    'register.submitHome': 'Register in home isolation',
    'register.doneHome': '{name} is registered in home isolation (grid cell {grid}, team {team}): day 1 is {day1}, observation ends {end}.',
    'register.f.homeAddress': 'Home address',
    'register.f.community': 'Community',
    'register.f.gridCell': 'Grid cell',
    'register.latinHint': 'Not needed for a Chinese resident ID card.',
    'register.sexKeys': 'Keys F or 女, M or 男',
  },
  zh: {
    'register.title': '人员登记',
    'register.person': '个人信息',
    'register.arrival': '抵达',
    'register.care': '照护',
    'register.submit': '登记并分配房间',
    'register.done': '{name} 已登记，房间 {room}：第 1 天为 {day1}，观察期至 {end}。',
    'register.open': '打开档案',
    'register.household': '同行（家庭标记）',
    'register.householdHint': '家庭、儿童与家长、陪护人员填同一标记，同住一间房。',
    'register.householdDone': '同行标记 {mark}：其他同行人员请填写相同标记。',
    'register.home': '居住地址（居家隔离）',
    'register.submitHome': '登记居家隔离',
    'register.doneHome': '{name} 已登记居家隔离（网格 {grid}，小组 {team}）：第 1 天为 {day1}，观察期至 {end}。',
    'register.f.homeAddress': '居住地址',
    'register.f.community': '所属社区',
    'register.f.gridCell': '网格',
    'register.latinHint': '持居民身份证者可不填。',
    'register.sexKeys': '按键 F 或 女，M 或 男',
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
      s.stay.home
        ? t('register.doneHome', { name: s.stay.person.nameNative, grid: s.stay.home.gridCell, team: s.stay.teamId, day1: s.schedule.day1Date, end: s.schedule.endDate })
        : t('register.done', { name: s.stay.person.nameNative, room: s.roomNumber, day1: s.schedule.day1Date, end: s.schedule.endDate }),
      h('p', {}, h('a', { href: `#stay/${s.stayId}`, text: t('register.open') })),
    ]);
    // The next person: a clean form but the same arrival, the caret in the first field (the result is announced).
    const kept = KEPT.map((id) => $(id).value);
    form.reset();
    KEPT.forEach((id, i) => ($(id).value = kept[i]));
    resetRegisterFill(form);
    rereadTypedFields(form);
    $('#r-nameNative').focus();
  });
}

export default {
  view: 'register',
  init() {
    const form = $('#register-form');
    form.addEventListener('submit', register);
    wireTypedFields(form);
    wireRegisterFill(form);
  },
  relabel() {
    rereadTypedFields($('#register-form'));
  },
  show() {
    if (!$('#r-arrivedAt').value) $('#r-arrivedAt').value = nowLocal();
    // The caret waits in the first field: registering starts with typing.
    $('#r-nameNative').focus({ preventScroll: true });
    // A home-isolation programme takes the home address (its grid cell picks the team) instead of a room.
    const home = session.facility?.kind === 'home_programme';
    $('#r-home').hidden = !home;
    $('#r-home').disabled = !home;
    $('#r-room-field').hidden = home;
    $('#r-room').disabled = home;
    $('#r-household-field').hidden = home;
    $('#r-household').disabled = home;
    const submit = $('#register-form [data-i18n^="register.submit"]');
    if (submit) {
      submit.dataset.i18n = home ? 'register.submitHome' : 'register.submit';
      submit.textContent = t(submit.dataset.i18n);
    }
  },
};
