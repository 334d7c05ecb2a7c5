// Right-to-left text inside the documents' left-to-right paragraphs, by the Unicode
// Bidirectional Algorithm (bidi-js): levels per character, then per line the visual
// order of pieces. fontkit itself lays out an Arabic or Hebrew run right to left (it
// reverses the glyphs of a run whose first strong character is in such a script), so
// such a piece is handed over in logical order; any other piece at an odd level
// (neutrals only, e.g. a bracket drawn in another font) is reversed here, so nothing is
// reversed twice.
import * as bidiModule from 'bidi-js';
import type { Bidi } from 'bidi-js';

// bidi-js's types describe its ESM build; under NodeNext they land on the CJS namespace.
const bidi = (bidiModule as unknown as { default: () => Bidi }).default();

const FONTKIT_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Embedding level of each UTF-16 unit; the paragraphs of these documents are left to right (zh, en, ko). */
export function embeddingLevels(text: string): Uint8Array {
  return bidi.getEmbeddingLevels(text, 'ltr').levels;
}

/** True when fontkit will reverse this piece itself. */
export function fontkitReverses(text: string, level: number): boolean {
  return level % 2 === 1 && FONTKIT_RTL.test(text);
}

/** UAX #9 rule L2: from the highest level down, reverse every run of pieces at that level or above. */
export function visualOrder<T extends { level: number }>(pieces: readonly T[]): T[] {
  const ordered = [...pieces];
  const levels = ordered.map((p) => p.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < ordered.length; ) {
      if ((ordered[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < ordered.length && (ordered[j]?.level ?? 0) >= level) j++;
      ordered.splice(i, j - i, ...ordered.slice(i, j).reverse());
      i = j;
    }
  }
  return ordered;
}

/**
 * The text to hand to pdfkit for a piece at `level`: at an odd level brackets are
 * mirrored (rule L4) and, unless fontkit reverses the piece itself, graphemes reversed.
 */
export function drawnText(text: string, level: number): string {
  if (level % 2 === 0) return text;
  const mirrored = [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
  if (fontkitReverses(text, level)) return mirrored;
  return [...graphemes.segment(mirrored)].map((g) => g.segment).reverse().join('');
}
