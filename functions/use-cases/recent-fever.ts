import { latestChecks, type CheckRecord } from '../entities/check.js';

// For release (解除隔离): was a fever (>= 37.3 °C) or a symptom recorded for this
// stay in the last 24 hours? Reads the check log itself, consistently, so a reading
// recorded a moment ago counts. The caller has already authorised access to the stay.

export const FEVER_LOOKBACK_HOURS = 24;

/** Enough of the newest check items to cover more than the look-back window (two per day). */
const NEWEST_CHECKS = 8;

/** The fever or symptom checks measured in the `FEVER_LOOKBACK_HOURS` before `now`, newest first. */
export async function feverOrSymptomChecksInLast24h(stayId: string, now = new Date()): Promise<CheckRecord[]> {
  return feverOrSymptomChecksIn24hBefore(await latestChecks(stayId, NEWEST_CHECKS), now);
}

/** Of `checks`, the fever or symptom ones measured in the `FEVER_LOOKBACK_HOURS` before `now`, newest first. */
export function feverOrSymptomChecksIn24hBefore(checks: readonly CheckRecord[], now: Date): CheckRecord[] {
  const since = now.getTime() - FEVER_LOOKBACK_HOURS * 3600_000;
  return checks
    .filter((c) => c.alert && Date.parse(c.measuredAt) > since && Date.parse(c.measuredAt) <= now.getTime() + 5 * 60_000)
    .sort((a, b) => b.measuredAt.localeCompare(a.measuredAt));
}

export async function hadFeverOrSymptomInLast24h(stayId: string, now = new Date()): Promise<boolean> {
  return (await feverOrSymptomChecksInLast24h(stayId, now)).length > 0;
}
