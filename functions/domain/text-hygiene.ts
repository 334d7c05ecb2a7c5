// Characters that are never right in a name or a free-text field: they are refused
// where they enter (400 naming the field), so nothing stored can later break a
// document, a CSV, a log line or the page, or make one name look like another.
//
//   name   one line, printed on documents: no control characters, no format
//          characters (bidi marks, embeddings, overrides and isolates, zero-width
//          space, BOM, word joiner, soft hyphen, …), no U+FFFD. ZWNJ (U+200C) and
//          ZWJ (U+200D) are part of how Persian, Arabic-script Urdu, Devanagari,
//          Malayalam, Sinhala … names are spelled, so they are allowed between two
//          letters or marks (a virama is a mark), never at the edges or doubled.
//   line   one line of free text (a diet, a city, a reason): as `name`, but the
//          left-to-right / right-to-left marks (U+200E, U+200F, U+061C) people
//          type in mixed-direction text are allowed, and ZWJ also joins emoji.
//   text   several lines (notes, situations): as `line`, plus line feed, carriage
//          return and tab.
// Everywhere: unpaired surrogates (a broken UTF-16 string such as "\ud800" in JSON)
// and the noncharacters U+FDD0–U+FDEF, U+xFFFE/U+xFFFF are refused.

export type TextKind = 'name' | 'line' | 'text';

export const TEXT_PROBLEM_CODES = ['control_character', 'bidi_control', 'invisible_character', 'unpaired_surrogate', 'noncharacter', 'replacement_character'] as const;
export type TextProblemCode = (typeof TEXT_PROBLEM_CODES)[number];

export interface TextProblem {
  code: TextProblemCode;
  /** The offending code point, as U+XXXX. */
  codePoint: string;
  /** 1-based position in code points, for the message. */
  position: number;
}

const BIDI_EMBEDDINGS = /[\u202A-\u202E\u2066-\u2069]/u;
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/u;
const JOINERS = /[\u200C\u200D]/u;
const JOINABLE = /[\p{L}\p{M}]/u;
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
/** Hangul fillers: letters by category, blank on paper, a classic way to fake an empty or look-alike name. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0]/u;
const MULTILINE_CONTROLS = new Set(['\n', '\r', '\t']);
/** Format characters still allowed in free text: emoji tag sequences (flags of regions) and Arabic number signs. */
const TEXT_FORMAT_ALLOWED = /[\u{E0020}-\u{E007F}\u0600-\u0605\u06DD\u070F\u08E2\u{110BD}\u{110CD}]/u;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `s` that a field of this kind must not hold, or undefined when all is well. */
export function textProblem(s: string, kind: TextKind): TextProblem | undefined {
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const cp = c.codePointAt(0)!;
    const at = (code: TextProblemCode): TextProblem => ({ code, codePoint: hex(cp), position: i + 1 });
    // Array.from keeps a lone surrogate as its own one-unit element.
    if (cp >= 0xd800 && cp <= 0xdfff) return at('unpaired_surrogate');
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      if (kind === 'text' && MULTILINE_CONTROLS.has(c)) continue;
      return at('control_character');
    }
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return at('noncharacter');
    if (cp === 0xfffd && kind === 'name') return at('replacement_character');
    if (cp === 0x2028 || cp === 0x2029) return at('control_character');
    if (BIDI_EMBEDDINGS.test(c)) return at('bidi_control');
    if (DIRECTION_MARKS.test(c)) {
      if (kind === 'name') return at('bidi_control');
      continue;
    }
    if (JOINERS.test(c)) {
      const before = chars[i - 1];
      const after = chars[i + 1];
      const joins = (x: string | undefined) => x !== undefined && (JOINABLE.test(x) || (kind !== 'name' && c === '\u200D' && PICTOGRAPHIC.test(x)));
      if (joins(before) && joins(after)) continue;
      return at('invisible_character');
    }
    if (BLANK_LETTERS.test(c)) return at('invisible_character');
    if (/\p{Cf}/u.test(c)) {
      if (kind !== 'name' && TEXT_FORMAT_ALLOWED.test(c)) continue;
      return at('invisible_character');
    }
  }
  return undefined;
}

const DESCRIPTIONS: Record<TextProblemCode, string> = {
  control_character: 'a control character',
  bidi_control: 'a text-direction control character',
  invisible_character: 'an invisible character',
  unpaired_surrogate: 'a broken character (unpaired surrogate)',
  noncharacter: 'a character that is not text',
  replacement_character: 'a replacement character (�), the sign of a wrongly decoded name',
};

/** The sentence shown next to the field. */
export function textProblemMessage(p: TextProblem): string {
  return `Remove ${DESCRIPTIONS[p.code]} (${p.codePoint}) at position ${p.position}`;
}
