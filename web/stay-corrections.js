// Corrections on the person's file, each in a dialog named by room and person:
// correct the personal data (with a reason; a new document number re-links lab
// results), move to another room, cancel a no-show's registration; and for a released
// person the documents: list, revoke, reissue or issue again, with a new slip carrying
// the new keys. Refusals stay in the dialog, rendered from their codes.
import { api } from './api.js';
import { $, fill, h, table } from './dom.js';
import { fieldFor, formJson, labelOf } from './forms.js';
import { lookup, register, t } from './i18n.js';
import { issueText, reasonText, result, showProblem } from './notice.js';
import { showSlip } from './release-slip.js';
import { fid } from './state.js';
import { isoToLocal, tz } from './time.js';

register({
  en: {
    'corr.title': 'Corrections',
    'corr.edit': 'Correct personal data',
    'corr.move': 'Move to another room',
    'corr.cancel': 'Cancel registration (no-show)',
    'corr.close': 'Close',
    'corr.reason': 'Reason (kept in the audit trail)',
    'corr.reasonOptional': 'Reason (optional)',
    'corr.editTitle': 'Correct personal data: room {room} {name}',
    'corr.editHint': 'A new document number re-links lab results to this person.',
    'corr.editSave': 'Save the correction',
    'corr.edited': 'Corrected: {fields}.',
    'corr.relinked': 'Lab results are now matched by the new document number.',
    'corr.moveTitle': 'Move room {room} {name}',
    'corr.target': 'New room',
    'corr.free': 'room {room} · free · {beds} bed(s)',
    'corr.household': 'room {room} · same household · {beds} bed(s) free',
    'corr.noRoom': 'No free room and no bed in this household\'s rooms.',
    'corr.moveSave': 'Move',
    'corr.moved': '{name} moved from room {from} to room {to}.',
    'corr.toCleaning': 'Room {room} goes to cleaning.',
    'corr.cancelTitle': 'Cancel the registration of room {room} {name}',
    'corr.cancelHint': 'Only for someone who never arrived. Room {room} becomes free and the document can be registered again.',
    'corr.cancelSave': 'Cancel the registration',
    'corr.cancelled': 'The registration of {name} (room {room}) is cancelled. Room {room} is free again.',
    'corr.cancelledFile': 'Registration cancelled: {reason}',
    'corr.iss.nothing_to_correct': 'Nothing was changed',
    'corr.iss.same_room': 'The person is already in this room',
    'corr.reason.not_a_no_show': 'Checks or test results are on file: the person arrived',
    'corr.reason.not_in_a_room': 'This person is in home isolation',
    'corr.reason.room_full': 'Every bed of this room is taken',
    'corr.reason.room_not_ready': 'The room is being cleaned or awaits inspection',
    'corr.reason.room_other_household': 'The room holds another household',
    'corr.reason.room_not_free': 'The room was taken meanwhile: choose another',
    'corr.docs': 'Documents',
    'corr.docsNone': 'No documents.',
    'corr.docState.valid': 'Valid',
    'corr.docState.revoked': 'Revoked',
    'corr.issued': 'Issued',
    'corr.state': 'State',
    'corr.revoke': 'Revoke',
    'corr.reissue': 'Reissue',
    'corr.issueAgain': 'Issue {type}',
    'corr.revokeTitle': 'Revoke {type}: room {room} {name}',
    'corr.reissueTitle': 'Reissue {type} (new number and key): room {room} {name}',
    'corr.issueTitle': 'Issue {type} again: room {room} {name}',
    'corr.revoked': '{type} revoked.',
    'corr.newKeys': '{type} issued with a new key: print the new slip.',
    'status.cancelled': 'Registration cancelled',
  },
  zh: {
    'corr.title': '更正',
    'corr.edit': '更正个人信息',
    'corr.move': '换房',
    'corr.cancel': '取消登记（未到）',
    'corr.close': '关闭',
    'corr.reason': '原因（记入审计记录）',
    'corr.reasonOptional': '原因（可不填）',
    'corr.editTitle': '更正个人信息：{room} 房 {name}',
    'corr.editHint': '更改证件号码后，检测结果将按新号码匹配到此人。',
    'corr.editSave': '保存更正',
    'corr.edited': '已更正：{fields}。',
    'corr.relinked': '检测结果现按新证件号码匹配。',
    'corr.moveTitle': '换房：{room} 房 {name}',
    'corr.target': '新房间',
    'corr.free': '{room} 房 · 空闲 · {beds} 张床',
    'corr.household': '{room} 房 · 同户 · 空 {beds} 张床',
    'corr.noRoom': '没有空闲房间，同户房间也没有空床。',
    'corr.moveSave': '换房',
    'corr.moved': '{name} 已从 {from} 房换到 {to} 房。',
    'corr.toCleaning': '{room} 房转为清洁中。',
    'corr.cancelTitle': '取消登记：{room} 房 {name}',
    'corr.cancelHint': '仅适用于未到达的人员。{room} 房将重新空闲，该证件可再次登记。',
    'corr.cancelSave': '取消登记',
    'corr.cancelled': '{name}（{room} 房）的登记已取消，{room} 房重新空闲。',
    'corr.cancelledFile': '登记已取消：{reason}',
    'corr.iss.nothing_to_correct': '没有任何更改',
    'corr.iss.same_room': '此人已在该房间',
    'corr.reason.not_a_no_show': '档案中已有测温或检测结果：此人已到达',
    'corr.reason.not_in_a_room': '此人为居家隔离',
    'corr.reason.room_full': '该房间床位已满',
    'corr.reason.room_not_ready': '该房间正在清洁或待检查',
    'corr.reason.room_other_household': '该房间住着其他家庭',
    'corr.reason.room_not_free': '该房间刚被占用，请另选',
    'corr.docs': '文书',
    'corr.docsNone': '没有文书。',
    'corr.docState.valid': '有效',
    'corr.docState.revoked': '已作废',
    'corr.issued': '签发时间',
    'corr.state': '状态',
    'corr.revoke': '作废',
    'corr.reissue': '重新签发',
    'corr.issueAgain': '签发{type}',
    'corr.revokeTitle': '作废{type}：{room} 房 {name}',
    'corr.reissueTitle': '重新签发{type}（新编号和提取码）：{room} 房 {name}',
    'corr.issueTitle': '再次签发{type}：{room} 房 {name}',
    'corr.revoked': '{type}已作废。',
    'corr.newKeys': '{type}已用新提取码签发：请打印新的回执。',
    'status.cancelled': '登记已取消',
  },
});

