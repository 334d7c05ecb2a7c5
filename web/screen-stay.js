// The person's file (a stay): facts, today's checks, the temperature log and a new
// check, special situations, return travel, the observation period and the release.
// Input typed on one file never reaches another: every form starts clean when a file
// opens, and leaving a file with unsaved input asks first.
import { api } from './api.js';
import { checksSentence } from './checks.js';
import { $, $$, fill, h, table } from './dom.js';
import { clearFieldErrors, formJson, showRanges, submitting } from './forms.js';
import { register, t } from './i18n.js';
import { clearBanner, reasonText, result, say, showProblem } from './notice.js';
import { initPersonalLink, readingBy, selfReportActions, showPersonalLink } from './personal-link.js';
import { showSlip } from './release-slip.js';
import { relabelHomePanel, showHomePanel } from './stay-home-panel.js';
import { drawSummary, loadSummary, personFact } from './stay-summary.js';
import { initCorrections, showCorrections } from './stay-corrections.js';
import { askTransfer } from './transfer.js';
import { isoToLocal, nowLocal, tz } from './time.js';

register({
  en: {
    'stay.title': '{name} · room {room}',
    'file.for': 'for room {room} · {name}',
    'file.discard': 'Unsaved input on the file of {name} (room {room}) will be discarded. Continue?',
    'stay.titleHome': '{name} · at home (grid cell {cell})',
    'file.forHome': 'for {name} at home',
    'file.discardHome': 'Unsaved input on the file of {name} (at home) will be discarded. Continue?',
    'rel.confirmHome': 'Release {name} from home isolation now?',
    'rel.doneHome': '{name} is released from home isolation.',
    'stay.day': 'Day of stay',
    'stay.status': 'Status',
    'stay.day1': 'Day 1',
    'stay.retest': 'Retest',
    'stay.documents': 'Documents',
    'stay.end': 'Last day',
    'stay.document': 'Document',
    'stay.phone': 'Phone',
    'stay.diet': 'Diet / ethnicity',
    'stay.conditions': 'Special conditions',
    'stay.arrival': 'Arrival',
    'stay.today': 'Checks today',
    'status.active': 'In observation',
    'status.positive': 'Positive: transfer',
    'status.transferred': 'Transferred',
    'status.released': 'Released',
    'check.title': 'Temperature check',
    'check.replace': 'Replace the reading already recorded for this slot',
    'f.correctionReason': 'Why it is corrected (the earlier reading is kept)',
    'check.was': 'was {temp}',
    'check.submit': 'Record check',
    'check.log': 'Temperature log',
    'check.saved': 'Recorded: {temp} °C, {slot} of {date}.',
    'check.alert': 'Fever or symptom: the urgent reminder has been raised. Handle it at once.',
    'check.exists': 'This slot already has a reading. Tick "Replace" to correct it.',
    'check.none': 'No checks recorded yet.',
    'check.when': 'Date',
    'check.slot': 'Slot',
    'check.temp': '°C',
    'check.symptoms': 'Symptoms',
    'check.by': 'Measured at',
    'sit.title': 'Special situations',
    'sit.submit': 'Add to the file',
    'sit.none': 'No special situation recorded.',
    'sit.saved': 'Added to the file.',
    'sched.title': 'Observation period',
    'sched.submit': 'Change the period',
    'sched.saved': 'New last day {end} (day {days}); documents from {doc}.',
    'f.stayDays': 'Days of observation',
    'f.retestDays': 'Retest days (e.g. 12, 19)',
    'f.documentDay': 'Document day',
    'f.reason': 'Reason (kept in the audit trail)',
    'dep.title': 'Return travel',
    'dep.submit': 'Save return travel',
    'dep.saved': 'Return travel saved: {mode} {number} on {date} at {time}.',
    'rel.title': 'Release',
    'rel.hint': 'Release ends the observation, sends the room to cleaning and issues the three documents.',
    'rel.submit': 'Release this person',
    'rel.confirm': 'Release {name} from room {room} now?',
    'rel.unavailable': 'Release is not available on this server yet. Nothing was changed.',
    'rel.done': '{name} is released. Room {room} goes to cleaning.',
    'rel.print': 'Print slip',
    'rel.slip': 'Release slip',
    'rel.key': 'Access key',
    'rel.download': 'Download',
    'rel.verify': 'Verify',
    'docType.release_notice': 'Release notice',
    'docType.health_certificate': 'Health certificate',
    'docType.test_report': 'Nucleic-acid test report',
  },
  zh: {
    'stay.title': '{name} · {room} 房',
    'file.for': '（{room} 房 {name}）',
    'file.discard': '{room} 房 {name} 的档案中有未保存的输入，离开将丢弃。继续吗？',
    'stay.titleHome': '{name} · 居家隔离（网格 {cell}）',
    'file.forHome': '（居家 {name}）',
    'file.discardHome': '{name}（居家）的档案中有未保存的输入，离开将丢弃。继续吗？',
    'rel.confirmHome': '现在为居家隔离的 {name} 解除隔离（销号）？',
    'rel.doneHome': '{name} 已解除居家隔离医学观察。',
    'stay.day': '隔离第几天',
    'stay.status': '状态',
    'stay.day1': '第 1 天',
    'stay.retest': '复检',
    'stay.documents': '出具三单',
    'stay.end': '最后一天',
    'stay.document': '证件',
    'stay.phone': '电话',
    'stay.diet': '饮食/民族',
    'stay.conditions': '特殊情况',
    'stay.arrival': '抵达',
    'stay.today': '今日测温',
    'status.active': '观察中',
    'status.positive': '阳性：待转运',
    'status.transferred': '已转运',
    'status.released': '已解除',
    'check.title': '体温检测',
    'check.replace': '替换该时段已记录的体温',
    'f.correctionReason': '更正原因（原记录会保留）',
    'check.was': '原为 {temp}',
    'check.submit': '记录体温',
    'check.log': '体温记录',
    'check.saved': '已记录：{temp} °C，{date} {slot}。',
    'check.alert': '发热或有症状：已发出紧急提醒，请立即处理。',
    'check.exists': '该时段已有记录。如需更正，请勾选“替换”。',
    'check.none': '还没有体温记录。',
    'check.when': '日期',
    'check.slot': '时段',
    'check.temp': '°C',
    'check.symptoms': '症状',
    'check.by': '测量时间',
    'sit.title': '特殊情况记录',
    'sit.submit': '记入档案',
    'sit.none': '没有特殊情况记录。',
    'sit.saved': '已记入档案。',
    'sched.title': '观察期',
    'sched.submit': '调整观察期',
    'sched.saved': '新的最后一天 {end}（第 {days} 天）；{doc} 起发放文书。',
    'f.stayDays': '观察天数',
    'f.retestDays': '复检日（如 12, 19）',
    'f.documentDay': '文书发放日',
    'f.reason': '原因（记入审计记录）',
    'dep.title': '返程信息',
    'dep.submit': '保存返程信息',
    'dep.saved': '返程已保存：{mode} {number}，{date} {time}。',
    'rel.title': '解除隔离',
    'rel.hint': '解除隔离将结束观察、房间转为清洁，并出具三单。',
    'rel.submit': '解除隔离',
    'rel.confirm': '现在为 {room} 房的 {name} 解除隔离？',
    'rel.unavailable': '本服务器暂不支持解除隔离。没有做任何更改。',
    'rel.done': '{name} 已解除隔离。{room} 房转为清洁。',
    'rel.print': '打印回执',
    'rel.slip': '解除隔离回执',
    'rel.key': '提取码',
    'rel.download': '下载',
    'rel.verify': '验证',
    'docType.release_notice': '解除集中隔离医学观察通知单',
    'docType.health_certificate': '健康证明',
    'docType.test_report': '核酸检测报告',
  },
});

