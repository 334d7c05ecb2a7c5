import type { DocumentRetest, TestResultLine } from '../documents/snapshot.js';
import { DEFAULT_FEVER_HISTORY_POLICY, type DocumentFacts } from '../domain/document-eligibility.js';
import { observationRecord, type ObservationRecord } from '../domain/observation.js';
import type { RetestEvidence } from '../domain/release-eligibility.js';
import { retestThatCounts } from '../domain/retest.js';
import { listChecks } from '../entities/check.js';
import type { Facility } from '../entities/facility.js';
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
}

export async function gatherReleaseEvidence(stay: Stay, timeZone: string, now = new Date()): Promise<ReleaseEvidence> {
  // One consistent read of the check log serves both the 24-hour rule and the whole-stay facts.
  const [results, checks] = await Promise.all([latestResults(stay.stayId), listChecks(stay.stayId, { consistent: true })]);
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
