import { describe, expect, it } from 'vitest';
import { textProblem, textProblemMessage } from '../../functions/domain/text-hygiene.js';

describe('textProblem', () => {
  it('accepts names in every script, with the joiners their spelling needs', () => {
    for (const name of [
      'Łukasz Żółć', 'Şükrü İğdeli', 'Řehoř Dvořák', 'Erdős Pál', 'Nguyễn Thị Minh Khai', 'Παπαδόπουλος', 'Пётр Ильич',
      'محمد عبد الله', 'דוד לוי', 'สมชาย ใจดี', 'देवनागरी', '김민준', 'やまだ たろう', '張𠀋偉', "O'Brien-Smith",
      'مهر\u200Cناز', // Persian ZWNJ between letters
      'क्\u200Dष', // Devanagari: virama (a mark) + ZWJ + consonant
      '葛\u{E0100}', // an ideographic variation selector (a mark) on a rare Chinese name
    ]) {
      expect(textProblem(name, 'name'), name).toBeUndefined();
    }
  });

  it('refuses control characters, bidi controls, invisible characters and broken strings in names', () => {
    const cases: [string, string, string][] = [
      ['Zhang\u0000Wei', 'control_character', 'U+0000'],
      ['Zhang\nWei', 'control_character', 'U+000A'],
      ['Zhang\u0085Wei', 'control_character', 'U+0085'],
      ['\u202Eiew gnahZ', 'bidi_control', 'U+202E'],
      ['Zhang \u2067Wei', 'bidi_control', 'U+2067'],
      ['Zhang\u200FWei', 'bidi_control', 'U+200F'],
      ['Zh\u200Bang', 'invisible_character', 'U+200B'],
      ['Zh\uFEFFang', 'invisible_character', 'U+FEFF'],
      ['Zh\u2060ang', 'invisible_character', 'U+2060'],
      ['Zh\u00ADang', 'invisible_character', 'U+00AD'],
      ['\u3164', 'invisible_character', 'U+3164'],
      ['Zhang\u200D', 'invisible_character', 'U+200D'], // a joiner at the edge joins nothing
      ['Zhang \u200CWei', 'invisible_character', 'U+200C'], // next to a space
      ['Zh\uD800ang', 'unpaired_surrogate', 'U+D800'],
      ['Zhang\uDC00', 'unpaired_surrogate', 'U+DC00'],
      ['Zh\uFFFEang', 'noncharacter', 'U+FFFE'],
      ['Zh\uFFFDang', 'replacement_character', 'U+FFFD'],
    ];
    for (const [s, code, codePoint] of cases) expect(textProblem(s, 'name'), JSON.stringify(s)).toMatchObject({ code, codePoint });
  });

  it('lets free text keep direction marks and emoji joins, and notes keep their lines', () => {
    expect(textProblem('halal \u200Fحلال\u200F', 'line')).toBeUndefined();
    expect(textProblem('family 👨\u200D👩\u200D👧', 'line')).toBeUndefined();
    expect(textProblem('line one\nline two\r\n\tindented', 'text')).toBeUndefined();
    expect(textProblem('line one\nline two', 'line')).toMatchObject({ code: 'control_character' });
    expect(textProblem('ok\u0007', 'text')).toMatchObject({ code: 'control_character', codePoint: 'U+0007' });
    expect(textProblem('\u202Aembedded', 'text')).toMatchObject({ code: 'bidi_control' });
    expect(textProblem('a\u2028b', 'text')).toMatchObject({ code: 'control_character' });
  });

  it('says where the character is', () => {
    const p = textProblem('张伟\u0000', 'name')!;
    expect(p.position).toBe(3);
    expect(textProblemMessage(p)).toBe('Remove a control character (U+0000) at position 3');
    // Positions count characters, not UTF-16 units: the astral character is one.
    expect(textProblem('𠀋\u200B', 'name')!.position).toBe(2);
  });
});
