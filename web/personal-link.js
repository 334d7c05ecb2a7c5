// The stay file's personal-link card: issue (the QR code is shown this once: the
// server keeps only a hash of the secret), reissue, revoke; and confirming the
// readings the person sent from their own page.
import { api } from './api.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { isoToLocal, tz } from './time.js';

register({
  en: {
    'link.title': 'Personal link (the person’s own page)',
    'link.none': 'No personal link yet. Issue one at check-in and let the person scan the QR code.',
    'link.active': 'Active link no. {n}, issued {at}. Its QR code was shown once; issue a new one if it is lost (the old one stops working).',
    'link.revoked': 'The link was revoked {at}. Issue a new one to give the page back.',
    'link.issue': 'Issue link and show QR code',
    'link.reissue': 'Issue a new link (the old one stops working)',
    'link.revoke': 'Revoke link',
    'link.revokeAsk': 'Revoke the personal link? The person can no longer open their page until a new link is issued.',
    'link.shown': 'Let the person scan this now: it is shown only this once.',
    'link.qr': 'QR code of the personal link',
    'self.confirm': 'Confirm {date} {slot}',
    'self.pending': 'Self-reported readings to confirm (or correct):',
    'self.by': 'self',
    'self.late': 'self, late',
  },
  zh: {
    'link.title': '个人链接（本人页面）',
    'link.none': '尚未发放个人链接。请在入住时发放，并让本人扫描二维码。',
    'link.active': '第 {n} 个链接有效，发放于 {at}。二维码只显示一次；如遗失请重新发放（旧链接随即失效）。',
    'link.revoked': '链接已于 {at} 作废。重新发放后本人才能再次打开页面。',
    'link.issue': '发放链接并显示二维码',
    'link.reissue': '重新发放（旧链接失效）',
    'link.revoke': '作废链接',
    'link.revokeAsk': '确定作废个人链接？重新发放之前，本人将无法打开页面。',
    'link.shown': '请让本人现在扫描：二维码只显示这一次。',
    'link.qr': '个人链接二维码',
    'self.confirm': '确认 {date} {slot}',
    'self.pending': '待确认（或更正）的本人自报体温：',
    'self.by': '本人',
    'self.late': '本人（迟报）',
  },
});

let stayId = '';

async function state() {
  const r = await api('GET', `/stays/${encodeURIComponent(stayId)}/personal-link`);
  if (!r.ok) return showProblem(r);
  const s = r.data;
  // Facility wall-clock time, like every time on the staff page.
  const at = (iso) => (iso ? isoToLocal(iso, tz()).replace('T', ' ') : '');
  $('#link-state').textContent = s.state === 'none' ? t('link.none') : s.state === 'active' ? t('link.active', { n: s.generation, at: at(s.issuedAt) }) : t('link.revoked', { at: at(s.revokedAt) });
  $('#link-issue').textContent = t(s.state === 'active' ? 'link.reissue' : 'link.issue');
  $('#link-revoke').hidden = s.state !== 'active';
}

function qrSvg(qr) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('link.qr'));
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(qr.size));
  bg.setAttribute('height', String(qr.size));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', qr.path);
  svg.append(bg, path);
  return svg;
}

async function issue() {
  const r = await api('POST', `/stays/${encodeURIComponent(stayId)}/personal-link`);
  if (!r.ok) return showProblem(r);
  fill($('#link-out'), h('div', { class: 'link-qr' }, qrSvg(r.data.qr), h('div', {}, h('p', { text: t('link.shown') }), h('p', { class: 'link-url', text: r.data.url }))));
  await state();
}

async function revoke() {
  if (!confirm(t('link.revokeAsk'))) return;
  const r = await api('POST', `/stays/${encodeURIComponent(stayId)}/personal-link/revoke`);
  if (!r.ok) return showProblem(r);
  $('#link-out').replaceChildren();
  await state();
}

export function initPersonalLink() {
  $('#link-issue').addEventListener('click', issue);
  $('#link-revoke').addEventListener('click', revoke);
}

/** The card for the stay now open (the QR of an earlier file is never left on screen). */
export async function showPersonalLink(id) {
  stayId = id;
  $('#link-out').replaceChildren();
  await state();
}

/** Buttons confirming the self-reported checks not yet confirmed or corrected; `reload` redraws the log. */
export function selfReportActions(checks, reload) {
  const open = checks.filter((c) => c.source === 'self' && !c.confirmedAt && !c.corrected);
  if (!open.length) return [];
  return [
    h('p', { text: t('self.pending') }),
    h(
      'div',
      { class: 'actions' },
      ...open.map((c) => {
        const b = h('button', { type: 'button', class: 'secondary', text: t('self.confirm', { date: c.date, slot: t(`slot.${c.slot}`) }) });
        b.addEventListener('click', async () => {
          const r = await api('POST', `/stays/${encodeURIComponent(c.stayId)}/checks/${encodeURIComponent(c.checkId)}/confirm`);
          if (!r.ok) return showProblem(r);
          say('');
          await reload();
        });
        return b;
      }),
    ),
  ];
}

/** Who took a reading, for the check log. */
export function readingBy(c) {
  return c.source === 'self' ? t(c.late ? 'self.late' : 'self.by') : '';
}
