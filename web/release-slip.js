// The printable release slip: the documents with their download links, access keys
// and QR codes (drawn from the path the server sends: no QR library in the page).
import { $, fill, h } from './dom.js';
import { t } from './i18n.js';
import { session } from './state.js';
import { todayLocal } from './time.js';

function qrSvg(qr, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(qr.size));
  bg.setAttribute('height', String(qr.size));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', qr.path);
  svg.append(bg, path);
  return svg;
}

/** Fills #slip for the released stay s from the release answer (its one-time keys are shown only here). */
export function showSlip(s, data) {
  const slip = $('#slip');
  const docs = (data && data.documents) || [];
  fill(
    slip,
    h('h2', { text: `${t('rel.slip')} · ${session.facility.name}` }),
    h('p', { text: `${s.person.nameNative} ${s.person.nameLatin} · ${t('transport.room')} ${s.roomNumber} · ${data.releasedDate || todayLocal()}` }),
    docs.map((d) =>
      h(
        'div',
        { class: 'slip-doc' },
        d.downloadQr ? qrSvg(d.downloadQr, `${t(`docType.${d.type}`)} QR`) : '',
        h(
          'dl',
          {},
          h('dt', { text: t('stay.document') }),
          h('dd', { text: t(`docType.${d.type}`) }),
          h('dt', { text: 'ID' }),
          h('dd', { text: d.documentId || '' }),
          h('dt', { text: t('rel.key') }),
          h('dd', { class: 'key', text: d.key || '' }),
          h('dd', {}, d.downloadUrl ? h('a', { href: d.downloadUrl, text: t('rel.download') }) : '', ' ', d.verifyUrl ? h('a', { href: d.verifyUrl, text: t('rel.verify') }) : ''),
        ),
      ),
    ),
    h('button', { type: 'button', onclick: () => { document.body.classList.add('printing'); window.print(); document.body.classList.remove('printing'); } }, t('rel.print')),
  );
  slip.hidden = false;
  $('#release-result').append(h('p', {}, h('a', { href: '#slip', text: t('rel.slip') })));
}
