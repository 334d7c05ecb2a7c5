import { residentIdFacts, residentIdProblem } from '../../web/resident-id.js';
import { crossFieldRule } from '../shared/validation.js';

// A Chinese resident ID card (id_card issued by CN) carries its holder's birth date and
// sex and a check character: a mistyped number is refused at the desk (lab results are
// matched on it), and the birth date and sex must agree with it. Such a card has no
// Latin name, so the Latin name is required for every other document only. The rules
// run with the field rules, so one answer names every problem.

const MESSAGES = {
  id_format: 'A resident ID number has 17 digits and a check digit (0-9 or X)',
  id_birth_date: 'The birth date in the ID number is not a real date',
  id_check_digit: "The ID number's check digit does not match: check the number",
} as const;

interface Person {
  nameLatin?: string;
  birthDate: string;
  sex: string;
  document: { type: string; number: string; country: string };
}

export function isResidentIdCard(doc: { type?: unknown; country?: unknown } | undefined): boolean {
  return doc?.type === 'id_card' && doc.country === 'CN';
}

/** A corrected document: a resident ID card's number is checked as at check-in. */
export const residentIdNumberRule = crossFieldRule<{ document?: { type: string; number: string; country: string } }>((p, add) => {
  const doc = p.document as { type?: unknown; number?: unknown; country?: unknown } | undefined;
  if (!isResidentIdCard(doc) || typeof doc?.number !== 'string') return;
  const problem = residentIdProblem(doc.number, new Date().toISOString().slice(0, 10));
  if (problem) add(['document', 'number'], problem, MESSAGES[problem]);
});

export const residentIdRules = crossFieldRule<Person>((p, add) => {
  const doc = p.document as { type?: unknown; number?: unknown; country?: unknown } | undefined;
  if (!isResidentIdCard(doc)) {
    if (p.nameLatin === undefined) add(['nameLatin'], 'required', 'Required');
    return;
  }
  if (typeof doc?.number !== 'string') return;
  const today = new Date().toISOString().slice(0, 10);
  const problem = residentIdProblem(doc.number, today);
  if (problem) return add(['document', 'number'], problem, MESSAGES[problem]);
  const facts = residentIdFacts(doc.number, today);
  if (facts && typeof p.birthDate === 'string' && p.birthDate !== facts.birthDate) add(['birthDate'], 'id_birth_date_mismatch', `The ID number gives the birth date ${facts.birthDate}`);
  if (facts && (p.sex === 'M' || p.sex === 'F') && p.sex !== facts.sex) add(['sex'], 'id_sex_mismatch', `The ID number gives the sex ${facts.sex}`);
});
