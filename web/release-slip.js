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

/**
 * The slip's own words in the person's language and in Chinese (the facility's), so
 * the person and the staff both read it on paper, whatever language the page is in.
 */
const SLIP = {
  zh: {
    title: '解除隔离回执', room: '房间', document: '文书', number: '文书编号', key: '提取码', download: '下载', verify: '验证',
    scan: '用手机扫描二维码下载文书，打开时输入提取码。提取码只打印在这张回执上，请妥善保管。',
    release_notice: '解除集中隔离医学观察通知单', health_certificate: '健康证明', test_report: '核酸检测报告',
  },
  en: {
    title: 'Release slip', room: 'Room', document: 'Document', number: 'Document no.', key: 'Access key', download: 'Download', verify: 'Verify',
    scan: 'Scan the QR code with your phone to download the document and enter the access key when asked. The key is printed only on this slip: keep it.',
    release_notice: 'Release notice', health_certificate: 'Health certificate', test_report: 'Nucleic-acid test report',
  },
  ko: {
    title: '격리 해제 확인서', room: '객실', document: '문서', number: '문서 번호', key: '접근 키', download: '다운로드', verify: '진위 확인',
    scan: '휴대폰으로 QR 코드를 스캔해 문서를 내려받고, 요청 시 접근 키를 입력하세요. 접근 키는 이 확인서에만 인쇄되니 잘 보관하세요.',
    release_notice: '격리 해제 통지서', health_certificate: '건강 증명서', test_report: '핵산 검사 보고서',
  },
};

/** "Access key / 提取码": the person's language first, then Chinese (once, for a Chinese reader). */
export function slipText(language, key) {
  const own = (SLIP[language] || SLIP.en)[key];
  return language === 'zh' ? own : `${own} / ${SLIP.zh[key]}`;
}

/** Fills #slip for the released stay s from the release answer (its one-time keys are shown only here). */
export function showSlip(s, data) {
  const slip = $('#slip');
  const docs = (data && data.documents) || [];
  const language = SLIP[s.person.language] ? s.person.language : 'en';
  const say = (k) => slipText(language, k);
  fill(
    slip,
    h('h2', { text: `${say('title')} · ${session.facility.name}` }),
    h('p', { text: `${s.person.nameNative} ${s.person.nameLatin} · ${say('room')} ${s.roomNumber} · ${data.releasedDate || todayLocal()}` }),
    h('p', { class: 'slip-scan', text: say('scan') }),
    docs.map((d) =>
      h(
        'div',
        { class: 'slip-doc' },
        d.downloadQr ? qrSvg(d.downloadQr, `${say(d.type)} QR`) : '',
        h(
          'dl',
          {},
          h('dt', { text: say('document') }),
          h('dd', { text: say(d.type) }),
          h('dt', { text: say('number') }),
          h('dd', { text: d.documentId || '' }),
          h('dt', { text: say('key') }),
          h('dd', { class: 'key', text: d.key || '' }),
          h('dd', {}, d.downloadUrl ? h('a', { href: d.downloadUrl, text: say('download') }) : '', ' ', d.verifyUrl ? h('a', { href: d.verifyUrl, text: say('verify') }) : ''),
        ),
      ),
    ),
    h('button', { type: 'button', onclick: () => { document.body.classList.add('printing'); window.print(); document.body.classList.remove('printing'); } }, t('rel.print')),
  );
  slip.hidden = false;
  $('#release-result').append(h('p', {}, h('a', { href: '#slip', text: t('rel.slip') })));
}
