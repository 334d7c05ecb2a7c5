// What the registration form fills in itself, so that one person takes few keys: a
// Chinese resident ID number (checked as typed) fills the document type and country,
// birth date, sex and nationality; the nationality proposes the issuing country and the
// language; F/女, M/男 and X keys choose the sex in either language. A field the staff
// set themselves is never overwritten.
import { $ } from './dom.js';
import { countryName } from './countries.js';
import { lang, register, t } from './i18n.js';
import { issueMessage } from './problem-messages.js';
import { normaliseResidentId, residentIdFacts, residentIdProblem } from './resident-id.js';
import { todayLocal } from './time.js';
import { rereadTypedFields, sayRead } from './typed-fields.js';

register({
  en: { 'register.idRead': 'Resident ID card: born {date}, {sex}, {country}' },
  zh: { 'register.idRead': '居民身份证：{date} 出生，{sex}，{country}' },
});

const SEX_KEYS = { f: 'F', 女: 'F', m: 'M', 男: 'M', x: 'X' };
const LANGUAGE_OF = { CN: 'zh', HK: 'zh', MO: 'zh', TW: 'zh', SG: 'zh', KR: 'ko' };

/** Sets a field the form fills unless staff typed into it; marks it as filled by the form. */
function propose(el, value) {
  if (el.dataset.typed === '1' && el.value) return;
  el.value = value;
  el.dataset.filled = '1';
}

function readIdNumber(form) {
  const number = $('#r-docNumber', form);
  const n = normaliseResidentId(number.value);
  // Only an 18-character number of digits (and X) can be a resident ID: a passport number is left alone.
  if (!/^\d{17}[\dX]$/.test(n)) return sayRead(number, '');
  const problem = residentIdProblem(n, todayLocal());
  if (problem) return sayRead(number, issueMessage({ code: problem, path: number.name, message: '' }), 'bad');
  const facts = residentIdFacts(n, todayLocal());
  propose($('#r-docType', form), 'id_card');
  propose($('#r-docCountry', form), 'CN');
  propose($('#r-birthDate', form), facts.birthDate);
  propose($('#r-sex', form), facts.sex);
  propose($('#r-nationality', form), 'CN');
  propose($('#r-language', form), 'zh');
  sayRead(number, t('register.idRead', { date: facts.birthDate, sex: t(`sex.${facts.sex}`), country: countryName('CN', lang()) }));
  rereadTypedFields(form);
}

export function wireRegisterFill(form) {
  // Typing (not the form filling in) makes a field the staff's own.
  form.addEventListener('input', (e) => {
    if (e.isTrusted) e.target.dataset.typed = '1';
  });
  form.addEventListener('change', (e) => {
    if (e.isTrusted && e.target.matches('select')) e.target.dataset.typed = '1';
  });
  $('#r-docNumber', form).addEventListener('input', () => readIdNumber(form));
  $('#r-sex', form).addEventListener('keydown', (e) => {
    const sex = !e.ctrlKey && !e.altKey && !e.metaKey && SEX_KEYS[e.key.toLowerCase()];
    if (!sex) return;
    e.preventDefault();
    e.currentTarget.value = sex;
    e.currentTarget.dataset.typed = '1';
  });
  $('#r-nationality', form).addEventListener('change', (e) => {
    const code = e.currentTarget.value;
    if (!/^[A-Z]{2}$/.test(code)) return;
    propose($('#r-docCountry', form), code);
    propose($('#r-language', form), LANGUAGE_OF[code] || 'en');
    rereadTypedFields(form);
  });
}

/** Forgets which fields staff typed (a new person). */
export function resetRegisterFill(form) {
  for (const el of form.elements) {
    delete el.dataset.typed;
    delete el.dataset.filled;
  }
  sayRead($('#r-docNumber', form), '');
}
