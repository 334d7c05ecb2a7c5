// Countries by code and by name in Chinese and English (Intl.DisplayNames): what the
// country pickers offer and read, and how a file names a nationality. Pure (no DOM).
import { COUNTRY_CODE_LIST } from './country-codes.js';

const LOCALES = { zh: 'zh-CN', en: 'en' };
const namers = {};
function namer(lang) {
  return (namers[lang] ||= new Intl.DisplayNames([LOCALES[lang] || 'en'], { type: 'region', fallback: 'code' }));
}

/** A country's name in `lang` ('zh' | 'en'); the code itself for an unknown one. */
export function countryName(code, lang) {
  return COUNTRY_CODE_LIST.includes(code) ? namer(lang).of(code) : code;
}

/** Every country as { code, label }: the name in `lang` first, then in the other language. */
export function countryOptions(lang) {
  const other = lang === 'zh' ? 'en' : 'zh';
  return COUNTRY_CODE_LIST.map((code) => ({ code, label: `${countryName(code, lang)} · ${countryName(code, other)}` }));
}

/** Short names people type that the official names do not match. */
const ALIASES = { 香港: 'HK', hongkong: 'HK', 澳门: 'MO', macau: 'MO', macao: 'MO', uk: 'GB', 英國: 'GB', usa: 'US', korea: 'KR', 南韩: 'KR', 朝鲜: 'KP', 俄国: 'RU' };

let byName;
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/[\s.'’()-]/g, '');
/**
 * The code of what was typed or picked: a code ("cn"), a name in Chinese or English
 * ("中国", "france"), or a picked option ("中国 · China"); undefined if it names no country.
 */
export function readCountry(text) {
  const s = String(text).trim();
  if (!s) return undefined;
  if (/^[A-Za-z]{2}$/.test(s) && COUNTRY_CODE_LIST.includes(s.toUpperCase())) return s.toUpperCase();
  if (!byName) {
    byName = new Map(Object.entries(ALIASES));
    for (const code of COUNTRY_CODE_LIST) for (const lang of ['zh', 'en']) byName.set(fold(countryName(code, lang)), code);
  }
  const parts = s.split('·').map(fold).filter(Boolean);
  for (const p of parts) if (byName.has(p)) return byName.get(p);
  return undefined;
}
