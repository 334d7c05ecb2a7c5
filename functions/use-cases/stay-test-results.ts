import { listTestResults, type StoredTestResult } from '../entities/test-result.js';
import type { Stay } from '../entities/stay.js';
import { getFacilityCached } from '../entities/facility.js';
import { newestCollectedFirst, retestThatCounts } from '../domain/retest.js';
import type { RetestEvidence } from '../domain/release-eligibility.js';
import { NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadStayRecordFor } from './load-stay.js';

// A stay's test results, for the stay file and for release: the current report of
// each sample matched to the stay, read consistently from the stay's partition (a
// result stored a moment ago counts). Superseded reports stay in the sample's
// history (GET /lab/samples/{labId}/{sampleId}), not here.

/** The stay's current test results, newest collection first. The caller has checked access to the stay. */
export async function latestResults(stayId: string): Promise<StoredTestResult[]> {
  return (await listTestResults(stayId)).sort(newestCollectedFirst);
}

export interface LatestRetest extends RetestEvidence {
  sampleId: string;
  labId: string;
  collectedAt: string;
  resultedAt: string;
}

/** The retest that counts (domain/retest.ts) of `results`, with the fields the API shows. */
export function latestRetestOf(results: readonly StoredTestResult[], stay: Pick<Stay, 'schedule'>, timeZone: string): LatestRetest | undefined {
  const r = retestThatCounts(results, stay.schedule.retestDates, timeZone);
  return r && { result: r.result, collectedDate: r.collectedDate, sampleId: r.sampleId, labId: r.labId, collectedAt: r.collectedAt, resultedAt: r.resultedAt };
}

/** The latest retest result of a stay (what release needs), read consistently. */
export async function latestRetestResult(stay: Pick<Stay, 'stayId' | 'schedule'>, timeZone: string): Promise<LatestRetest | undefined> {
  return latestRetestOf(await latestResults(stay.stayId), stay, timeZone);
}

/** GET /stays/{stayId}/tests: staff of the stay's facility. */
export async function listStayTests(principal: Principal, stayId: string) {
  const stay = await loadStayRecordFor(principal, stayId);
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const tests = await latestResults(stay.stayId);
  const latestRetest = latestRetestOf(tests, stay, facility.timeZone);
  return { stayId: stay.stayId, retestDates: stay.schedule.retestDates, ...(latestRetest ? { latestRetest } : {}), tests };
}
