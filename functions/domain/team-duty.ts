import type { CheckSlot } from './checks.js';

// Who of a three-person team is on duty for a report slot: the member the missed-
// reports job hands a follow-up to (step 3 of the escalation). A community team
// takes turns by slot: the community cadre (who knows the households of the grid)
// is on duty by default for both slots; a team can put the police officer on the
// evening (people who cannot be reached at night) or the doctor on either.
// The doctor gets every fever or symptom at once, whoever is on duty.

export const DUTY_ROLES = ['cadre', 'doctor', 'police'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export type DutyRoster = Readonly<Record<CheckSlot, DutyRole>>;

export const DEFAULT_DUTY: DutyRoster = { morning: 'cadre', evening: 'cadre' };

export function dutyRoster(team: { duty?: Partial<Record<CheckSlot, DutyRole>> } | undefined): DutyRoster {
  return { ...DEFAULT_DUTY, ...(team?.duty ?? {}) };
}

/** The role on duty for `slot` in `team` (the default roster when the team sets none). */
export function onDuty(team: { duty?: Partial<Record<CheckSlot, DutyRole>> } | undefined, slot: CheckSlot): DutyRole {
  return dutyRoster(team)[slot];
}