const DOC_TYPES = ['release_notice', 'health_certificate', 'test_report'];
const FIELD_LABEL = { nameNative: 'f.nameNative', nameLatin: 'f.nameLatin', sex: 'f.sex', birthDate: 'f.birthDate', nationality: 'f.nationality', document: 'stay.document', phone: 'f.phone', language: 'f.language' };

/** The stay shown, the file's reload (after a change), and the documents issued on this visit (their one-time keys). */
let stay = null;
let reload = async () => {};
let fresh = [];

export function initCorrections(onChange) {
  reload = onChange;
}

const who = (s) => ({ room: s.roomNumber || '—', name: s.person.nameLatin && s.person.nameLatin !== s.person.nameNative ? `${s.person.nameNative} ${s.person.nameLatin}` : s.person.nameNative });
const path = (s, tail = '') => `/stays/${encodeURIComponent(s.stayId)}${tail}`;

/** Renders the corrections card (and a released person's documents) for the file of `s`. */
export function showCorrections(s) {
  if (!stay || stay.stayId !== s.stayId) {
    // Another person's file: their new keys are not this one's slip.
    fresh = [];
    $('#slip').hidden = true;
  }
  stay = s;
  let card = $('#corr-card');
  if (!card) {
    card = h('section', { id: 'corr-card', class: 'card', 'aria-labelledby': 'corr-h' });
    $('#view-stay').append(card);
  }
  const open = s.status === 'active' || s.status === 'positive';
  const button = (key, onclick, cls = 'secondary') => h('button', { type: 'button', class: cls, id: key.replace('.', '-'), text: t(key), onclick });
  const keep = $('#corr-result');
  fill(
    card,
    h('h3', { id: 'corr-h', text: t('corr.title') }),
    s.status === 'cancelled' ? h('p', { class: 'hint', text: t('corr.cancelledFile', { reason: (s.cancellation && s.cancellation.reason) || '' }) }) : '',
    h(
      'div',
      { class: 'row' },
      s.status !== 'cancelled' ? button('corr.edit', () => editPerson(s)) : '',
      open && s.roomNumber ? button('corr.move', () => moveRoom(s)) : '',
      s.status === 'active' ? button('corr.cancel', () => cancelStay(s), 'danger') : '',
    ),
    keep && keep.dataset.stay === s.stayId ? keep : h('div', { id: 'corr-result', class: 'result', tabindex: '-1', 'data-stay': s.stayId }),
    s.status === 'released' ? h('div', { id: 'corr-docs' }) : '',
  );
  if (s.status === 'released') void loadDocuments(s);
}

