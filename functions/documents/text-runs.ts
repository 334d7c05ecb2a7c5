// Splits text into runs per font: Chinese in Noto Sans SC, Korean in Noto Sans KR.
// Each font lacks the other's script (SC has no Hangul, KR lacks many simplified
// characters), so one string such as a Korean sentence naming a Chinese facility
// needs both. A character neither font has is an error, never a blank box.
import { loadFont } from './fonts.js';

export type Script = 'sc' | 'kr';

export interface TextRun {
  text: string;
  script: Script;
}

function ownScript(codePoint: number): Script | undefined {
  if (
    (codePoint >= 0x1100 && codePoint <= 0x11ff) ||
    (codePoint >= 0x3130 && codePoint <= 0x318f) ||
    (codePoint >= 0xa960 && codePoint <= 0xa97f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7ff)
  ) {
    return 'kr';
  }
  if (
    (codePoint >= 0x3000 && codePoint <= 0x303f) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  ) {
    return 'sc';
  }
  return undefined;
}

const other = (script: Script): Script => (script === 'sc' ? 'kr' : 'sc');
const hasGlyph = (script: Script, codePoint: number): boolean =>
  loadFont(script === 'sc' ? 'sc-regular' : 'kr-regular').hasGlyphForCodePoint(codePoint);

/** The script whose font draws this character: its own script, else the current one, else the other. */
function scriptFor(codePoint: number, current: Script): Script | undefined {
  const preferred = ownScript(codePoint) ?? current;
  if (hasGlyph(preferred, codePoint)) return preferred;
  if (hasGlyph(other(preferred), codePoint)) return other(preferred);
  return undefined;
}

/** The first character no embedded font can draw, if any. */
export function findUnprintable(text: string): string | undefined {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!/\s/.test(char) && scriptFor(codePoint, 'sc') === undefined) return char;
  }
  return undefined;
}

/** Latin, digits and punctuation stay in the current run's font so a sentence keeps one design. */
export function splitRuns(text: string, preferred: Script): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun = { text: '', script: preferred };
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const script = /\s/.test(char) ? current.script : scriptFor(codePoint, current.script);
    if (script === undefined) {
      throw new Error(`No embedded font has a glyph for U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    if (script !== current.script && current.text !== '') {
      runs.push(current);
      current = { text: '', script };
    }
    current.script = script;
    current.text += char;
  }
  if (current.text !== '') runs.push(current);
  return runs;
}
