import { isAlert, type Symptom } from './checks.js';

// Correcting a temperature check (a typo, the wrong person's thermometer): the
// reading first recorded is never lost. The check keeps its current values on top
// (what the board, the daily sheet, reminders and release read), the first reading
// in `original`, and one entry per correction with who, when, why and the values
// before and after. Pure: the use case writes what this decides.

export interface Reading {
  temperatureC: number;
  symptoms: Symptom[];
  alert: boolean;
}

export interface OriginalReading extends Reading {
  measuredAt: string;
  recordedAt: string;
  recordedBy: string;
}

export interface CheckCorrection {
  from: Reading;
  to: Reading;
  reason: string;
  correctedAt: string;
  correctedBy: string;
}

/** The parts of a stored check a correction reads and rewrites. */
export interface CorrectableCheck extends Reading {
  measuredAt: string;
  recordedAt: string;
  recordedBy: string;
  original?: OriginalReading;
  corrections?: CheckCorrection[];
}

export interface CorrectionPatch {
  temperatureC?: number;
  symptoms?: Symptom[];
}

export type CorrectionPlan<C> = { ok: true; check: C; from: Reading; to: Reading } | { ok: false; problems: { path: string; message: string; code: string }[] };

export const MAX_CORRECTIONS = 20;

const sameSymptoms = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((s, i) => s === [...b].sort()[i]);

export function readingOf(c: Reading): Reading {
  return { temperatureC: c.temperatureC, symptoms: [...c.symptoms], alert: c.alert };
}

/** The check after correcting it with `patch`: the current reading moves into history, the first one stays in `original`. */
export function planCorrection<C extends CorrectableCheck>(check: C, patch: CorrectionPatch, by: { reason: string; at: string; actor: string }): CorrectionPlan<C> {
  const from = readingOf(check);
  const temperatureC = patch.temperatureC ?? check.temperatureC;
  const symptoms = patch.symptoms ?? check.symptoms;
  const to: Reading = { temperatureC, symptoms: [...symptoms], alert: isAlert(temperatureC, symptoms) };
  const problems = [];
  if (patch.temperatureC === undefined && patch.symptoms === undefined) {
    problems.push({ path: 'temperatureC', message: 'Give the corrected temperature, the corrected symptoms, or both', code: 'nothing_to_correct' });
  } else if (to.temperatureC === from.temperatureC && sameSymptoms(to.symptoms, from.symptoms)) {
    problems.push({ path: 'temperatureC', message: 'This is the reading already on file: nothing to correct', code: 'nothing_to_correct' });
  }
  if ((check.corrections?.length ?? 0) >= MAX_CORRECTIONS) {
    problems.push({ path: '(body)', message: `This check was corrected ${MAX_CORRECTIONS} times already; record a situation instead`, code: 'too_many_corrections' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, check: { ...check, ...to, ...historyAfter(check, to, by) }, from, to };
}

/**
 * What a check keeps when its reading becomes `to` (a correction, or a slot entered
 * again with ?replace=true): the first reading in `original`, and one more entry.
 */
export function historyAfter(check: CorrectableCheck, to: Reading, by: { reason: string; at: string; actor: string }): { original: OriginalReading; corrections: CheckCorrection[] } {
  const from = readingOf(check);
  return {
    original: check.original ?? { ...from, measuredAt: check.measuredAt, recordedAt: check.recordedAt, recordedBy: check.recordedBy },
    corrections: [...(check.corrections ?? []), { from, to, reason: by.reason, correctedAt: by.at, correctedBy: by.actor }],
  };
}
