import { describe, expect, it } from 'vitest';
import { subjectMatchesStay } from '../../functions/domain/lab-result.js';

describe('subjectMatchesStay', () => {
  const stay = { stayId: 'S0123456789AB', document: { type: 'passport', number: 'E12345678', country: 'CN' } };
  it('matches the same stay id, or the same document normalised', () => {
    expect(subjectMatchesStay({ stayId: 'S0123456789AB' }, stay)).toBe(true);
    expect(subjectMatchesStay({ document: { type: 'passport', number: 'e12 345-678', country: 'cn' } }, stay)).toBe(true);
  });
  it('refuses another stay id, type, country or number', () => {
    expect(subjectMatchesStay({ stayId: 'S0123456789AC' }, stay)).toBe(false);
    expect(subjectMatchesStay({ document: { type: 'id_card', number: 'E12345678', country: 'CN' } }, stay)).toBe(false);
    expect(subjectMatchesStay({ document: { type: 'passport', number: 'E12345678', country: 'KR' } }, stay)).toBe(false);
    expect(subjectMatchesStay({ document: { type: 'passport', number: 'E12345679', country: 'CN' } }, stay)).toBe(false);
  });
});
