import type { DocumentRetest, TestResultLine } from '../documents/snapshot.js';
import { DEFAULT_FEVER_HISTORY_POLICY, type DocumentFacts } from '../domain/document-eligibility.js';
import { observationRecord, type ObservationRecord } from '../domain/observation.js';
import type { RetestEvidence } from '../domain/release-eligibility.js';
import { newestCollectedFirst, retestThatCounts } from '../domain/retest.js';
import { addDays } from '../domain/calendar.js';
import { listChecks, type CheckRecord } from '../entities/check.js';
import { getFacilityCached, type Facility } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { feverOrSymptomChecksIn24hBefore } from './recent-fever.js';
import { latestResults } from './stay-test-results.js';

// The facts release and every document rest on, read consistently from the stay's
// own partition: its current lab results (stay-test-results.ts), its whole
// temperature log (for the certificate) and its recent checks (recent-fever.ts).
// The caller has authorised access.

export interface ReleaseEvidence {
  /** The retest that counts (domain/retest.ts). */
  latestRetest?: RetestEvidence;
  retest?: DocumentRetest;
  feverOrSymptomInLast24h: boolean;
  /** Every current result of the stay, oldest collection first (the test report lists them). */
  tests: TestResultLine[];
  /** What every check of the stay shows, up to release (or now, before it). */
  observation: ObservationRecord;
  /** Every check of the observation (both parts of a "14 + 7"), oldest file first. */
  checks: CheckRecord[];
  /** A home stay continuing a hotel stay: the hotel part, as documents print it. */
  hotelPart?: { name: string; nameEn?: string; fromDate: string; toDate: string };
}

/** The files of one observation, oldest first: the hotel part a home stay continues, then the stay itself. */
export function historyStayIds(stay: Pick<Stay, 'stayId' | 'continuesFrom'>): string[] {
  return stay.continuesFrom ? [stay.continuesFrom.stayId, stay.stayId] : [stay.stayId];
}

export async function gatherReleaseEvidence(stay: Stay, timeZone: string, now = new Date()): Promise<ReleaseEvidence> {
  // One consistent read of the check log serves both the 24-hour rule and the whole-stay facts.
  // A home part continuing a hotel stay ("14 + 7") states the whole observation: both files.
  const ids = historyStayIds(stay);
  const [resultLists, checkLists] = await Promise.all([Promise.all(ids.map(latestResults)), Promise.all(ids.map((id) => listChecks(id, { consistent: true })))]);
  const results = resultLists.flat().sort(newestCollectedFirst);
  const checks = checkLists.flat();
  const hotel = stay.continuesFrom ? await getFacilityCached(stay.continuesFrom.facilityId) : undefined;
  const hotelPart =
    stay.continuesFrom && hotel
      ? { name: hotel.name, ...(hotel.nameEn ? { nameEn: hotel.nameEn } : {}), fromDate: stay.schedule.day1Date, toDate: addDays(stay.continuesFrom.date, -1) }
      : undefined;
  const feverOrSymptomInLast24h = feverOrSymptomChecksIn24hBefore(checks, now).length > 0;
  const retest = retestThatCounts(results, stay.schedule.retestDates, timeZone);
  return {
    ...(retest ? { latestRetest: { result: retest.result, collectedDate: retest.collectedDate }, retest: { sampleId: retest.sampleId, collectedAt: retest.collectedAt } } : {}),
    feverOrSymptomInLast24h,
    tests: [...results].reverse().map((r) => ({
      sampleId: r.sampleId,
      collectedAt: r.collectedAt,
      resultedAt: r.resultedAt,
      result: r.result,
      ...(r.method ? { method: r.method } : {}),
    })),
    observation: observationRecord(checks, stay.releasedAt ?? now.toISOString()),
    checks,
    ...(hotelPart ? { hotelPart } : {}),
  };
}

/** The facts documentRefusals (domain/document-eligibility.ts) judges. */
export function documentFacts(stay: Stay, facility: Facility, e: ReleaseEvidence): DocumentFacts {
  return {
    ...(stay.schedule.retestDates[0] ? { firstRetestDate: stay.schedule.retestDates[0] } : {}),
    ...(e.latestRetest ? { retest: e.latestRetest } : {}),
    positiveResults: e.tests.filter((t) => t.result === 'positive').length,
    testResults: e.tests.length,
    observation: e.observation,
    feverHistoryPolicy: facility.feverHistoryCertificate ?? DEFAULT_FEVER_HISTORY_POLICY,
    signedOff: stay.healthSignoff !== undefined,
  };
}
