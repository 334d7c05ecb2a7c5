// What people type or paste into text fields, read into values: dates in the common
// ways they are written, decimals with a point or a comma. Pure (no DOM): unit-tested.

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF0F\uFF0D]/g;
/** Full-width digits and punctuation (Chinese input methods) as ASCII. */
export function halfWidth(text) {
  return String(text).replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n) => String(n).padStart(2, '0');

function dateOf(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A typed date as YYYY-MM-DD. Reads 2026-12-02, 2026/12/2, 2026.12.2, 2026 12 2, 20261202,
 * 2026年12月2日, 2 Dec 2026, Dec 2, 2026 and day-first 02.12.2026 or 2/12/2026 (month-first
 * when the day cannot be a month: 12/25/2026). Answers { date } (with `ambiguous: true`
 * when day and month could be swapped), { problem: 'calendar_date' } when it cannot be
 * read or is no such day, or undefined for an empty field.
 */
export function readDate(text) {
  const s = halfWidth(text).trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  const unreadable = { problem: 'calendar_date' };
  let m = /^(\d{4})\s*[-/. 年]\s*(\d{1,2})\s*[-/. 月]\s*(\d{1,2})\s*日?$/.exec(s) || /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const date = dateOf(+m[1], +m[2], +m[3]);
    return date ? { date } : unreadable;
  }
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    const dayFirst = a > 12 || b <= 12;
    const date = dayFirst ? dateOf(y, b, a) : dateOf(y, a, b);
    if (!date) return unreadable;
    return a !== b && a <= 12 && b <= 12 ? { date, ambiguous: true } : { date };
  }
  // A month by name, as passports print it: 02 DEC 2026, Dec 2, 2026.
  m = /^(\d{1,2})[ -]?([a-z]{3})[a-z]*\.?[ -,]*(\d{4})$/i.exec(s) || /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/i.exec(s);
  if (m) {
    const named = /^\d/.test(m[1]) ? { d: +m[1], mon: m[2] } : { d: +m[2], mon: m[1] };
    const month = MONTHS.indexOf(named.mon.toLowerCase()) + 1;
    const date = month ? dateOf(+m[3], month, named.d) : undefined;
    return date ? { date } : unreadable;
  }
  return unreadable;
}

/** A decimal typed with a point or a comma ("37.5", "37,5", "３７，５"); NaN when it is not one, undefined when empty. */
export function readDecimal(text) {
  const s = halfWidth(text).trim();
  if (!s) return undefined;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN;
}
