// The Chinese resident identity card number (居民身份证号码, GB 11643): 6 digits of the
// issuing area, the birth date YYYYMMDD, 3 digits of sequence (odd for men, even for
// women) and an ISO 7064 MOD 11-2 check character (0-9 or X). Pure: the page fills the
// birth date and sex from it as it is typed, and the server checks it with the same code.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The number as people type it: spaces removed, a lower-case x read as X. */
export function normaliseResidentId(text) {
  return String(text).replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What is wrong with a resident ID number, as a code: `id_format` (not 17 digits and a
 * check character), `id_birth_date` (no such date, before 1900 or after `today`),
 * `id_check_digit`; undefined when it is right. `today` is YYYY-MM-DD.
 */
export function residentIdProblem(text, today) {
  const n = normaliseResidentId(text);
  if (!/^\d{17}[\dX]$/.test(n)) return 'id_format';
  const birth = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (!isRealDate(+n.slice(6, 10), +n.slice(10, 12), +n.slice(12, 14)) || birth < '1900-01-01' || (today && birth > today)) return 'id_birth_date';
  if (residentIdCheckChar(n) !== n[17]) return 'id_check_digit';
  return undefined;
}

/** The birth date (YYYY-MM-DD) and sex ('M' | 'F') a number holds; undefined unless it is right. */
export function residentIdFacts(text, today) {
  if (residentIdProblem(text, today)) return undefined;
  const n = normaliseResidentId(text);
  return { birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`, sex: Number(n[16]) % 2 === 1 ? 'M' : 'F' };
}
