// The person's own page: opened from the personal link's QR code (/me#k=<secret>).
// The secret stays in the URL fragment (browsers never send it) and goes to the API
// as a header. No account, no cookies; the page shows the person's language first.
import { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from './check-limits.js';
import { LANGS, LOCALE, REQUEST_KINDS, SYMPTOMS, T } from './me-i18n.js';
import { readDecimal } from './typed-input.js';

/** The server's limits, as the range is written. */
const RANGE = [TEMPERATURE_MIN_C.toFixed(1), TEMPERATURE_MAX_C.toFixed(1)];

const $ = (id) => document.getElementById(id);
const secret = new URLSearchParams(location.hash.slice(1)).get('k') ?? '';
let lang = localStorage.getItem('me.lang');
let data;
let lastNote;

const t = (key, ...args) => {
  const v = T[lang]?.[key] ?? T.en[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
};

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { 'x-personal-key': secret, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });
  const json = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
  return { status: res.status, body: json, res };
}

const fmtDate = (iso) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: data.facility.timeZone, month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(iso));
/** A calendar date (YYYY-MM-DD) as the person reads it. */
const fmtDay = (date) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(`${date}T12:00:00Z`));
const fmtTime = (iso) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: data.facility.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function setLang(next) {
  lang = LANGS.includes(next) ? next : 'zh';
  localStorage.setItem('me.lang', lang);
  document.documentElement.lang = LOCALE[lang];
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  for (const n of document.querySelectorAll('[data-t]')) n.textContent = t(n.dataset.t);
  $('temp-range').textContent = t('report.range', ...RANGE);
  if (data) render();
}

function renderCountdown() {
  const left = Date.parse(data.endsAt) - Date.now();
  if (left <= 0 || data.status !== 'active') {
    $('countdown').textContent = data.status === 'active' ? t('over') : '';
    return;
  }
  const hours = Math.floor(left / 3_600_000);
  $('countdown').textContent = t('countdown', Math.floor(hours / 24), hours % 24);
}

function render() {
  $('facility').textContent = lang === 'zh' || !data.facility.nameEn ? data.facility.name : data.facility.nameEn;
  $('hello').textContent = t('hello', data.name);
  $('day').textContent = data.status === 'active' || data.status === 'positive' ? t('day', Math.max(1, data.day), data.stayDays) : '';
  $('ends').textContent = t('ends', fmtDay(data.endDate));
  renderCountdown();
  const note = $('status-note');
  note.hidden = data.status === 'active';
  note.textContent = data.status === 'active' ? '' : t(`status.${data.status}`);

  $('test-card').hidden = !data.nextTest;
  if (data.nextTest) $('next-test').textContent = t('nextTest', fmtDay(data.nextTest.date), data.nextTest.day);

  $('reports-card').hidden = data.status === 'released' || data.status === 'transferred';
  $('slots').replaceChildren(
    ...data.slots.map((s) =>
      el(
        'li',
        {},
        el('span', { class: 'slot-name' }, t(s.slot), el('span', { class: 'slot-deadline' }, t('deadline', fmtTime(s.deadline)))),
        el('span', { class: `chip ${s.status}` }, t(`st.${s.status}`) + (s.temperatureC !== undefined ? ` · ${s.temperatureC.toFixed(1)} °C` : '')),
      ),
    ),
  );
  const form = $('report');
  form.hidden = !data.reportSlot;
  if (data.reportSlot) $('report-title').textContent = data.reportSlot.date === data.today ? t('reportFor', t(data.reportSlot.slot), fmtDay(data.reportSlot.date)) : t('reportYesterday');
  $('symptoms').replaceChildren(
    ...SYMPTOMS.map((s) => {
      const was = form.querySelector(`input[value="${s}"]`)?.checked ?? false;
      const box = el('input', { type: 'checkbox', name: 'symptom', value: s });
      box.checked = was;
      return el('label', {}, box, t(s));
    }),
  );
  const done = $('report-done');
  done.hidden = !lastNote && !!data.reportSlot;
  done.className = `done-note${lastNote?.urgent ? ' urgent' : ''}`;
  done.textContent = lastNote ? t(lastNote.key) : data.reportSlot ? '' : t('report.none');

  const kind = $('kind');
  const chosen = kind.value || 'meal';
  kind.replaceChildren(...REQUEST_KINDS.map((k) => el('option', { value: k }, t(k === 'other' ? 'other_req' : k))));
  kind.value = chosen;
  $('requests-card').hidden = data.status === 'transferred';
  $('request').hidden = data.status !== 'active' && data.status !== 'positive';
  $('requests').replaceChildren(
    ...data.requests.map((r) =>
      el(
        'li',
        {},
        el('div', { class: 'req-head' }, el('span', {}, t(r.kind === 'other' ? 'other_req' : r.kind)), el('span', { class: `chip ${r.status === 'done' ? 'done' : r.status === 'declined' ? 'alert' : 'pending'}` }, t(`rq.${r.status}`))),
        el('p', { class: 'req-text' }, r.text),
        ...(r.reply ? [el('p', { class: 'req-reply' }, `↳ ${r.reply}`)] : []),
        el('span', { class: 'req-when' }, `${fmtDate(r.createdAt)} ${fmtTime(r.createdAt)}`),
      ),
    ),
  );

  $('documents-card').hidden = data.documents.length === 0;
  $('documents').replaceChildren(
    ...data.documents.map((d) => {
      const b = el('button', { type: 'button' }, `${t('download')}: ${t(d.type)}`);
      b.addEventListener('click', () => download(d));
      return el('li', {}, b);
    }),
  );
}