function done(lines, kind) {
  const out = $('#corr-result');
  result(out, lines, kind);
  out.focus();
}

/**
 * A dialog with `fields` ({ id, label, control }) and a reason field; `send(form)`
 * answers the API result. Field issues go under their field, refusals in the dialog.
 * Resolves with the answer's data, or null when closed.
 */
function ask({ title, hint, fields, submit, danger, send }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'corr', 'aria-labelledby': 'corr-dialog-h' });
    const errors = h('div', { role: 'alert', class: 'corr-errors' });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h3', { id: 'corr-dialog-h', text: title }),
      hint ? h('p', { class: 'hint', text: hint }) : '',
      h('div', { class: 'grid' }, fields.map((f) => h('div', { class: `field${f.wide ? ' wide' : ''}` }, h('label', { for: f.control.id, text: f.label }), f.control))),
      errors,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: danger ? 'danger' : '', text: submit }), h('button', { type: 'button', class: 'secondary', text: t('corr.close'), onclick: () => close(null) })),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      for (const el of form.querySelectorAll('.field-error')) el.remove();
      errors.replaceChildren();
      const buttons = [...form.querySelectorAll('button')];
      buttons.forEach((b) => (b.disabled = true));
      const r = await send(form).finally(() => buttons.forEach((b) => (b.disabled = false)));
      if (r.ok) return close(r.data);
      if (r.status === 400 || r.status === 409) return showInDialog(form, errors, r.data);
      close(null);
      showProblem(r);
    });
    dialog.addEventListener('cancel', () => resolve(null));
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}

function showInDialog(form, errors, p) {
  let focus = null;
  for (const issue of (p && p.issues) || []) {
    const el = fieldFor(form, issue.path);
    const own = lookup(`corr.iss.${issue.code}`) || lookup(`corr.iss.${issue.code}`, 'en');
    const text = own || issueText(issue, el ? labelOf(el, el) : issue.path);
    if (el) {
      el.setAttribute('aria-invalid', 'true');
      el.closest('.field').append(h('p', { class: 'field-error', text }));
      focus = focus || el;
    } else errors.append(h('p', { class: 'field-error', text }));
  }
  for (const x of (p && p.reasons) || []) errors.append(h('p', { class: 'field-error', text: lookup(`corr.reason.${x.code}`) || reasonText(x) }));
  (focus || form.querySelector('button[type=submit]')).focus();
}

const input = (id, name, attrs = {}) => h('input', { id, name, autocomplete: 'off', ...attrs });
const select = (id, name, options, value) => h('select', { id, name }, options.map(([v, label]) => h('option', { value: v, text: label, selected: v === value })));
const reasonField = (optional = false) => ({ label: t(optional ? 'corr.reasonOptional' : 'corr.reason'), control: input('corr-reason', 'reason', { maxlength: '500', required: !optional }), wide: true });

