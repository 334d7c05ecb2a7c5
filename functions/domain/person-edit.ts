import { maskDocumentNumber } from './masking.js';
import { normaliseDocumentNumber } from './travel-document.js';

// A correction of a person's data: which fields the staff's edit really changes, and
// what the audit keeps of the values before and after. The document and phone numbers
// are masked there, as on every page that is not the file itself. Pure.

export interface EditablePerson {
  nameNative: string;
  nameLatin: string;
  sex: string;
  birthDate: string;
  nationality: string;
  document: { type: string; number: string; country: string };
  phone: string;
  language: string;
}

export type PersonField = keyof EditablePerson;
const FIELDS: readonly PersonField[] = ['nameNative', 'nameLatin', 'sex', 'birthDate', 'nationality', 'document', 'phone', 'language'];

/** The person after the edit: the fields sent replace the stored ones (the document number normalised as at check-in). */
export function applyEdit<P extends EditablePerson>(current: P, edit: Partial<EditablePerson>): P {
  const next = { ...current } as P;
  for (const f of FIELDS) {
    const v = edit[f];
    if (v === undefined) continue;
    (next as Record<string, unknown>)[f] = f === 'document' ? { ...(v as EditablePerson['document']), number: normaliseDocumentNumber((v as EditablePerson['document']).number) } : v;
  }
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs, in a fixed order. */
export function changedFields(before: EditablePerson, after: EditablePerson): PersonField[] {
  return FIELDS.filter((f) => {
    if (f !== 'document') return !same(before[f], after[f]);
    const [a, b] = [before.document, after.document];
    return a.type !== b.type || a.country !== b.country || normaliseDocumentNumber(a.number) !== normaliseDocumentNumber(b.number);
  });
}

/** What the audit shows of `fields` of a person: numbers masked. */
export function auditValues(p: EditablePerson, fields: readonly PersonField[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => [
      f,
      f === 'document' ? { ...p.document, number: maskDocumentNumber(p.document.number) } : f === 'phone' ? maskDocumentNumber(p.phone.replace(/\D/g, '')) : p[f],
    ]),
  );
}
