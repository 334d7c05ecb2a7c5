import { COUNTRY_CODES } from '../domain/countries.js';
import { SPECIAL_CONDITIONS } from '../schemas/stay.js';
import { fromSerial, type WallClock } from '../xlsx/number-formats.js';
import type { XlsxValue } from '../xlsx/read-workbook.js';

// Cell values as people and Excel write them, turned into the API's values. A value
// that cannot be read is an issue naming the rule, never a guess.

/** A cell as read from the file: text (CSV, or xlsx text), a number, or a wall-clock date (xlsx date cells). */
export type Cell = XlsxValue;
export { fromSerial, type WallClock };

export type Read<T> = { ok: T } | { error: string; code: string };
const ok = <T>(v: T): Read<T> => ({ ok: v });
const bad = (code: string, error: string): Read<never> => ({ error, code });

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function text(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return `${cell.y}-${pad(cell.m)}-${pad(cell.d)}`;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

const isRealDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATETIME_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?)?秒?)?$/;
/** Serial numbers Excel can hold for dates this system deals with (1900-01-01 .. 2099-12-31). */
const SERIAL_RANGE = [1, 73415];

export function readDate(cell: Cell): Read<string> {
  if (typeof cell === 'object' && cell !== null) return ok(`${cell.y}-${pad(cell.m)}-${pad(cell.d)}`);
  if (typeof cell === 'number') {
    if (cell >= (SERIAL_RANGE[0] as number) && cell <= (SERIAL_RANGE[1] as number)) return readDate(fromSerial(cell));
    return bad('date_format', 'Use a date such as 1988/7/15 or 1988-07-15');
  }
  const t = text(cell).normalize('NFKC');
  const m = DATE_RE.exec(t) ?? COMPACT_RE.exec(t);
  if (!m) return bad('date_format', 'Use a date such as 1988/7/15 or 1988-07-15 (year first)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return bad('date_invalid', `${t} is not a calendar date`);
  return ok(`${y}-${pad(mo)}-${pad(d)}`);
}

/** A local date-time in `timeZone` to an ISO instant with that zone's offset; ISO text with an offset is kept as written. */
export function readDateTime(cell: Cell, timeZone: string): Read<string> {
  let wall: WallClock | undefined;
  if (typeof cell === 'object' && cell !== null) wall = cell;
  else if (typeof cell === 'number') {
    if (cell < (SERIAL_RANGE[0] as number) || cell > (SERIAL_RANGE[1] as number)) return bad('datetime_format', 'Use a date and time such as 2026/12/2 2:40');
    wall = fromSerial(cell);
  } else {
    const t = text(cell).normalize('NFKC');
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return ok(t);
    const m = DATETIME_RE.exec(t);
    if (!m) return bad('datetime_format', 'Use a date and time such as 2026/12/2 2:40 (facility local time)');
    wall = { wall: true, y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0) };
  }
  if (!isRealDate(wall.y, wall.m, wall.d) || wall.h > 23 || wall.mi > 59 || wall.s > 59) return bad('datetime_invalid', 'Not a real date and time');
  return ok(zonedIso(wall, timeZone));
}

/** The offset of `timeZone` at an instant, in minutes east of UTC. */
function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms) / 60_000);
}

