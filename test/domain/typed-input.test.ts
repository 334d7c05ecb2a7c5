import { describe, expect, it } from 'vitest';
import { normaliseResidentId, residentIdCheckChar, residentIdFacts, residentIdProblem } from '../../web/resident-id.js';
import { halfWidth, readDate, readDecimal } from '../../web/typed-input.js';
import { RegisterStayInput } from '../../functions/schemas/stay.js';
import { toFieldIssues } from '../../functions/shared/validation.js';
import { registration } from '../support/fixtures.js';

// The page's pure input modules (web/typed-input.js, web/resident-id.js) and the
// server's rule that checks a resident ID card with the same code.

/** A valid resident ID number with the given birth date (YYYYMMDD) and sequence digit. */
function residentId(birth: string, sequence = '12', sexDigit = 3): string {
  const first17 = `110105${birth}${sequence}${sexDigit}`;
  return first17 + residentIdCheckChar(first17);
}

describe('resident ID card number (ISO 7064 MOD 11-2)', () => {
  it('reads the birth date and sex of a valid number, X as check character included', () => {
    expect(residentIdProblem('11010519491231002X')).toBeUndefined();
    expect(residentIdFacts('11010519491231002x')).toEqual({ birthDate: '1949-12-31', sex: 'F' });
    expect(residentIdFacts(residentId('19900517', '12', 3))).toEqual({ birthDate: '1990-05-17', sex: 'M' });
    expect(normaliseResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });

  it('names what is wrong: format, birth date, check digit', () => {
    expect(residentIdProblem('1101051949123100')).toBe('id_format');
    expect(residentIdProblem('E12345678')).toBe('id_format');
    expect(residentIdProblem('110105194912310021')).toBe('id_check_digit');
    const feb30 = '11010519900230123';
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30))).toBe('id_birth_date');
    expect(residentIdProblem(residentId('20300101'), '2026-12-02')).toBe('id_birth_date');
    expect(residentIdFacts('110105194912310021')).toBeUndefined();
  });
});

describe('typed dates', () => {
  it.each([
    ['2026-12-02', '2026-12-02'],
    ['2026/12/2', '2026-12-02'],
    ['2026.12.2', '2026-12-02'],
    ['20261202', '2026-12-02'],
    ['2026年12月2日', '2026-12-02'],
    ['２０２６年１２月２日', '2026-12-02'],
    [' 1990 5 17 ', '1990-05-17'],
    ['2 Dec 2026', '2026-12-02'],
    ['02DEC2026', '2026-12-02'],
    ['Dec 2, 2026', '2026-12-02'],
    ['25.12.2026', '2026-12-25'],
    ['12/25/2026', '2026-12-25'],
  ])('reads %s', (text, date) => {
    expect(readDate(text)).toEqual({ date });
  });

  it('marks a day and month that could be swapped, reading the day first', () => {
    expect(readDate('02.12.2026')).toEqual({ date: '2026-12-02', ambiguous: true });
    expect(readDate('5/5/2026')).toEqual({ date: '2026-05-05' });
  });

  it('refuses what cannot be read or is no such day, with a code', () => {
    for (const text of ['2026-02-30', '13/13/2026', 'tomorrow', '2026-1', '261202', '31 Foo 2026']) expect(readDate(text), text).toEqual({ problem: 'calendar_date' });
    expect(readDate('  ')).toBeUndefined();
  });
});

describe('typed decimals', () => {
  it('reads a point or a comma, full-width too', () => {
    expect(readDecimal('37,5')).toBe(37.5);
    expect(readDecimal('37.5')).toBe(37.5);
    expect(readDecimal(' ３７，５ ')).toBe(37.5);
    expect(readDecimal('36')).toBe(36);
    expect(readDecimal('')).toBeUndefined();
    for (const text of ['37,', '37.5.1', 'abc', '37,5 °C']) expect(readDecimal(text), text).toBeNaN();
    expect(halfWidth('Ｇ１２３４')).toBe('Ｇ1234');
  });
});

describe('registration with a resident ID card', () => {
  const card = (number: string, person: Record<string, unknown> = {}) =>
    registration({}, { nameLatin: undefined, birthDate: '1990-05-17', sex: 'M', document: { type: 'id_card', number, country: 'CN' }, ...person });
  const issues = (input: unknown) => {
    const r = RegisterStayInput.safeParse(input);
    return r.success ? [] : toFieldIssues(r.error, [], input).map((i) => `${i.path}:${i.code}`);
  };

  it('needs no Latin name for a Chinese ID card, and does for any other document', () => {
    expect(issues(card(residentId('19900517')))).toEqual([]);
    expect(issues(registration({}, { nameLatin: undefined }))).toEqual(['person.nameLatin:required']);
    expect(issues(card(residentId('19900517'), { document: { type: 'id_card', number: residentId('19900517'), country: 'HK' } }))).toEqual(['person.nameLatin:required']);
  });

  it('refuses a wrong check digit and a birth date or sex the number contradicts, with the field rules in one answer', () => {
    const wrong = residentId('19900517').slice(0, 17) + (residentId('19900517').endsWith('0') ? '1' : '0');
    expect(issues(card(wrong, { phone: 'x' }))).toEqual(expect.arrayContaining(['person.document.number:id_check_digit', 'person.phone:invalid_format']));
    expect(issues(card(residentId('19900517'), { birthDate: '1990-05-18', sex: 'F' })).sort()).toEqual(['person.birthDate:id_birth_date_mismatch', 'person.sex:id_sex_mismatch']);
  });
});
