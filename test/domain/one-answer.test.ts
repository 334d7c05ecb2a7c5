import { describe, expect, it } from 'vitest';
import { RegisterStayInput } from '../../functions/schemas/stay.js';
import { RecordCheckInput, SetDepartureInput } from '../../functions/schemas/care.js';
import { parseInput } from '../../functions/shared/validation.js';
import { ValidationError, type FieldIssue } from '../../functions/shared/errors.js';

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown): FieldIssue[] {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  throw new Error('parsed');
}

describe('every rule in one answer', () => {
  it('register: a missing birth date reads required and the cross-field rules come with the field rules', () => {
    const issues = issuesOf(RegisterStayInput, {
      person: { nameNative: '赵磊', nameLatin: 'ZHAO LEI', sex: 'M', nationality: 'CN', document: { type: 'passport', number: 'E1234567', country: 'CN' }, phone: '+86 138 0000 0000' },
      category: 'inbound',
      arrival: { arrivedAt: new Date(Date.now() + 5 * 86_400_000).toISOString() },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'person.birthDate', message: 'Required', code: 'required' },
        expect.objectContaining({ path: 'arrival.originCountry', code: 'origin_required' }),
        expect.objectContaining({ path: 'arrival.arrivedAt', code: 'arrival_too_far_ahead' }),
      ]),
    );
  });

  it('check: a temperature out of range carries the limit', () => {
    const issues = issuesOf(RecordCheckInput, { temperatureC: 45, slot: 'morning' });
    expect(issues).toEqual([expect.objectContaining({ path: 'temperatureC', code: 'too_big', maximum: 43 })]);
  });

  it('departure: a missing flight number is named with a bad time', () => {
    const issues = issuesOf(SetDepartureInput, { destination: { city: '', country: 'CN' }, mode: 'flight', departureAt: 'soon' });
    expect(issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual(['departureAt:invalid_format', 'destination.city:too_small', 'number:number_required'].sort());
  });
});
