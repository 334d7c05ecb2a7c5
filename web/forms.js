// Form helpers: controls -> the JSON the API takes, busy buttons, field errors.
import { TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from './check-limits.js';
import { $$ } from './dom.js';
import { t } from './i18n.js';
import { localToIso, tz } from './time.js';
import { readDate, readDecimal } from './typed-input.js';

export function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] = o[k] || {};
  o[keys[keys.length - 1]] = value;
}

/**
 * Form controls -> nested JSON by their dotted names; empty fields are left out.
 * data-array (checkboxes): a list; data-upper: upper case; data-type="number" (a point or
 * a comma decimal) | "numbers" (a list) | "date" (a typed or pasted date -> YYYY-MM-DD) |
 * "instant" (facility wall-clock time -> ISO with offset). What cannot be read is sent as
 * typed: the server names the field.
 */
export function formJson(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox' && el.dataset.array !== undefined) {
      const list = $$(`[name="${CSS.escape(el.name)}"]:checked`, form).map((c) => c.value);
      setPath(out, el.name, list);
      continue;
    }
    if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
    let v = el.value.trim();
    if (v === '') continue;
    if (el.dataset.upper !== undefined) v = v.toUpperCase();
    // A comma decimal (36,6) is what many keyboards type.
    if (el.dataset.type === 'number') v = Number.isNaN(readDecimal(v)) ? v : readDecimal(v);
    if (el.dataset.type === 'date') v = readDate(v)?.date ?? v;
    if (el.dataset.type === 'numbers') v = v.split(/[\s,，、]+/).filter(Boolean).map((x) => (Number.isFinite(Number(x)) ? Number(x) : x));
    if (el.dataset.type === 'instant') v = localToIso(v, tz());
    setPath(out, el.name, v);
  }
  return out;
}

/** Runs fn with the form's buttons disabled (no double submission). */
export async function submitting(form, fn) {
  const buttons = $$('button', form);
  buttons.forEach((b) => (b.disabled = true));
  try {
    await fn();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** Controls marked data-upper show their value in upper case once changed. */
export function wireUppercase(root = document) {
  for (const el of $$('[data-upper]', root)) el.addEventListener('change', () => (el.value = el.value.toUpperCase()));
}

export function clearFieldErrors(form) {
  for (const el of $$('.field-error', form)) el.remove();
  for (const el of $$('[aria-invalid]', form)) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-err'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/** The control an issue path names: exact name, else the path without trailing list indexes, else a fieldset of that name. */
export function fieldFor(form, path, aliases) {
  let p = (aliases && aliases[path]) || path;
  for (;;) {
    const el = form.querySelector(`[name="${CSS.escape(p)}"]`);
    if (el) return el;
    if (!/\.\d+$/.test(p)) return null;
    p = p.replace(/\.\d+$/, '');
  }
}

export function labelOf(el, anchor) {
  const legend = anchor.matches('fieldset') && anchor.querySelector('legend');
  const label = legend || (el.labels && el.labels[0]);
  return label ? label.textContent.trim() : el.name;
}

/** Writes the allowed range next to each field marked data-range="temperature": the server's own limits (check-limits.js). */
export function showRanges(root = document) {
  for (const el of $$('[data-range="temperature"]', root)) el.textContent = t('f.temperatureRange', { min: TEMPERATURE_MIN_C.toFixed(1), max: TEMPERATURE_MAX_C.toFixed(1) });
}
