// Which font draws which character, and in which order right-to-left text is drawn.
import { describe, expect, it } from 'vitest';
import { drawnText, embeddingLevels, fontkitReverses, visualOrder } from '../../functions/documents/bidi-order.js';
import { findUnprintable, splitRuns } from '../../functions/documents/text-runs.js';

const runs = (text: string, sentence: 'sc' | 'kr' = 'sc') => splitRuns(text, sentence).map((r) => `${r.family}:${r.text}`);

describe('splitRuns', () => {
  it('keeps a Chinese sentence with Latin, digits and punctuation in one font', () => {
    expect(runs('张伟（ZHANG WEI，护照 E12345678）自2022年')).toEqual(['sc:张伟（ZHANG WEI，护照 E12345678）自2022年']);
    expect(runs('김민준(KIM MINJUN) 님은', 'kr')).toEqual(['kr:김민준(KIM MINJUN) 님은']);
  });

  it('moves a whole word to Noto Sans when the sentence font lacks one of its letters', () => {
    // SC has ó but not Ł: "Łukasz" goes to Noto Sans as one word, never split at Ł.
    expect(runs('兹证明Łukasz Wróbel（')).toEqual(['sc:兹证明', 'latin:Łukasz ', 'sc:Wróbel（']);
    expect(runs('Řehoř Dvořák')).toEqual(['latin:Řehoř Dvořák']);
  });

  it('gives each script its font; spaces and brackets stay with the run they follow', () => {
    expect(runs('兹证明محمد عبد الله（ABDULLAH）')).toEqual(['sc:兹证明', 'arabic:محمد عبد الله', 'sc:（ABDULLAH）']);
    expect(runs('शर्मा สมชาย שרה')).toEqual(['devanagari:शर्मा ', 'thai:สมชาย ', 'hebrew:שרה']);
  });

  it('keeps combining marks with their base: a grapheme never splits across fonts', () => {
    // e + U+0301 (combining acute) and Thai with stacked marks.
    for (const text of ['Ame\u0301lie', 'ศักดิ์ชัย', 'Nguye\u0302\u0303n']) {
      const split = splitRuns(`张${text}`, 'sc');
      expect(split.map((r) => r.text).join('')).toBe(`张${text}`);
      const graphemeStarts = new Set([...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(`张${text}`)].map((g) => g.index));
      for (const run of split) expect(graphemeStarts.has(run.start)).toBe(true);
    }
  });

  it('finds a font for characters outside the BMP: HKSCS in HK, 𠮷 in JP', () => {
    expect(runs('陳𨋢明')).toEqual(['hk:陳𨋢明']);
    expect(runs('𠮷田')).toEqual(['jp:𠮷田']);
  });

  it('reports, never throws for, a character no font has', () => {
    const missing: string[] = [];
    expect(splitRuns('བཀྲ་ཤིས', 'sc', { onMissing: (g) => missing.push(g) }).map((r) => r.text).join('')).toBe('བཀྲ་ཤིས');
    expect(missing.length).toBeGreaterThan(0);
    expect(findUnprintable('Łukasz 陳𨋢明 محمد')).toBeUndefined();
    expect(findUnprintable('a\u{31350}b')).toBe('\u{31350}');
  });
});

/** Pieces cut wherever the level changes, as the writer does per font. */
function visual(text: string): string[] {
  const levels = embeddingLevels(text);
  const pieces: { text: string; level: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = pieces.at(-1);
    if (last && last.level === levels[i]) last.text += text[i];
    else pieces.push({ text: text[i] ?? '', level: levels[i] ?? 0 });
  }
  return visualOrder(pieces).map((p) => `${p.level}:${p.text}`);
}

describe('bidirectional order', () => {
  it('an Arabic name inside a Chinese sentence is one right-to-left piece; brackets and Latin stay left to right', () => {
    expect(visual('兹证明محمد عبد الله（ABDULLAH）自')).toEqual(['0:兹证明', '1:محمد عبد الله', '0:（ABDULLAH）自']);
  });

  it('digits inside right-to-left text keep their order and sit on its left', () => {
    // "room 12" in Arabic: the number is read left to right, after (left of) the word.
    expect(visual('غرفة 12')).toEqual(['2:12', '1:غرفة ']);
  });

  it('an Arabic name followed by its Latin form in brackets', () => {
    expect(visual('محمد (Mohammed)')).toEqual(['1:محمد', '0: (Mohammed)']);
  });

  it('fontkit reverses Arabic and Hebrew pieces itself; other odd-level pieces are reversed here, with brackets mirrored', () => {
    expect(fontkitReverses('محمد', 1)).toBe(true);
    expect(fontkitReverses('محمد', 0)).toBe(false);
    expect(drawnText('محمد (علي)', 1)).toBe('محمد )علي(');
    expect(drawnText(' (', 1)).toBe(') ');
    expect(drawnText('(Sarah)', 0)).toBe('(Sarah)');
  });
});
