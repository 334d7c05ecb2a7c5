// Team worklist (home isolation): what one three-person team has to do now — who has
// not reported this slot, who reported a fever, whose retest is due, who is ready for
// release (and who waits, with why) — and the team's load. #team/<teamId>.
import { api, newestOnly } from './api.js';
import { $, fill, h } from './dom.js';
import { submitting } from './forms.js';
import { register, t } from './i18n.js';
import { reasonText, say, showProblem } from './notice.js';
import { fid } from './state.js';

register({
  en: {
    'team.title': 'Team worklist',
    'team.team': 'Team',
    'team.member': 'Member',
    'team.all': 'Whole team',
    'team.role.cadre': 'Community cadre',
    'team.role.doctor': 'Doctor',
    'team.role.police': 'Police officer',
    'team.load': '{people} people · {ending} ending today · {ready} ready for release · {cells} grid cells',
    'team.slot': '{date} {slot} report',
    'team.slot.morning': 'morning',
    'team.slot.evening': 'evening',
    'team.overdue': 'overdue',
    'team.notReported': 'Not reported this slot',
    'team.fever': 'Fever or symptom',
    'team.testsDue': 'Retest due',
    'team.ready': 'Ready for release',
    'team.waiting': 'End date reached, waiting',
    'team.none': 'No one.',
    'team.noTeams': 'This programme has no teams yet.',
    'team.day': 'day {n}',
    'team.retestOn': 'retest {date}',
    'team.followUps': 'Follow-ups: missed reports to call or visit',
    'team.loadFollowUps': '{open} open follow-ups · {missing} not reported this slot · {fever} fever or symptom',
    'team.duty': 'On duty: morning {morning} · evening {evening}',
    'team.fu.what': '{date} {slot} report missing · {step}',
    'team.fu.step3': 'task for {role} {name}',
    'team.fu.step4': 'task for {role} {name} · supervisor told',
    'team.fu.reported': 'reported since {at}',
    'team.fu.note': 'What you found (kept with the follow-up)',
    'team.fu.done': 'Mark done',
    'team.fu.saved': 'Follow-up of {name} marked done.',
  },
  zh: {
    'team.title': '三人小组工作清单',
    'team.team': '小组',
    'team.member': '成员',
    'team.all': '全组',
    'team.role.cadre': '社区干部',
    'team.role.doctor': '医生',
    'team.role.police': '民警',
    'team.load': '{people}人 · 今日期满{ending}人 · 可解除{ready}人 · 网格{cells}个',
    'team.slot': '{date} {slot}报告',
    'team.slot.morning': '上午',
    'team.slot.evening': '下午',
    'team.overdue': '已逾时',
    'team.notReported': '本时段未报告',
    'team.fever': '发热或有症状',
    'team.testsDue': '待复检',
    'team.ready': '可解除（销号）',
    'team.waiting': '已期满，尚不能解除',
    'team.none': '无。',
    'team.noTeams': '本居家隔离单位尚未设立小组。',
    'team.day': '第{n}天',
    'team.retestOn': '{date}复检',
    'team.followUps': '待跟进：未报告需电话或上门',
    'team.loadFollowUps': '待跟进{open}件 · 本时段未报告{missing}人 · 发热或有症状{fever}人',
    'team.duty': '值班：上午 {morning} · 下午 {evening}',
    'team.fu.what': '{date} {slot}未报告 · {step}',
    'team.fu.step3': '由{role}{name}跟进',
    'team.fu.step4': '由{role}{name}跟进 · 已报告负责人',
    'team.fu.reported': '已于{at}补报',
    'team.fu.note': '跟进情况（随记录保存）',
    'team.fu.done': '标记完成',
    'team.fu.saved': '{name}的跟进已标记完成。',
  },
});

let last;

function person(p, extra = '') {
  return h('li', {},
    h('a', { href: `#stay/${p.stayId}`, text: nameOf(p) }),
    h('span', { class: 'meta', text: ` ${p.gridCell} · ${t('team.day', { n: p.dayOfStay })} · ` }),
    h('a', { class: 'meta tel', href: `tel:${p.phone.replace(/[^+0-9]/g, '')}`, text: p.phone }),
    extra ? h('div', { class: 'meta', text: extra }) : '',
    h('div', { class: 'meta', text: p.address }),
  );
}

function section(title, list, extra) {
  return h('section', { class: 'card team-section' },
    h('h3', { text: `${title} (${list.length})` }),
    list.length ? h('ul', { class: 'plain' }, list.map((p) => person(p, extra ? extra(p) : ''))) : h('p', { class: 'meta', text: t('team.none') }),
  );
}

const nameOf = (p) => (p.nameNative === p.nameLatin ? p.nameNative : `${p.nameNative} ${p.nameLatin}`);

