// Messages in the page's language: zh first, en. Every module that shows text
// registers its own catalogue (register({ en: {...}, zh: {...} }) at its top), so a
// new screen adds its messages next to its code; shared ones live in messages.js.
// t(key, vars) renders "{name}" placeholders; a key missing in the page's language
// falls back to English, then to the key itself.
import { $, $$ } from './dom.js';
import { SHARED_MESSAGES } from './messages.js';

const LANGS = ['en', 'zh'];
const catalogue = { en: {}, zh: {} };

/** Adds messages; a key registered twice is a mistake (two screens would fight over it). */
export function register(messages) {
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(messages[lang] || {})) {
      if (key in catalogue[lang]) throw new Error(`i18n: message ${lang} ${key} is registered twice`);
      catalogue[lang][key] = text;
    }
  }
}
register(SHARED_MESSAGES);

let current = localStorage.getItem('qd.lang') || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en');

export const lang = () => current;

export function setLang(next) {
  current = next;
  localStorage.setItem('qd.lang', next);
}

/** The message in one language only (no fallback): undefined when that language lacks it. */
export const lookup = (key, language = current) => catalogue[language] && catalogue[language][key];

export function t(key, vars) {
  const s = lookup(key) || catalogue.en[key] || key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k]))) : s;
}

const known = (key) => lookup(key) !== undefined || catalogue.en[key] !== undefined;

/**
 * Static text of the page: data-i18n (text) and data-i18n-label (aria-label) attributes.
 * A key not registered yet (its screen's module comes when the screen is first opened)
 * keeps its text until then: app.js applies the screen's section again once it came.
 */
export function applyI18n(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  for (const el of $$('[data-i18n]', root)) if (known(el.dataset.i18n)) el.textContent = t(el.dataset.i18n);
  for (const el of $$('[data-i18n-label]', root)) if (known(el.dataset.i18nLabel)) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const other = current === 'zh' ? 'en' : 'zh';
  const btn = $('#lang');
  btn.textContent = other === 'zh' ? '中文' : 'English';
  btn.setAttribute('lang', other === 'zh' ? 'zh-CN' : 'en');
  btn.setAttribute('aria-label', other === 'zh' ? '切换到中文' : 'Switch to English');
}
