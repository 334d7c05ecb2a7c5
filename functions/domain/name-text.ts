// The writing systems a traveller's name (or a facility name) can be printed in: the
// documents embed a Noto font for each. Pure, so input validation can share it.

export const NAME_SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Myanmar',
  'Khmer',
  'Ethiopic',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
] as const;

export type NameScript = (typeof NAME_SCRIPTS)[number];

/** Scripts written right to left. */
export const RTL_SCRIPTS: ReadonlySet<NameScript> = new Set(['Hebrew', 'Arabic']);

const SCRIPT_PATTERNS = NAME_SCRIPTS.map((script) => [script, new RegExp(`^\\p{Script=${script}}$`, 'u')] as const);
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/**
 * The script of one code point: a supported script, `neutral` for characters every
 * script shares (digits, punctuation, spaces, combining marks), or `other`.
 */
export function scriptOf(char: string): NameScript | 'neutral' | 'other' {
  for (const [script, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return script;
  return NEUTRAL.test(char) ? 'neutral' : 'other';
}

const SCRIPT_CLASS = NAME_SCRIPTS.map((script) => `\\p{Script=${script}}`).join('');
// Control, format (bidi controls, zero-width), surrogate, private-use and unassigned
// characters are never part of a name even though Unicode files many under Common.
const PRINTABLE = new RegExp(`^(?:(?![\\p{C}\\p{Zl}\\p{Zp}])[${SCRIPT_CLASS}\\p{Script=Common}\\p{Script=Inherited}])*$`, 'u');

/**
 * True when every character is in a supported script or is a shared printable
 * character. Script-level only: a Han character beyond the embedded fonts' coverage
 * (e.g. CJK Extension G) passes and is printed as a placeholder glyph.
 */
export function isPrintableNameText(text: string): boolean {
  return PRINTABLE.test(text);
}
