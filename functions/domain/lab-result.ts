import { createHash } from 'node:crypto';
import { addDays, localDate } from './calendar.js';

// Lab results (pure rules, no I/O): what makes two deliveries the same result, which
// version of a sample is current, and which stay a result belongs to.
//
// A sample (barcode, unique per lab) may be reported several times: resends of the
// same report, and corrections. Every distinct report is a *version*, identified by
// a hash of its content. The current version is the one with the greatest version
// key `<resultedAt>#<severity>#<collectedAt>#<hash>`: the latest report wins; two
// different reports with the same result time are ordered by severity (positive >
// inconclusive > negative: when in doubt, the safer one is current), then by the
// later collection, then by hash. A total order on content alone, so the outcome
// never depends on the order in which deliveries arrive.

export type TestOutcome = 'negative' | 'positive' | 'inconclusive';
export type DocumentType = 'passport' | 'id_card' | 'travel_permit' | 'other';

export interface LabDocument {
  type: DocumentType;
  number: string;
  country: string;
}

/** Whom the lab says the sample belongs to: our stay id (from the sample slip) or a travel document. */
export type LabSubject = { stayId: string } | { document: LabDocument };

export interface LabResultVersion {
  labId: string;
  sampleId: string;
  subject: LabSubject;
  /** ISO instants, normalised to UTC with milliseconds (fixed width: they sort as text). */
  collectedAt: string;
  resultedAt: string;
  result: TestOutcome;
  method?: string;
  ct?: number;
  contentHash: string;
  versionKey: string;
}

export interface LabResultInput {
  sampleId: string;
  stayId?: string;
  document?: LabDocument;
  collectedAt: string;
  resultedAt: string;
  result: TestOutcome;
  method?: string;
  ct?: number;
}

export function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

const SEVERITY: Record<TestOutcome, string> = { negative: '0', inconclusive: '1', positive: '2' };

/** The version of a validated result (schemas/lab.ts has already normalised the document number). */
export function toVersion(labId: string, r: LabResultInput): LabResultVersion {
  const subject: LabSubject = r.stayId ? { stayId: r.stayId } : { document: { type: r.document!.type, number: r.document!.number, country: r.document!.country } };
  const collectedAt = toUtc(r.collectedAt);
  const resultedAt = toUtc(r.resultedAt);
  const method = r.method?.trim() || undefined;
  const content = [
    'stayId' in subject ? subject.stayId : null,
    'document' in subject ? [subject.document.type, subject.document.country, subject.document.number] : null,
    collectedAt,
    resultedAt,
    r.result,
    method ?? null,
    r.ct ?? null,
  ];
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  return {
    labId,
    sampleId: r.sampleId,
    subject,
    collectedAt,
    resultedAt,
    result: r.result,
    ...(method ? { method } : {}),
    ...(r.ct !== undefined ? { ct: r.ct } : {}),
    contentHash,
    versionKey: `${resultedAt}#${SEVERITY[r.result]}#${collectedAt}#${contentHash}`,
  };
}

/** Does `candidate` replace `current` as the sample's current version? */
export function isNewer(candidate: string, current: string | undefined): boolean {
  return current === undefined || candidate > current;
}

/** A stay a document-matched result could belong to, with its facility's time zone. */
export interface StayCandidate {
  stayId: string;
  day1Date: string;
  /** First date after observation (people leave on it at the latest). */
  releaseDate: string;
  timeZone: string;
}

export type StayChoice = { stayId: string } | { reason: 'no_stay_for_document' | 'no_stay_at_collection_time' };

/**
 * Matching by travel document (type, country and normalised number must all be
 * equal; the index lookup guarantees that). Of that person's stays, the one in
 * observation when the sample was collected: collection date (in the stay's
 * facility time zone) from the day before day 1 (a sample taken on arrival at the
 * port) up to the release date (an exit sample). Several (a stay released the day
 * the next began): the newest. None: unmatched, never a guess: a result from
 * another trip must not land on an old file.
 */
export function chooseStay(candidates: readonly StayCandidate[], collectedAt: string): StayChoice {
  if (candidates.length === 0) return { reason: 'no_stay_for_document' };
  const fitting = candidates.filter((c) => {
    const date = localDate(collectedAt, c.timeZone);
    return date >= addDays(c.day1Date, -1) && date <= c.releaseDate;
  });
  if (fitting.length === 0) return { reason: 'no_stay_at_collection_time' };
  const best = [...fitting].sort((a, b) => b.day1Date.localeCompare(a.day1Date) || b.stayId.localeCompare(a.stayId))[0]!;
  return { stayId: best.stayId };
}

/**
 * The retest due dates a sample collected on `collectedDate` (facility-local) takes
 * care of: every retest date on or before it (a late sample also covers the missed
 * day; a sample before the retest day, e.g. on arrival, covers nothing).
 */
export function retestDatesCovered(retestDates: readonly string[], collectedDate: string): string[] {
  return retestDates.filter((d) => d <= collectedDate);
}

/** The travel document of a stay's person, as registered. */
export interface PersonDocument {
  type: string;
  number: string;
  country: string;
}

const normalisedNumber = (n: string) => n.toUpperCase().replace(/[\s-]/g, '');

/**
 * Does the subject the lab sent name this stay's person? The same stay id, or the
 * same travel document (type, country and number normalised as in lab matching:
 * upper case, no spaces or dashes). Staff may assign an unmatched sample only then.
 */
export function subjectMatchesStay(subject: LabSubject, stay: { stayId: string; document: PersonDocument }): boolean {
  if ('stayId' in subject) return subject.stayId === stay.stayId;
  const d = subject.document;
  return d.type === stay.document.type && d.country.toUpperCase() === stay.document.country.toUpperCase() && normalisedNumber(d.number) === normalisedNumber(stay.document.number);
}
