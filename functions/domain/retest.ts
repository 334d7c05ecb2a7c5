import { localDate } from './calendar.js';

// THE definition of "the retest that counts" (DOMAIN.md): the newest sample
// collected on or after the stay's first retest date, in the facility's time zone.
// Release eligibility, every document and GET /stays/{id}/tests all call this one
// function, so a sample collected early but resulted late never takes its place.

export interface ResultLike {
  sampleId: string;
  collectedAt: string; // ISO instant
  resultedAt: string; // ISO instant
  result: 'negative' | 'positive' | 'inconclusive';
}

/** Newest collection first; ties by later result, then sample id (stable order). */
export function newestCollectedFirst(a: ResultLike, b: ResultLike): number {
  return b.collectedAt.localeCompare(a.collectedAt) || b.resultedAt.localeCompare(a.resultedAt) || a.sampleId.localeCompare(b.sampleId);
}

/** The retest that counts, and its local collection date; undefined when none was collected yet or the policy has no retest. */
export function retestThatCounts<T extends ResultLike>(results: readonly T[], retestDates: readonly string[], timeZone: string): (T & { collectedDate: string }) | undefined {
  const first = retestDates[0];
  if (!first) return undefined;
  for (const r of [...results].sort(newestCollectedFirst)) {
    const collectedDate = localDate(r.collectedAt, timeZone);
    if (collectedDate >= first) return { ...r, collectedDate };
  }
  return undefined;
}
