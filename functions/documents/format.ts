// Date, time and country formatting for printed documents. Calendar dates are
// formatted from their YYYY-MM-DD parts (no Date, no host time zone involved).
import type { Language } from './snapshot.js';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateParts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year ?? 0, month ?? 0, day ?? 0];
}

/** A calendar date written the way each language writes it in running text. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = dateParts(isoDate);
  switch (language) {
    case 'zh':
      return `${year}年${month}月${day}日`;
    case 'ko':
      return `${year}년 ${month}월 ${day}일`;
    case 'en':
      return `${day} ${EN_MONTHS[month - 1]} ${year}`;
  }
}

/** Days from `from` to `to`, counting both: day 1 to day 14 is 14 days. */
export function daysInclusive(from: string, to: string): number {
  const utcDay = (isoDate: string) => {
    const [year, month, day] = dateParts(isoDate);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return utcDay(to) - utcDay(from) + 1;
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

function instantParts(isoInstant: string, timeZone: string): Record<string, string> {
  let formatter = instantFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(new Date(isoInstant)).map((p) => [p.type, p.value]));
}

/** "YYYY-MM-DD HH:mm" in the facility's time zone, the clock staff and lab used. */
export function formatInstant(isoInstant: string, timeZone: string): string {
  const p = instantParts(isoInstant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The facility-local calendar date of an instant. */
export function localDate(isoInstant: string, timeZone: string): string {
  const p = instantParts(isoInstant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A country's name in one language from its ISO alpha-2 code. */
export function countryName(code: string, language: Language): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}
