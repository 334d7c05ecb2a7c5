import type { TestResultLine } from '../documents/snapshot.js';
import type { RetestEvidence } from '../domain/release-eligibility.js';
import type { Stay } from '../entities/stay.js';
import { hadFeverOrSymptomInLast24h } from './recent-fever.js';
import { latestResults, latestRetestOf } from './stay-test-results.js';

// The facts release (and reissuing a document) rests on, read consistently from
// the stay's own partition: its current lab results (stay-test-results.ts) and its
// recent temperature checks (recent-fever.ts). The caller has authorised access.

export interface ReleaseEvidence {
  /** The newest sample collected on or after the first retest date. */
  latestRetest?: RetestEvidence;
  feverOrSymptomInLast24h: boolean;
  /** Every current result of the stay, oldest collection first (the test report lists them). */
  tests: TestResultLine[];
}

export async function gatherReleaseEvidence(stay: Stay, timeZone: string, now = new Date()): Promise<ReleaseEvidence> {
  const [results, feverOrSymptomInLast24h] = await Promise.all([latestResults(stay.stayId), hadFeverOrSymptomInLast24h(stay.stayId, now)]);
  const retest = latestRetestOf(results, stay, timeZone);
  return {
    ...(retest ? { latestRetest: { result: retest.result, collectedDate: retest.collectedDate } } : {}),
    feverOrSymptomInLast24h,
    tests: [...results].reverse().map((r) => ({
      sampleId: r.sampleId,
      collectedAt: r.collectedAt,
      resultedAt: r.resultedAt,
      result: r.result,
      ...(r.method ? { method: r.method } : {}),
    })),
  };
}