/** A wall clock in `timeZone` as ISO 8601 with that zone's offset then (e.g. 2026-12-02T02:40:00+08:00). */
export function zonedIso(w: WallClock, timeZone: string): string {
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  let offset = offsetMinutes(asUtc, timeZone);
  offset = offsetMinutes(asUtc - offset * 60_000, timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const SEXES: Record<string, 'M' | 'F' | 'X'> = { 男: 'M', 男性: 'M', m: 'M', male: 'M', 女: 'F', 女性: 'F', f: 'F', female: 'F', x: 'X', 其他: 'X', other: 'X' };

export function readSex(cell: Cell): Read<'M' | 'F' | 'X'> {
  const v = SEXES[text(cell).normalize('NFKC').toLowerCase()];
  return v ? ok(v) : bad('sex_value', 'Use 男 / 女 / M / F (other: X)');
}

const DOC_TYPES: Record<string, 'passport' | 'id_card' | 'travel_permit' | 'other'> = {
  护照: 'passport', passport: 'passport', p: 'passport',
  身份证: 'id_card', 居民身份证: 'id_card', idcard: 'id_card', id: 'id_card', id_card: 'id_card',
  通行证: 'travel_permit', 港澳通行证: 'travel_permit', 往来港澳通行证: 'travel_permit', 台湾通行证: 'travel_permit', 台胞证: 'travel_permit', 回乡证: 'travel_permit', travelpermit: 'travel_permit', travel_permit: 'travel_permit',
  其他: 'other', other: 'other',
};

export function readDocumentType(cell: Cell): Read<'passport' | 'id_card' | 'travel_permit' | 'other'> {
  if (isBlank(cell)) return ok('passport');
  const v = DOC_TYPES[text(cell).normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
  return v ? ok(v) : bad('document_type_value', 'Use 护照 / 身份证 / 通行证 / 其他 (passport / id card / travel permit / other)');
}

const LANGUAGES: Record<string, 'zh' | 'en' | 'ko'> = { 中文: 'zh', 汉语: 'zh', 普通话: 'zh', chinese: 'zh', zh: 'zh', 英语: 'en', 英文: 'en', english: 'en', en: 'en', 韩语: 'ko', 韩文: 'ko', 한국어: 'ko', korean: 'ko', ko: 'ko' };

export function readLanguage(cell: Cell): Read<'zh' | 'en' | 'ko'> {
  if (isBlank(cell)) return ok('zh');
  const v = LANGUAGES[text(cell).normalize('NFKC').toLowerCase()];
  return v ? ok(v) : bad('language_value', 'Use 中文 / 英语 / 韩语 (Chinese / English / Korean)');
}

const CATEGORIES: Record<string, 'inbound' | 'close_contact' | 'secondary_contact'> = {
  入境: 'inbound', 入境人员: 'inbound', inbound: 'inbound',
  密接: 'close_contact', 密切接触者: 'close_contact', closecontact: 'close_contact', close_contact: 'close_contact',
  次密接: 'secondary_contact', 密接的密接: 'secondary_contact', secondarycontact: 'secondary_contact', secondary_contact: 'secondary_contact',
};

export function readCategory(cell: Cell): Read<'inbound' | 'close_contact' | 'secondary_contact'> {
  const v = CATEGORIES[text(cell).normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
  return v ? ok(v) : bad('category_value', 'Use 入境 / 密接 / 次密接 (inbound / close contact / secondary contact)');
}

/** Country names in Chinese and English (from the runtime's own region names) and ISO codes. */
let countryNames: Map<string, string> | undefined;
const COUNTRY_ALIASES: Record<string, string> = { 中国大陆: 'CN', 中华人民共和国: 'CN', 香港: 'HK', 中国香港: 'HK', 澳门: 'MO', 中国澳门: 'MO', 台湾: 'TW', 中国台湾: 'TW', 美国: 'US', 英国: 'GB', 韩国: 'KR', 南韩: 'KR', 朝鲜: 'KP', usa: 'US', uk: 'GB', 'united states of america': 'US', 'south korea': 'KR', korea: 'KR', russia: 'RU', uae: 'AE', 阿联酋: 'AE' };
const ALPHA3: Record<string, string> = { CHN: 'CN', USA: 'US', GBR: 'GB', FRA: 'FR', DEU: 'DE', KOR: 'KR', JPN: 'JP', ITA: 'IT', ESP: 'ES', CAN: 'CA', AUS: 'AU', RUS: 'RU', SGP: 'SG', THA: 'TH', MYS: 'MY', NLD: 'NL', ARE: 'AE', QAT: 'QA', IND: 'IN', PAK: 'PK', PHL: 'PH', VNM: 'VN', IDN: 'ID', NZL: 'NZ', CHE: 'CH', SWE: 'SE', TUR: 'TR', BRA: 'BR', ETH: 'ET', ZAF: 'ZA', EGY: 'EG', HKG: 'HK', MAC: 'MO', TWN: 'TW' };

function names(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  for (const locale of ['zh-Hans', 'zh-Hant', 'en']) {
    const dn = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of COUNTRY_CODES) {
      const name = dn.of(code);
      if (name && name !== code) countryNames.set(name.normalize('NFKC').toLowerCase(), code);
    }
  }
  for (const [k, v] of Object.entries(COUNTRY_ALIASES)) countryNames.set(k.toLowerCase(), v);
  return countryNames;
}

export function readCountry(cell: Cell): Read<string> {
  const t = text(cell).normalize('NFKC').trim();
  const upper = t.toUpperCase();
  if (COUNTRY_CODES.has(upper)) return ok(upper);
  const a3 = ALPHA3[upper];
  if (a3) return ok(a3);
  const byName = names().get(t.toLowerCase());
  return byName ? ok(byName) : bad('country_value', 'Use a country name (中国, France) or its 2-letter code (CN, FR)');
}

/** "CA 934", "ca-934", "CA０９３４" are CA934 (the API checks the IATA shape). */
export function readFlight(cell: Cell): Read<string> {
  return ok(text(cell).normalize('NFKC').toUpperCase().replace(/[\s-]+/g, ''));
}

export function readPhone(cell: Cell): Read<string> {
  if (typeof cell === 'number') return ok(String(Math.round(cell)));
  return ok(text(cell).normalize('NFKC'));
}

const CONDITIONS: Record<string, (typeof SPECIAL_CONDITIONS)[number]> = {
  慢性病: 'chronic_illness', 基础病: 'chronic_illness', chronicillness: 'chronic_illness',
  孕妇: 'pregnancy', 怀孕: 'pregnancy', 孕期: 'pregnancy', pregnancy: 'pregnancy', pregnant: 'pregnancy',
  儿童: 'child', 婴幼儿: 'child', 未成年: 'child', child: 'child',
  老人: 'elderly', 老年人: 'elderly', 高龄: 'elderly', elderly: 'elderly',
  残疾: 'disability', 残障: 'disability', disability: 'disability',
  心理支持: 'psychological_support', 心理: 'psychological_support', psychologicalsupport: 'psychological_support',
};

export function readConditions(cell: Cell): Read<string[]> {
  const parts = text(cell).normalize('NFKC').split(/[,;、/]+/).map((p) => p.trim().toLowerCase().replace(/[\s_]+/g, '')).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const v = CONDITIONS[p] ?? (SPECIAL_CONDITIONS as readonly string[]).find((c) => c.replace(/_/g, '') === p);
    if (!v) return bad('condition_value', `Unknown special condition "${p}": use 慢性病、孕妇、儿童、老人、残疾、心理支持`);
    if (!out.includes(v)) out.push(v);
  }
  return ok(out);
}