/** One open follow-up: who, which slot, which step, and the note that marks it done. */
function followUp(f) {
  const step = t(f.step >= 4 ? 'team.fu.step4' : 'team.fu.step3', { role: t(`team.role.${f.role}`), name: f.assignee });
  const what = t('team.fu.what', { date: f.date, slot: t(`team.slot.${f.slot}`), step }) + (f.reportedAt ? ` · ${t('team.fu.reported', { at: f.reportedAt.slice(11, 16) })}` : '');
  const form = h('form', { class: 'row fu-form', novalidate: true },
    h('input', { name: 'note', 'data-keep': `fu-${f.stayId}/${f.followUpId}`, required: true, maxlength: 500, placeholder: t('team.fu.note'), 'aria-label': t('team.fu.note') }),
    h('button', { type: 'submit', text: t('team.fu.done') }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const note = form.elements.note.value.trim();
    let r;
    await submitting(form, async () => {
      r = await api('POST', `/stays/${encodeURIComponent(f.stayId)}/follow-ups/${encodeURIComponent(f.followUpId)}/done`, { note });
    });
    if (!r.ok) return showProblem(r, form);
    say(t('team.fu.saved', { name: nameOf(f) }));
    await showTeam(last.teamId);
  });
  const li = person(f, what);
  li.append(form);
  return li;
}

function draw(w) {
  const slot = t('team.slot', { date: w.slot.date, slot: t(`team.slot.${w.slot.slot}`) }) + (w.slotOverdue ? ` · ${t('team.overdue')}` : '');
  const parts = [
    h('p', { class: 'card', id: 'team-load' },
      h('strong', { text: w.teamName }), w.member ? ` · ${t(`team.role.${w.member.role}`)} ${w.member.name} ${w.member.phone}` : '', h('br'),
      t('team.load', { people: w.load.people, ending: w.load.endingToday, ready: w.load.readyForRelease, cells: w.load.gridCells }), h('br'),
      t('team.loadFollowUps', { open: w.load.openFollowUps, missing: w.load.notReported, fever: w.load.fever }), h('br'),
      t('team.duty', { morning: t(`team.role.${w.duty.morning}`), evening: t(`team.role.${w.duty.evening}`) }), h('br'), slot),
  ];
  if (w.followUps) {
    parts.push(h('section', { class: 'card team-section', id: 'team-follow-ups' },
      h('h3', { text: `${t('team.followUps')} (${w.followUps.length})` }),
      w.followUps.length ? h('ul', { class: 'plain' }, w.followUps.map(followUp)) : h('p', { class: 'meta', text: t('team.none') })));
  }
  if (w.notReported) parts.push(section(t('team.notReported'), w.notReported));
  if (w.fever) parts.push(section(t('team.fever'), w.fever, (p) => p.readings.map((r) => `${r.date} ${t(`team.slot.${r.slot}`)} ${r.temperatureC.toFixed(1)} °C`).join(' · ')));
  if (w.testsDue) parts.push(section(t('team.testsDue'), w.testsDue, (p) => t('team.retestOn', { date: p.retestDate }) + (p.overdue ? ` · ${t('team.overdue')}` : '')));
  if (w.release) {
    parts.push(section(t('team.ready'), w.release.ready));
    parts.push(section(t('team.waiting'), w.release.waiting, (p) => p.reasons.map((r) => reasonText(r)).join(' ')));
  }
  fill($('#team-out'), h('div', { class: 'team-grid' }, parts));
}

const startLoad = newestOnly();

async function showTeam(arg) {
  const current = startLoad();
  say(t('loading'));
  const teams = await api('GET', `/facilities/${fid()}/teams`);
  if (!teams.ok) { say(''); return showProblem(teams); }
  const select = $('#team-pick');
  fill(select, teams.data.teams.map((x) => h('option', { value: x.teamId, text: x.name })));
  if (!teams.data.teams.length) { say(''); return fill($('#team-out'), h('p', { class: 'card', text: t('team.noTeams') })); }
  const teamId = arg && teams.data.teams.some((x) => x.teamId === arg) ? arg : teams.data.teams[0].teamId;
  select.value = teamId;
  const member = $('#team-member').value;
  const r = await api('GET', `/facilities/${fid()}/teams/${encodeURIComponent(teamId)}/worklist${member ? `?member=${member}` : ''}`);
  // Another team or member was chosen meanwhile: its answer draws the list.
  if (!current()) return;
  say('');
  if (!r.ok) return showProblem(r);
  last = r.data;
  draw(last);
}

export default {
  view: 'team',
  init() {
    $('#team-pick').addEventListener('change', () => { location.hash = `#team/${$('#team-pick').value}`; });
    $('#team-member').addEventListener('change', () => showTeam($('#team-pick').value));
  },
  show: showTeam,
  relabel() {
    if (last) draw(last);
  },
};