async function download(d) {
  const r = await api('GET', `/me/documents/${encodeURIComponent(d.documentId)}`).catch(() => undefined);
  if (!r || r.status !== 200) return;
  const url = URL.createObjectURL(await r.res.blob());
  const a = el('a', { href: url, download: `${d.type}-${d.documentId}.pdf` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function errorKey(r) {
  if (!r) return 'err.network';
  if (r.status === 429) return 'err.busy';
  if (r.status === 409 && r.body?.reasons?.[0]?.code === 'check_exists') return 'err.exists';
  if (r.status === 400 && r.body?.issues?.some((i) => i.path === 'temperatureC')) return 'err.range';
  return 'err.generic';
}

async function load() {
  const r = await api('GET', '/me/stay').catch(() => undefined);
  $('loading').hidden = true;
  if (!r || r.status !== 200) {
    setLang(lang ?? navigator.language?.slice(0, 2));
    $('gone').hidden = false;
    if (!r || r.status === 429) $('gone').querySelector('p').textContent = t(r ? 'err.busy' : 'err.network');
    return;
  }
  data = r.body;
  if (!lang) lang = data.language;
  $('stay').hidden = false;
  setLang(lang);
}

$('report').addEventListener('submit', async (e) => {
  e.preventDefault();
  const err = $('report-error');
  // A point or a comma decimal ("37,5"), as phones' keyboards type it.
  const temperatureC = readDecimal($('temp').value);
  err.hidden = true;
  if (temperatureC === undefined || Number.isNaN(temperatureC)) {
    err.textContent = t('err.temp');
    err.hidden = false;
    return;
  }
  if (temperatureC < TEMPERATURE_MIN_C || temperatureC > TEMPERATURE_MAX_C || Math.abs(temperatureC * 10 - Math.round(temperatureC * 10)) > 1e-9) {
    err.textContent = t('err.range', ...RANGE);
    err.hidden = false;
    return;
  }
  const symptoms = [...document.querySelectorAll('input[name="symptom"]:checked')].map((b) => b.value);
  const button = e.submitter ?? $('report').querySelector('button');
  button.disabled = true;
  const r = await api('POST', '/me/reports', { ...data.reportSlot, temperatureC, symptoms }).catch(() => undefined);
  button.disabled = false;
  if (!r || r.status !== 201) {
    err.textContent = t(errorKey(r));
    err.hidden = false;
    return;
  }
  lastNote = r.body.alert ? { key: 'report.alert', urgent: true } : { key: r.body.late ? 'report.late' : 'report.thanks' };
  $('temp').value = '';
  for (const b of document.querySelectorAll('input[name="symptom"]')) b.checked = false;
  await load();
});

$('request').addEventListener('submit', async (e) => {
  e.preventDefault();
  const err = $('request-error');
  const text = $('text').value.trim();
  err.hidden = true;
  if (!text) {
    err.textContent = t('err.text');
    err.hidden = false;
    return;
  }
  const r = await api('POST', '/me/requests', { kind: $('kind').value, text }).catch(() => undefined);
  if (!r || r.status !== 201) {
    err.textContent = t(errorKey(r));
    err.hidden = false;
    return;
  }
  $('text').value = '';
  await load();
});

for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLang(b.dataset.lang));
setInterval(() => data && renderCountdown(), 60_000);
load();
