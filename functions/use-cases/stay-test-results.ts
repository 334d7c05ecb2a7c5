import { listTestResults, type StoredTestResult } from '../entities/test-result.js';
import type { Stay } from '../entities/stay.js';
import { getFacilityCached } from '../entities/facility.js';
import { localDate } from '../domain/calendar.js';
import type { RetestEvidence } from '../domain/release-eligibility.js';
import { NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadStayRecordFor } from './load-stay.js';

// A stay's test results, for the stay file and for release: the current report of
// each sample matched to the stay, read consistently from the stay's partition (a
// result stored a moment ago counts). Superseded reports stay in the sample's
// history (GET /lab/samples/{labId}/{sampleId}), not here.

/** Newest collection first; ties by later result, then sample id (stable order). */
function newestFirst(a: StoredTestResult, b: StoredTestResult): number {
  return b.collectedAt.localeCompare(a.collectedAt) || b.resultedAt.localeCompare(a.resultedAt) || a.sampleId.localeCompare(b.sampleId);
}

/** The stay's current test results, newest collection first. The caller has checked access to the stay. */
export async function latestResults(stayId: string): Promise<StoredTestResult[]> {
  return (await listTestResults(stayId)).sort(newestFirst);
}

export interface LatestRetest extends RetestEvidence {
  sampleId: string;
  labId: string;
  collectedAt: string;
  resultedAt: string;
}

/**
 * The latest retest of a stay: of `results` (newest first, as latestResults gives
 * them), the newest sample collected on or after the first retest date, in the
 * facility's time zone. Undefined when none was collected yet, or the stay's
 * policy has no retest.
 */
export function latestRetestOf(results: readonly StoredTestResult[], stay: Pick<Stay, 'schedule'>, timeZone: string): LatestRetest | undefined {
  const first = stay.schedule.retestDates[0];
  if (!first) return undefined;
  for (const r of [...results].sort(newestFirst)) {
    const collectedDate = localDate(r.collectedAt, timeZone);
    if (collectedDate >= first) {
      return { result: r.result, collectedDate, sampleId: r.sampleId, labId: r.labId, collectedAt: r.collectedAt, resultedAt: r.resultedAt };
    }
  }
  return undefined;
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
