// Splits text into runs per font. Each character's script picks its font: Hangul in
// Noto Sans KR, Arabic in Noto Sans Arabic, and so on. Characters every script shares
// (digits, punctuation, spaces) stay in the current run's font, and Latin, Greek,
// Cyrillic, Han and kana stay in the sentence's font when it has them, so a Chinese
// sentence keeps one design. A word (a run of one script) never splits across fonts
// when one font can draw all of it, so shaping (Arabic joining, Indic conjuncts) sees
// the whole word; a grapheme (a base with its combining marks) never splits at all.
// A character no font has is drawn with the placeholder glyph and reported, never thrown.
import { scriptOf, type NameScript } from '../domain/name-text.js';
import { FONT_FAMILIES, fontKey, type FontFamily } from './font-files.js';
import { loadFont } from './fonts.js';

export interface TextRun {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  text: string;
  family: FontFamily;
}

type ScriptClass = NameScript | 'neutral' | 'other';

const OWN_FONTS: Record<NameScript, FontFamily[]> = {
  Latin: ['latin'],
  Greek: ['latin'],
  Cyrillic: ['latin'],
  Armenian: ['armenian'],
  Georgian: ['georgian'],
  Hebrew: ['hebrew'],
  Arabic: ['arabic'],
  Devanagari: ['devanagari'],
  Bengali: ['bengali'],
  Gurmukhi: ['gurmukhi'],
  Gujarati: ['gujarati'],
  Oriya: ['oriya'],
  Tamil: ['tamil'],
  Telugu: ['telugu'],
  Kannada: ['kannada'],
  Malayalam: ['malayalam'],
  Sinhala: ['sinhala'],
  Thai: ['thai'],
  Lao: ['lao'],
  Myanmar: ['myanmar'],
  Khmer: ['khmer'],
  Ethiopic: ['ethiopic'],
  Hangul: ['kr'],
  Hiragana: ['sc', 'jp'],
  Katakana: ['sc', 'jp'],
  Bopomofo: ['sc', 'hk'],
  // Noto Sans HK has the HKSCS characters, JP other Extension B ones (𠮷).
  Han: ['sc', 'hk', 'jp', 'kr'],
};

/** Scripts the sentence's own font may draw (every CJK font has Latin and Han). */
const SHARED: ReadonlySet<ScriptClass> = new Set(['Latin', 'Greek', 'Cyrillic', 'Han', 'Hiragana', 'Katakana', 'Bopomofo']);

/** When a character's own fonts lack it: the small fonts first, the large CJK ones last. */
const LAST_RESORT: FontFamily[] = ['latin', ...FONT_FAMILIES.filter((f) => !['sc', 'kr', 'hk', 'jp', 'latin'].includes(f)), 'sc', 'hk', 'jp', 'kr'];

// Variation selectors, joiners and the like: fonts may map them to nothing, which is right.
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

const scriptCache = new Map<string, ScriptClass>();
function classOf(char: string): ScriptClass {
  let script = scriptCache.get(char);
  if (script === undefined) {
    script = scriptOf(char);
    if (scriptCache.size < 20_000) scriptCache.set(char, script);
  }
  return script;
}

/** A grapheme's script: that of its first character that has one. */
function graphemeScript(grapheme: string): ScriptClass {
  let result: ScriptClass = 'neutral';
  for (const char of grapheme) {
    const script = classOf(char);
    if (script !== 'neutral') return script;
    result = script;
  }
  return result;
}

function covers(family: FontFamily, text: string): boolean {
  const font = loadFont(fontKey(family, 'regular'));
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!font.hasGlyphForCodePoint(codePoint) && !IGNORABLE.test(char) && !/\s/.test(char)) return false;
  }
  return true;
}

const firstCovering = (families: Iterable<FontFamily>, text: string): FontFamily | undefined => {
  for (const family of families) if (covers(family, text)) return family;
  return undefined;
};

interface Unit {
  start: number;
  text: string;
  script: ScriptClass;
  graphemes: { index: number; segment: string }[];
}

/** Graphemes grouped into words of one script; neutral graphemes stand alone. */
function units(text: string): Unit[] {
  const result: Unit[] = [];
  for (const { index, segment } of graphemes.segment(text)) {
    const script = graphemeScript(segment);
    const last = result.at(-1);
    if (last && script !== 'neutral' && last.script === script) {
      last.text += segment;
      last.graphemes.push({ index, segment });
    } else {
      result.push({ start: index, text: segment, script, graphemes: [{ index, segment }] });
    }
  }
  return result;
}

export interface SplitOptions {
  /** Called once per grapheme no embedded font can draw (it is drawn as a placeholder). */
  onMissing?: (grapheme: string) => void;
}

/** Runs covering the whole text, in logical order, each drawn in one font family. */
export function splitRuns(text: string, sentence: FontFamily, options: SplitOptions = {}): TextRun[] {
  const runs: TextRun[] = [];
  const add = (start: number, piece: string, family: FontFamily) => {
    const last = runs.at(-1);
    if (last && last.family === family && last.end === start) {
      last.text += piece;
      last.end += piece.length;
    } else {
      runs.push({ start, end: start + piece.length, text: piece, family });
    }
  };
  for (const unit of units(text)) {
    const current = runs.at(-1)?.family ?? sentence;
    let preferred: FontFamily[];
    if (unit.script === 'neutral') preferred = [current, sentence, 'latin'];
    else if (unit.script === 'other') preferred = [];
    else preferred = [...(SHARED.has(unit.script) ? [sentence] : []), ...OWN_FONTS[unit.script]];

    const whole = firstCovering(preferred, unit.text);
    if (whole) {
      add(unit.start, unit.text, whole);
      continue;
    }
    // No preferred font draws the whole word: each grapheme finds its own, else a placeholder.
    for (const { index, segment } of unit.graphemes) {
      const family = firstCovering(preferred, segment) ?? firstCovering(LAST_RESORT, segment);
      if (!family) options.onMissing?.(segment);
      add(index, segment, family ?? preferred[0] ?? current);
    }
  }
  return runs;
}

/** The first grapheme no embedded font can draw, if any. */
export function findUnprintable(text: string): string | undefined {
  let missing: string | undefined;
  splitRuns(text, 'sc', { onMissing: (grapheme) => (missing ??= grapheme) });
  return missing;
}
