import type { CheckSlot } from '../domain/checks.js';
import type { EscalationStep } from '../domain/self-report.js';
import type { DutyRole } from '../domain/team-duty.js';
import { stayKeys } from './stay.js';

// The watch over one report slot of one stay: PK STAY#<id>, SK WATCH#<date>#AM|PM.
// While the slot may still need a step of escalation it carries sparse GSI3 keys
// FACILITY#<id>#DUE#REPORT / <next step's instant, UTC>#<stayId>#<date>#<slot>, so
// the missed-reports job reads only the slots whose next step is due now (flat as
// stays grow). A reading of the slot (self or staff) takes the keys off; so does the
// last step. Each stay has at most the current and the next slot watched: the next
// is created when a slot is reported or its deadline passes.
// Step 3 opens a follow-up for the team on duty: GSI1 FACILITY#<id>#FOLLOWUPS /
// <deadline>#<stayId>, until the team marks it done with a note.

export interface ReportWatch {
  stayId: string;
  facilityId: string;
  date: string;
  slot: CheckSlot;
  /** The slot's deadline (UTC instant). */
  deadlineAt: string;
  /** Escalation steps taken so far (0..4). */
  step: 0 | EscalationStep;
  /** watching: no step yet; escalating: steps under way; escalated: the last step taken; reported / closed: off the job's index. */
  state: 'watching' | 'reported' | 'escalating' | 'escalated' | 'closed';
  reportedAt?: string;
  closedAt?: string;
  stepsAt?: Partial<Record<EscalationStep, string>>;
  teamId?: string;
  /** Step 3's task: for the member on duty (`role`, `assignee` their name) until one marks it done with a note. */
  followUp?: { openedAt: string; role?: DutyRole; assignee?: string; doneAt?: string; doneBy?: string; note?: string };
  createdAt: string;
}

const code = (slot: CheckSlot) => (slot === 'morning' ? 'AM' : 'PM');

export const watchKeys = {
  key: (stayId: string, date: string, slot: CheckSlot) => ({ PK: stayKeys.pk(stayId), SK: `WATCH#${date}#${code(slot)}` }),
  duePk: (facilityId: string) => `FACILITY#${facilityId}#DUE#REPORT`,
  dueSk: (at: string, stayId: string, date: string, slot: CheckSlot) => `${at}#${stayId}#${date}#${slot}`,
  followUpPk: (facilityId: string) => `FACILITY#${facilityId}#FOLLOWUPS`,
  followUpSk: (deadlineAt: string, stayId: string) => `${deadlineAt}#${stayId}`,
};

/** The follow-up's id in URLs: <date>-<slot>, like a check's. */
export const followUpIdOf = (w: Pick<ReportWatch, 'date' | 'slot'>) => `${w.date}-${w.slot}`;

export function newWatchItem(w: ReportWatch) {
  return {
    ...watchKeys.key(w.stayId, w.date, w.slot),
    GSI3PK: watchKeys.duePk(w.facilityId),
    GSI3SK: watchKeys.dueSk(w.deadlineAt, w.stayId, w.date, w.slot),
    type: 'ReportWatch',
    ...w,
  };
}
