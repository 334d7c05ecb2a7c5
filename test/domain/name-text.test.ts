import { describe, expect, it } from 'vitest';
import { isPrintableNameText, NAME_SCRIPTS, scriptOf } from '../../functions/domain/name-text.js';
import { findUnprintable } from '../../functions/documents/text-runs.js';
import { NAME_SAMPLES } from '../documents/name-samples.js';

// One letter of each supported script; the test ties the list to the embedded fonts.
const LETTER: Record<(typeof NAME_SCRIPTS)[number], string> = {
  Latin: 'Ł', Greek: 'Ω', Cyrillic: 'Ж', Armenian: 'Ա', Georgian: 'ა', Hebrew: 'ש', Arabic: 'ع', Devanagari: 'क', Bengali: 'ক',
  Gurmukhi: 'ਕ', Gujarati: 'ક', Oriya: 'କ', Tamil: 'க', Telugu: 'క', Kannada: 'ಕ', Malayalam: 'ക', Sinhala: 'ක', Thai: 'ก',
  Lao: 'ກ', Myanmar: 'က', Khmer: 'ក', Ethiopic: 'ሀ', Hangul: '한', Hiragana: 'さ', Katakana: 'サ', Bopomofo: 'ㄅ', Han: '𨋢',
};

describe('name text', () => {
  it('every supported script has a letter the embedded fonts draw', () => {
    for (const script of NAME_SCRIPTS) {
      expect(scriptOf(LETTER[script])).toBe(script);
      expect(findUnprintable(LETTER[script])).toBeUndefined();
    }
  });

  it('accepts names in every sample script, with spaces, hyphens and apostrophes', () => {
    for (const sample of NAME_SAMPLES) expect(isPrintableNameText(sample.nameNative)).toBe(true);
    expect(isPrintableNameText('O’Brien-Smith, Jr.')).toBe(true);
  });

  it('refuses control, format (bidi, zero-width), private-use and unpaired surrogate characters, and unsupported scripts', () => {
    for (const text of ['a\u0000b', 'a\u0007', 'a\u202Eb', 'a\u200Bb', 'a\u2066b', 'a\uE000', 'a\uD800', 'a\u2028b', 'བཀྲ']) {
      expect(isPrintableNameText(text)).toBe(false);
    }
  });
});
