// Text fields that read what is typed or pasted and say what they read, next to the field
// (its <output id="ID-read">): dates (data-type="date") in the common ways they are
// written, countries (data-country) by code or by name from one shared <datalist>.
// An ambiguous date shows as a date in words, so a swapped day and month is seen.
import { $, $$, h } from './dom.js';
import { countryName, countryOptions, readCountry } from './countries.js';
import { lang, register, t } from './i18n.js';
import { issueMessage } from './problem-messages.js';
import { readDate } from './typed-input.js';

register({
  en: {
    'read.ambiguous': '{date}: day and month could be swapped, check',
    'read.noCountry': 'No such country: type a name or a 2-letter code (CN)',
  },
  zh: {
    'read.ambiguous': '{date}：日和月可能颠倒，请核对',
    'read.noCountry': '没有这个国家或地区：请输入名称或两位代码（CN）',
  },
});

/** Says what a field read: kind '' (a plain reading), 'bad' (cannot be read) or 'warn'. */
export function sayRead(el, text, kind = '') {
  const out = $(`#${el.id}-read`);
  if (!out) return;
  out.textContent = text;
  out.className = `hint read${kind ? ` ${kind}` : ''}`;
}

const longDate = (date) => new Intl.DateTimeFormat(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Reads a date field; on `commit` (the field was left) its value becomes YYYY-MM-DD; `left`: say what cannot be read. */
function readDateField(el, commit, left = commit) {
  const r = readDate(el.value);
  if (!r) return sayRead(el, '');
  if (r.problem) return sayRead(el, left ? issueMessage({ code: r.problem, path: el.name, message: '' }, el.labels?.[0]?.textContent) : '', 'bad');
  if (commit) {
    el.value = r.date;
    el.dataset.ambiguous = r.ambiguous ? '1' : '';
  }
  const ambiguous = r.ambiguous || (el.value === r.date && el.dataset.ambiguous === '1');
  sayRead(el, ambiguous ? t('read.ambiguous', { date: longDate(r.date) }) : longDate(r.date), ambiguous ? 'warn' : '');
}

function readCountryField(el, commit, left = commit) {
  const code = readCountry(el.value);
  if (code && commit) el.value = code;
  if (code) return sayRead(el, countryName(code, lang()));
  sayRead(el, el.value.trim() && left ? t('read.noCountry') : '', 'bad');
}

function fillCountryList(root) {
  const list = $('datalist#country-list', root);
  if (list) list.replaceChildren(...countryOptions(lang()).map((c) => h('option', { value: c.code, label: c.label })));
}

/** Wires the typed fields under `root` once. */
export function wireTypedFields(root) {
  for (const el of $$('[data-type="date"]', root)) {
    el.addEventListener('input', () => readDateField(el, false));
    el.addEventListener('change', () => readDateField(el, true));
  }
  for (const el of $$('[data-country]', root)) {
    el.addEventListener('input', () => readCountryField(el, false));
    el.addEventListener('change', () => readCountryField(el, true));
  }
  fillCountryList(root);
}

/** Says again what every typed field read (after a language change, or a value set by code). */
export function rereadTypedFields(root) {
  for (const el of $$('[data-type="date"]', root)) readDateField(el, false, el !== document.activeElement);
  for (const el of $$('[data-country]', root)) readCountryField(el, false, el !== document.activeElement);
  fillCountryList(root);
}
