import { isAlert } from './checks.js';

// What the whole temperature log of a stay shows, for the health certificate
// (DOMAIN.md, "Documents certify facts"): computed from EVERY check of the stay,
// not from the release rule's 24-hour window, and frozen in the document snapshot.

/** Hours before release in which no fever or symptom may be on file (the release rule's window). */
export const FINAL_WINDOW_HOURS = 24;

export interface CheckLike {
  date: string; // local date the check belongs to
  measuredAt: string; // ISO instant
  temperatureC: number;
  symptoms: readonly string[];
}

export interface ObservationRecord {
  /** Checks on file for the stay. */
  checks: number;
  /** Checks with a fever (>= 37.3 °C) or a symptom. */
  alertChecks: number;
  /** Local dates of those checks, ascending, each once. */
  alertDates: string[];
  /** The highest reading of the stay and the local date it was taken (absent without checks). */
  highestC?: number;
  highestDate?: string;
  /** Symptom codes recorded at any check, each once. */
  symptoms: string[];
  /** Fever or symptom checks measured in the FINAL_WINDOW_HOURS before release. */
  alertChecksInFinalWindow: number;
  finalWindowHours: number;
}

export function observationRecord(checks: readonly CheckLike[], releasedAt: string): ObservationRecord {
  const alerts = checks.filter((c) => isAlert(c.temperatureC, c.symptoms));
  const end = Date.parse(releasedAt);
  const since = end - FINAL_WINDOW_HOURS * 3600_000;
  const highest = checks.reduce<CheckLike | undefined>((h, c) => (!h || c.temperatureC > h.temperatureC ? c : h), undefined);
  return {
    checks: checks.length,
    alertChecks: alerts.length,
    alertDates: [...new Set(alerts.map((c) => c.date))].sort(),
    ...(highest ? { highestC: highest.temperatureC, highestDate: highest.date } : {}),
    symptoms: [...new Set(alerts.flatMap((c) => c.symptoms))].sort(),
    alertChecksInFinalWindow: alerts.filter((c) => Date.parse(c.measuredAt) > since && Date.parse(c.measuredAt) <= end + 5 * 60_000).length,
    finalWindowHours: FINAL_WINDOW_HOURS,
  };
}
