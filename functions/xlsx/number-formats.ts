// Excel's number formats as far as a reader needs them: which cells hold dates, the
// built-in formats' codes (to write a cell back as it was), and serial day numbers.

/** A date and time without a zone, as Excel stores them. */
export interface WallClock {
  wall: true;
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** Built-in formats (ECMA-376 18.8.30), with zh-CN codes for the East Asian date ids 27-36 and 50-58. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format shows a date or time when, outside quoted text, escapes, fill/padding and [colour]/[$-locale] brackets, it has y, m, d, h or s ([h], [mm] elapsed time counts). */
export function isDateCode(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, (b) => (/^\[(h+|m+|s+)\]$/i.test(b) ? 'h' : ''));
  return /[ymdhse]/i.test(bare.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

export function isDateFormat(id: number, code: string | undefined): boolean {
  return code !== undefined ? isDateCode(code) : DATE_IDS.has(id);
}

const EPOCH_1900 = 25569; // 1970-01-01 as a 1900-system serial
const OFFSET_1904 = 1462; // days from the 1900 system's day 0 to the 1904 system's

/** A serial day number (1900 system, or 1904 when the workbook says so) to a wall clock. */
export function fromSerial(serial: number, date1904 = false): WallClock {
  const ms = Math.round((serial + (date1904 ? OFFSET_1904 : 0) - EPOCH_1900) * 86_400_000);
  const d = new Date(ms);
  return { wall: true, y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** A wall clock to a 1900-system serial day number. */
export const toSerial = (w: WallClock) => Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) / 86_400_000 + EPOCH_1900;
