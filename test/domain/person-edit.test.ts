import { describe, expect, it } from 'vitest';
import { applyEdit, auditValues, changedFields, type EditablePerson } from '../../functions/domain/person-edit.js';

const person: EditablePerson = {
  nameNative: '张伟',
  nameLatin: 'ZHANG Wei',
  sex: 'M',
  birthDate: '1985-03-02',
  nationality: 'CN',
  document: { type: 'passport', number: 'E12345678', country: 'CN' },
  phone: '+86 138 0000 1234',
  language: 'zh',
};

describe('a correction of the person', () => {
  it('applies only the fields sent, the document number normalised', () => {
    const next = applyEdit(person, { nameLatin: 'ZHAO Lei', document: { type: 'passport', number: 'e 1234-5679', country: 'CN' } });
    expect(next).toEqual({ ...person, nameLatin: 'ZHAO Lei', document: { type: 'passport', number: 'E12345679', country: 'CN' } });
    expect(changedFields(person, next)).toEqual(['nameLatin', 'document']);
  });

  it('a value sent as it is on file is no change (the document compared normalised)', () => {
    expect(changedFields(person, applyEdit(person, { sex: 'M', document: { type: 'passport', number: 'e1234 5678', country: 'CN' } }))).toEqual([]);
  });

  it('the audit masks the document and phone numbers', () => {
    expect(auditValues(person, ['document', 'phone', 'birthDate'])).toEqual({
      document: { type: 'passport', number: 'E*****678', country: 'CN' },
      phone: '8*********234',
      birthDate: '1985-03-02',
    });
  });
});