/** The stay whose file is open (as the server sent it, updated by the answers of the forms). */
let opened = null;

const FILE_FORMS = ['#check-form', '#sit-form', '#dep-form', '#sched-form'];
function markClean(form) {
  delete form.dataset.dirty;
}
function fileHasUnsavedInput() {
  return !$('#view-stay').hidden && FILE_FORMS.some((f) => $(f).dataset.dirty === '1');
}
/** Asks before unsaved input on the open file is discarded; true when it may go. */
function mayLeaveFile() {
  if (!opened || !fileHasUnsavedInput()) return true;
  return window.confirm(roomOrHome('file.discard', opened, { name: personName(opened.person) }));
}
/** A sentence naming the room, or for a home stay (no room) its grid cell: "112 房 赵磊", never an empty room. */
function roomOrHome(key, s, vars) {
  return s.roomNumber ? t(key, { ...vars, room: s.roomNumber }) : t(`${key}Home`, { ...vars, cell: (s.home && s.home.gridCell) || '' });
}
function personName(p) {
  return p.nameLatin && p.nameLatin !== p.nameNative ? `${p.nameNative} ${p.nameLatin}` : p.nameNative;
}
async function showStay(stayId) {
  // A file opens at its top (the board's scroll position would otherwise carry over on a phone).
  window.scrollTo(0, 0);
  say(t('loading'));
  $('#stay-h').textContent = t('loading');
  $('#stay-facts').replaceChildren();
  const r = await api('GET', `/stays/${encodeURIComponent(stayId)}`);
  say('');
  if (!r.ok) return showProblem(r);
  opened = r.data;
  for (const id of ['#check-result', '#dep-result', '#release-result']) $(id).replaceChildren();
  // Every form of a file starts clean: nothing typed on one person's file may reach another's.
  for (const f of FILE_FORMS) {
    $(f).reset();
    markClean($(f));
    clearFieldErrors($(f));
  }
  $('#sched-result').replaceChildren();
  $('#p-days').value = String(opened.policy.stayDays);
  $('#p-retest').value = opened.policy.retestDays.join(', ');
  $('#p-doc').value = String(opened.policy.documentDay);
  $('#p-reason').value = '';
  renderStay();
  showCorrections(opened);
  defaultSlot();
  $('#c-replace-wrap').hidden = true;
  $('#c-replace').checked = false;
  $('#c-reason-wrap').hidden = true;
  $('#c-reason').disabled = true;
  const d = opened.departure;
  $('#d-city').value = d ? d.destination.city : '';
  $('#d-country').value = d ? d.destination.country : '';
  $('#d-mode').value = d ? d.mode : 'flight';
  $('#d-number').value = (d && d.number) || '';
  $('#d-at').value = d ? isoToLocal(d.departureAt, tz()) : `${opened.schedule.releaseDate}T09:00`;
  $('#d-pickup').value = d && d.pickupAt ? isoToLocal(d.pickupAt, tz()) : '';
  const stay = opened;
  await Promise.all([loadChecks(), loadSituations(), showPersonalLink(opened.stayId), showHomePanel(opened), loadSummary(stay, () => opened === stay)]);
}
/** Morning until 14:00 facility time, then evening. */
function defaultSlot() {
  $(`#c-slot input[value="${nowLocal().slice(11, 13) < '14' ? 'morning' : 'evening'}"]`).checked = true;
}
function renderStay() {
  const s = opened;
  $('#stay-h').textContent = roomOrHome('stay.title', s, { name: personName(s.person) });
  // The save buttons name whose file they write to.
  for (const el of $$('#view-stay .for-whom')) el.textContent = roomOrHome('file.for', s, { name: personName(s.person) });
  // Only an active stay can be released; the server says why otherwise, the button need not offer it.
  $('#release').disabled = s.status !== 'active';
  $('#transfer').disabled = s.status !== 'active' && s.status !== 'positive';
  const fact = (k, v) => h('div', {}, h('dt', { text: t(k) }), h('dd', { text: v || '—' }));
  // A printed file never carries the full document number or phone: paper leaves the desk.
  const secret = (k, prefix, v) => h('div', {}, h('dt', { text: t(k) }), h('dd', {}, prefix, h('span', { class: 'screen-only', text: v || '—' }), h('span', { class: 'print-only', text: v ? `…${String(v).replace(/\s/g, '').slice(-4)}` : '—' })));
  fill(
    $('#stay-facts'),
    personFact(s.person),
    fact('stay.status', t(`status.${s.status}`)),
    fact('stay.day', s.dayOfStay ? String(s.dayOfStay) : ''),
    fact('stay.today', checksSentence(s.checksToday)),
    fact('stay.day1', s.schedule.day1Date),
    fact('stay.retest', s.schedule.retestDates.join(', ')),
    fact('stay.documents', s.schedule.documentDate),
    fact('stay.end', s.schedule.endDate),
    fact('stay.arrival', [s.arrival.flightNumber, s.arrival.originCountry, isoToLocal(s.arrival.arrivedAt, tz()).replace('T', ' ')].filter(Boolean).join(' · ')),
    secret('stay.document', `${t(`doc.${s.person.document.type}`)} ${s.person.document.country} `, s.person.document.number),
    secret('stay.phone', '', s.person.phone),
    fact('stay.diet', [s.diet, s.ethnicity].filter(Boolean).join(' · ')),
    fact('stay.conditions', (s.specialConditions || []).map((c) => t(`cond.${c}`)).join(', ')),
  );
}
async function loadChecks() {
  const r = await api('GET', `/stays/${encodeURIComponent(opened.stayId)}/checks`);
  if (!r.ok) return showProblem(r);
  const checks = r.data.checks;
  fill(
    $('#check-log'),
    checks.length
      ? table(
          [t('check.when'), t('check.slot'), t('check.temp'), t('check.symptoms'), t('check.by')],
          checks.map((c) => [c.date, t(`slot.${c.slot}`), c.original ? `${c.temperatureC.toFixed(1)} (${t('check.was', { temp: c.original.temperatureC.toFixed(1) })})` : c.temperatureC.toFixed(1), [...c.symptoms.map((x) => t(`sym.${x}`)), c.note].filter(Boolean).join(', '), [isoToLocal(c.measuredAt, tz()).slice(11), readingBy(c)].filter(Boolean).join(' · ')]),
          (i) => (checks[i].alert ? 'alert' : undefined),
        )
      : h('p', { text: t('check.none') }),
    ...selfReportActions(checks, loadChecks),
  );
}
async function recordCheck(e) {
  e.preventDefault();
  const form = e.currentTarget;
  clearBanner();
  clearFieldErrors(form);
  const body = formJson(form);
  if (!body.symptoms) body.symptoms = [];
  const replace = $('#c-replace').checked;
  const stay = opened;
  await submitting(form, async () => {
    const r = await api('POST', `/stays/${encodeURIComponent(stay.stayId)}/checks${replace ? '?replace=true' : ''}`, body);
    if (opened !== stay) return; // another file was opened meanwhile: its page is not this answer's
    const out = $('#check-result');
    if (!r.ok) {
      if (r.status === 409 && r.data && (r.data.reasons || []).some((x) => x.code === 'check_exists')) {
        $('#c-replace-wrap').hidden = false;
        $('#c-reason-wrap').hidden = false;
        $('#c-reason').disabled = false;
        result(out, [t('check.exists')], 'warn');
        $('#c-replace').focus();
        return;
      }
      out.replaceChildren();
      return showProblem(r, form);
    }
    const c = r.data.check;
    result(out, [t('check.saved', { temp: c.temperatureC.toFixed(1), slot: t(`slot.${c.slot}`), date: c.date }), c.alert ? h('p', { class: 'urgent', text: t('check.alert') }) : ''], c.alert ? 'bad' : '');
    form.reset();
    markClean(form);
    defaultSlot();
    $('#c-replace-wrap').hidden = true;
    $('#c-replace').checked = false;
    $('#c-reason-wrap').hidden = true;
    $('#c-reason').disabled = true;
    opened.checksToday = r.data.today;
    renderStay();
    // A fever changes whether release is possible.
    await Promise.all([loadChecks(), loadSummary(stay, () => opened === stay)]);
  });
}
async function loadSituations() {
  const r = await api('GET', `/stays/${encodeURIComponent(opened.stayId)}/situations`);
  if (!r.ok) return showProblem(r);
  const list = r.data.situations;
  fill($('#sit-list'), list.length ? list.map((s) => h('li', {}, h('strong', { text: t(`kind.${s.kind}`) }), ' ', h('span', { class: 'meta', text: isoToLocal(s.recordedAt, tz()).replace('T', ' ') }), h('p', { text: s.text }))) : [h('li', { text: t('sit.none') })]);
}
async function addSituation(e) {
  e.preventDefault();
  const form = e.currentTarget;
  clearBanner();
  clearFieldErrors(form);
  const stay = opened;
  await submitting(form, async () => {
    const r = await api('POST', `/stays/${encodeURIComponent(stay.stayId)}/situations`, formJson(form));
    if (opened !== stay) return;
    if (!r.ok) return showProblem(r, form);
    form.reset();
    markClean(form);
    say(t('sit.saved'));
    await loadSituations();
  });
}
async function saveDeparture(e) {
  e.preventDefault();
  const form = e.currentTarget;
  clearBanner();
  clearFieldErrors(form);
  const stay = opened;
  await submitting(form, async () => {
    const r = await api('PUT', `/stays/${encodeURIComponent(stay.stayId)}/departure`, formJson(form));
    if (opened !== stay) return;
    const out = $('#dep-result');
    if (!r.ok) {
      out.replaceChildren();
      return showProblem(r, form);
    }
    markClean(form);
    const d = r.data;
    result(out, [t('dep.saved', { mode: t(`mode.${d.mode}`), number: d.number || '', date: d.localDate, time: d.localTime })]);
  });
}
async function changeSchedule(e) {
  e.preventDefault();
  const form = e.currentTarget;
  clearBanner();
  clearFieldErrors(form);
  const stay = opened;
  await submitting(form, async () => {
    const r = await api('PUT', `/stays/${encodeURIComponent(stay.stayId)}/schedule`, formJson(form));
    if (opened !== stay) return;
    const out = $('#sched-result');
    if (!r.ok) {
      out.replaceChildren();
      return showProblem(r, form);
    }
    opened = { ...opened, policy: r.data.policy, schedule: r.data.schedule };
    renderStay();
    $('#p-reason').value = '';
    markClean(form);
    const warnings = (r.data.warnings || []).map((w) => w.message);
    result(out, [t('sched.saved', { end: r.data.schedule.endDate, days: r.data.policy.stayDays, doc: r.data.schedule.documentDate }), ...warnings], warnings.length ? 'warn' : undefined);
  });
}
async function release() {
  const s = opened;
  clearBanner();
  if (!window.confirm(roomOrHome('rel.confirm', s, { name: s.person.nameNative }))) return;
  const btn = $('#release');
  btn.disabled = true;
  const out = $('#release-result');
  try {
    const r = await api('POST', `/stays/${encodeURIComponent(s.stayId)}/release`, {});
    if (r.routeMissing) return result(out, [t('rel.unavailable')], 'warn');
    if (!r.ok) {
      out.replaceChildren();
      return showProblem(r);
    }
    // A document the record does not allow yet (a certificate awaiting a doctor's sign-off) is withheld, with why.
    const withheld = (r.data.withheld || []).map((w) => `${t(`docType.${w.type}`)}: ${w.reasons.map(reasonText).join(' · ')}`);
    result(out, [roomOrHome('rel.done', s, { name: s.person.nameNative }), ...withheld], withheld.length ? 'warn' : undefined);
    // The file now shows the released stay (no reload: that would clear the one-time keys).
    opened = { ...s, status: 'released' };
    renderStay();
    $('#stay-release-facts').textContent = '';
    showSlip(s, r.data);
  } finally {
    btn.disabled = opened.status !== 'active';
  }
}
export default {
  view: 'stay',
  init() {
    initPersonalLink();
    showRanges($('#view-stay'));
    initCorrections(() => showStay(opened.stayId));
    for (const f of FILE_FORMS) $(f).addEventListener('input', (e) => (e.currentTarget.dataset.dirty = '1'));
    window.addEventListener('beforeunload', (e) => {
      if (fileHasUnsavedInput()) e.preventDefault();
    });
    $('#check-form').addEventListener('submit', recordCheck);
    $('#sit-form').addEventListener('submit', addSituation);
    $('#dep-form').addEventListener('submit', saveDeparture);
    $('#sched-form').addEventListener('submit', changeSchedule);
    $('#release').addEventListener('click', release);
    $('#transfer').addEventListener('click', async () => {
      const s = opened;
      const done = await askTransfer({ stayId: s.stayId, roomNumber: s.roomNumber, name: personName(s.person) });
      if (done && opened === s) {
        result($('#release-result'), [done]);
        opened = { ...s, status: 'transferred' };
        $('#release').disabled = true;
        $('#transfer').disabled = true;
      }
    });
  },
  /** #stay/<stayId> */
  async show(stayId) {
    if (stayId) await showStay(decodeURIComponent(stayId));
  },
  relabel() {
    showRanges($('#view-stay'));
    if (opened && !$('#view-stay').hidden) {
      renderStay();
      relabelHomePanel();
      drawSummary();
      showCorrections(opened);
    }
  },
  hide() {
    $('#slip').hidden = true;
  },
  mayLeave: mayLeaveFile,
};
