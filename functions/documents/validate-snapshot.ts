// Render-time check of a snapshot read back from storage: an official document must
// never be printed with a blank or malformed field, so every problem is named.
import { retestLine } from './body-text.js';
import type { DocumentSnapshot } from './snapshot.js';

export class InvalidSnapshotError extends Error {
  override readonly name = 'InvalidSnapshotError';
  constructor(
    readonly documentId: string | undefined,
    /** One entry per problem, each starting with the field path, e.g. "holder.nameLatin: missing". */
    readonly issues: string[],
  ) {
    super(`Document snapshot ${documentId ?? '(no documentId)'} cannot be rendered: ${issues.join('; ')}`);
  }
}

const REQUIRED_TEXT = [
  'documentId',
  'holder.nameNative',
  'holder.nameLatin',
  'holder.documentType',
  'holder.documentNumber',
  'facility.name',
  'stay.stayId',
];
const OPTIONAL_TEXT = ['stay.roomNumber', 'stay.flightNumber', 'stay.homeAddress', 'stay.hotelPart.name', 'stay.hotelPart.nameEn', 'facility.nameEn', 'facility.authority.nameEn', 'signoff.doctorName', 'signoff.note', 'endCheck.doctorName'];
const DATES = ['issueDate', 'holder.birthDate', 'stay.day1Date', 'stay.endDate', 'stay.releasedDate'];
const ONE_OF: [string, readonly string[]][] = [
  ['type', ['release_notice', 'health_certificate', 'test_report', 'home_release_notice']],
  ['language', ['zh', 'en', 'ko']],
  ['holder.sex', ['F', 'M', 'X']],
  ['stay.category', ['inbound', 'close_contact', 'secondary_contact']],
];
const TEST_RESULTS = ['negative', 'positive', 'inconclusive'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value));
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['https:', 'http:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkText(issues: string[], path: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push(`${path}: missing`);
  }
  // Any character is accepted: one no embedded font has prints as a placeholder glyph
  // (and is logged by render.ts), so stored data can never make a document fail.
}

function checkTests(issues: string[], snapshot: unknown): void {
  const tests = at(snapshot, 'tests');
  if (!Array.isArray(tests) || tests.length === 0) {
    issues.push('tests: at least one test result is required');
    return;
  }
  tests.forEach((test: unknown, i) => {
    checkText(issues, `tests.${i}.sampleId`, at(test, 'sampleId'));
    if (at(test, 'method') !== undefined) checkText(issues, `tests.${i}.method`, at(test, 'method'));
    for (const field of ['collectedAt', 'resultedAt']) {
      if (!isInstant(at(test, field))) issues.push(`tests.${i}.${field}: missing or not an ISO instant`);
    }
    if (!TEST_RESULTS.includes(at(test, 'result') as never)) issues.push(`tests.${i}.result: must be one of ${TEST_RESULTS.join(', ')}`);
  });
}

/** Release and certificate both state the retest that counts was negative; refuse to print otherwise. */
function checkReleasable(issues: string[], snapshot: DocumentSnapshot): void {
  if (snapshot.type === 'test_report') return;
  const retest = retestLine(snapshot);
  if (snapshot.retest && !retest) issues.push('retest: names a sample that is not among tests');
  if (retest && retest.result !== 'negative') issues.push(`tests: the retest that counts is ${retest.result}; a ${snapshot.type} requires a negative retest`);
}

/** The frozen temperature-log facts: counts and dates the certificate sentence is built from. */
function checkObservation(issues: string[], snapshot: unknown): void {
  const o = at(snapshot, 'observation');
  if (o === undefined) return;
  for (const field of ['checks', 'alertChecks', 'alertChecksInFinalWindow', 'finalWindowHours']) {
    const n = at(o, field);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) issues.push(`observation.${field}: missing or not a count`);
  }
  const dates = at(o, 'alertDates');
  if (!Array.isArray(dates) || !dates.every(isCalendarDate)) issues.push('observation.alertDates: not a list of YYYY-MM-DD dates');
  const highest = at(o, 'highestC');
  if (highest !== undefined && (typeof highest !== 'number' || !Number.isFinite(highest) || !isCalendarDate(at(o, 'highestDate')))) issues.push('observation.highestC: not a reading with its date');
}

export function assertRenderable(snapshot: DocumentSnapshot): void {
  const issues: string[] = [];
  for (const path of REQUIRED_TEXT) checkText(issues, path, at(snapshot, path));
  for (const path of OPTIONAL_TEXT) if (at(snapshot, path) !== undefined) checkText(issues, path, at(snapshot, path));
  for (const path of DATES) if (!isCalendarDate(at(snapshot, path))) issues.push(`${path}: missing or not a YYYY-MM-DD date`);
  for (const [path, allowed] of ONE_OF) if (!allowed.includes(at(snapshot, path) as string)) issues.push(`${path}: must be one of ${allowed.join(', ')}`);
  if (!isInstant(at(snapshot, 'issuedAt'))) issues.push('issuedAt: missing or not an ISO instant');
  if (!/^[A-Z]{2}$/.test(String(at(snapshot, 'holder.nationality')))) issues.push('holder.nationality: missing or not an ISO alpha-2 code');
  if (!isTimeZone(at(snapshot, 'facility.timeZone'))) issues.push('facility.timeZone: missing or not an IANA time zone');
  if (!isWebUrl(at(snapshot, 'verifyUrl'))) issues.push('verifyUrl: missing or not an absolute http(s) URL');
  checkTests(issues, snapshot);
  checkObservation(issues, snapshot);
  if (at(snapshot, 'facility.authority') !== undefined) checkText(issues, 'facility.authority.name', at(snapshot, 'facility.authority.name'));
  if (at(snapshot, 'signoff') !== undefined && !isCalendarDate(at(snapshot, 'signoff.signedDate'))) issues.push('signoff.signedDate: missing or not a YYYY-MM-DD date');

  if (issues.length === 0) {
    const { day1Date, endDate, releasedDate } = snapshot.stay;
    if (endDate < day1Date) issues.push('stay.endDate: before stay.day1Date');
    // Release is allowed from the document day (before the end date), never before day 1.
    if (releasedDate < day1Date) issues.push('stay.releasedDate: before stay.day1Date');
    checkReleasable(issues, snapshot);
  }
  if (issues.length > 0) {
    const documentId = at(snapshot, 'documentId');
    throw new InvalidSnapshotError(typeof documentId === 'string' ? documentId : undefined, issues);
  }
}