async function editPerson(s) {
  const p = s.person;
  const d = p.document;
  const fields = [
    { label: t('f.nameNative'), control: input('corr-native', 'person.nameNative', { value: p.nameNative, maxlength: '100' }) },
    { label: t('f.nameLatin'), control: input('corr-latin', 'person.nameLatin', { value: p.nameLatin, maxlength: '100' }) },
    { label: t('f.sex'), control: select('corr-sex', 'person.sex', ['F', 'M', 'X'].map((x) => [x, t(`sex.${x}`)]), p.sex) },
    { label: t('f.birthDate'), control: input('corr-birth', 'person.birthDate', { value: p.birthDate, type: 'date' }) },
    { label: t('f.nationality'), control: input('corr-nat', 'person.nationality', { value: p.nationality, maxlength: '2', class: 'short', 'data-upper': true }) },
    { label: t('f.docType'), control: select('corr-doctype', 'person.document.type', ['passport', 'id_card', 'travel_permit', 'other'].map((x) => [x, t(`doc.${x}`)]), d.type) },
    { label: t('f.docNumber'), control: input('corr-docno', 'person.document.number', { value: d.number, maxlength: '30' }) },
    { label: t('f.docCountry'), control: input('corr-doccountry', 'person.document.country', { value: d.country, maxlength: '2', class: 'short', 'data-upper': true }) },
    { label: t('f.phone'), control: input('corr-phone', 'person.phone', { value: p.phone, type: 'tel', maxlength: '30' }) },
    { label: t('f.language'), control: select('corr-lang', 'person.language', [['zh', '中文'], ['en', 'English'], ['ko', '한국어']], p.language) },
    reasonField(),
  ];
  const data = await ask({
    title: t('corr.editTitle', who(s)),
    hint: t('corr.editHint'),
    fields,
    submit: t('corr.editSave'),
    send: (form) => {
      const body = formJson(form);
      const next = body.person || {};
      // Only what changed is sent (the document whole when any part of it did).
      const person = {};
      for (const k of ['nameNative', 'nameLatin', 'sex', 'birthDate', 'nationality', 'phone', 'language']) if (next[k] !== undefined && next[k] !== p[k]) person[k] = next[k];
      const doc = { ...d, ...next.document };
      if (doc.type !== d.type || doc.number !== d.number || doc.country !== d.country) person.document = doc;
      return api('PUT', path(s, '/person'), { person, ...(body.reason ? { reason: body.reason } : {}) });
    },
  });
  if (!data || stay !== s) return;
  await reload();
  done([t('corr.edited', { fields: data.changed.map((f) => t(FIELD_LABEL[f]).replace(/\s*[（(].*$/, '')).join(', ') }), data.relinked ? t('corr.relinked') : '']);
}

async function moveRoom(s) {
  const r = await api('GET', `/facilities/${fid()}/board`);
  if (!r.ok) return showProblem(r);
  const rooms = r.data.rooms
    .filter((room) => room.roomNumber !== s.roomNumber)
    .map((room) => ({ room, beds: room.capacity - room.occupants.length, own: Boolean(s.householdId) && room.householdId === s.householdId }))
    .filter((x) => x.room.state === 'free' || (x.room.state === 'occupied' && x.own && x.beds > 0));
  // The household's own rooms first, then the free ones in room order.
  const options = [...rooms.filter((x) => x.own), ...rooms.filter((x) => !x.own)].map((x) => [
    x.room.roomNumber,
    t(x.own ? 'corr.household' : 'corr.free', { room: x.room.roomNumber, beds: x.own ? x.beds : x.room.capacity }),
  ]);
  if (!options.length) return done([t('corr.noRoom')], 'warn');
  const data = await ask({
    title: t('corr.moveTitle', who(s)),
    fields: [{ label: t('corr.target'), control: select('corr-room', 'roomNumber', options, options[0][0]), wide: true }, reasonField(true)],
    submit: t('corr.moveSave'),
    send: (form) => api('POST', path(s, '/move'), formJson(form)),
  });
  if (!data || stay !== s) return;
  await reload();
  done([t('corr.moved', { name: who(s).name, from: data.fromRoom, to: data.roomNumber }), data.fromRoomState === 'cleaning' ? t('corr.toCleaning', { room: data.fromRoom }) : '']);
}

async function cancelStay(s) {
  const data = await ask({
    title: t('corr.cancelTitle', who(s)),
    hint: t('corr.cancelHint', who(s)),
    fields: [reasonField()],
    submit: t('corr.cancelSave'),
    danger: true,
    send: (form) => api('POST', path(s, '/cancel'), formJson(form)),
  });
  if (!data || stay !== s) return;
  await reload();
  done([t('corr.cancelled', who(s))]);
}

async function loadDocuments(s) {
  const r = await api('GET', path(s, '/documents'));
  const box = $('#corr-docs');
  if (stay !== s || !box) return;
  if (!r.ok) return showProblem(r);
  // The valid ones first (what can be acted on), then the history, newest first.
  const docs = [...r.data.documents].sort((a, b) => (a.state === b.state ? b.issuedAt.localeCompare(a.issuedAt) : a.state === 'valid' ? -1 : 1));
  const label = (type) => t(`docType.${type}`);
  const act = (key, type, onclick, cls = 'secondary') => h('button', { type: 'button', class: `${cls} small`, text: t(key, { type: label(type) }), onclick });
  const missing = DOC_TYPES.filter((type) => !docs.some((d) => d.type === type && d.state === 'valid'));
  fill(
    box,
    h('h4', { text: t('corr.docs') }),
    docs.length
      ? table(
          [t('stay.document'), t('corr.state'), t('corr.issued'), ''],
          docs.map((d) => [
            label(d.type),
            t(`corr.docState.${d.state}`),
            isoToLocal(d.issuedAt, tz()).replace('T', ' '),
            d.state === 'valid' ? h('span', { class: 'row' }, act('corr.reissue', d.type, () => reissue(s, d)), act('corr.revoke', d.type, () => revoke(s, d), 'danger')) : '',
          ]),
        )
      : h('p', { text: t('corr.docsNone') }),
    missing.length ? h('div', { class: 'row' }, missing.map((type) => act('corr.issueAgain', type, () => issue(s, type)))) : '',
  );
}

async function revoke(s, d) {
  const type = t(`docType.${d.type}`);
  const data = await ask({ title: t('corr.revokeTitle', { ...who(s), type }), fields: [reasonField()], submit: t('corr.revoke'), danger: true, send: (form) => api('POST', path(s, `/documents/${encodeURIComponent(d.documentId)}/revoke`), formJson(form)) });
  if (!data || stay !== s) return;
  fresh = fresh.filter((x) => x.documentId !== d.documentId);
  done([t('corr.revoked', { type })]);
  await loadDocuments(s);
}

async function reissue(s, d) {
  const data = await ask({ title: t('corr.reissueTitle', { ...who(s), type: t(`docType.${d.type}`) }), fields: [reasonField()], submit: t('corr.reissue'), send: (form) => api('POST', path(s, `/documents/${encodeURIComponent(d.documentId)}/reissue`), formJson(form)) });
  if (data && stay === s) await issued(s, data, d.documentId);
}

async function issue(s, type) {
  const data = await ask({ title: t('corr.issueTitle', { ...who(s), type: t(`docType.${type}`) }), fields: [], submit: t('corr.issueAgain', { type: t(`docType.${type}`) }), send: () => api('POST', path(s, '/documents/issue'), { type }) });
  if (data && stay === s) await issued(s, data);
}

/** A new document: its one-time key joins this visit's new slip. */
async function issued(s, receipt, replaced) {
  fresh = [...fresh.filter((x) => x.documentId !== replaced && x.type !== receipt.type), receipt];
  done([t('corr.newKeys', { type: t(`docType.${receipt.type}`) })]);
  showSlip(s, { documents: fresh });
  await loadDocuments(s);
}
