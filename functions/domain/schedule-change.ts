import { policyProblems, scheduleFromDay1, type StayPolicy, type StaySchedule } from './schedule.js';

// Extending or shortening one stay (DOMAIN.md: "no way to extend or shorten with a
// recorded reason" was a pitfall of earlier systems). The stay keeps its day 1; the
// new policy gives the new dates. Pure: the use case writes what this decides.

export interface PolicyPatch {
  stayDays?: number;
  retestDays?: number[];
  documentDay?: number;
}

export interface ScheduleChangeProblem {
  /** The body field the problem is about. */
  path: string;
  message: string;
}

export type ScheduleChange = { ok: true; policy: StayPolicy; schedule: StaySchedule } | { ok: false; problems: ScheduleChangeProblem[] };

export function planScheduleChange(current: StayPolicy, day1Date: string, patch: PolicyPatch, today: string): ScheduleChange {
  const policy: StayPolicy = {
    stayDays: patch.stayDays ?? current.stayDays,
    retestDays: patch.retestDays ?? current.retestDays,
    documentDay: patch.documentDay ?? current.documentDay,
  };
  const problems: ScheduleChangeProblem[] = policyProblems(policy).map((message) => ({ path: fieldOf(message), message }));
  if (problems.length > 0) return { ok: false, problems };

  const same = policy.stayDays === current.stayDays && policy.documentDay === current.documentDay && sameDays(policy.retestDays, current.retestDays);
  if (same) return { ok: false, problems: [{ path: 'stayDays', message: 'Nothing changes: give a different stayDays, retestDays or documentDay' }] };

  const schedule = scheduleFromDay1(day1Date, policy);
  // Ending observation in the past would turn the stay into an expired one at once;
  // a person who may leave today is released, not shortened.
  if (schedule.endDate < today) {
    problems.push({ path: 'stayDays', message: `The new last day ${schedule.endDate} is before today (${today}); release the person instead` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy, schedule };
}

export type WeakeningCode = 'fewer_days' | 'fewer_retests' | 'earlier_retest' | 'earlier_document_day';

/**
 * How `next` observes less than the facility's policy: fewer days, fewer retests, a
 * last retest on an earlier day, or an earlier document day. Only an administrator
 * may decide that (it changes what the documents will certify); extending is not.
 */
export function weakeningsBelow(facilityPolicy: StayPolicy, next: StayPolicy): { code: WeakeningCode; message: string }[] {
  const out: { code: WeakeningCode; message: string }[] = [];
  const lastRetest = (p: StayPolicy) => Math.max(0, ...p.retestDays);
  if (next.stayDays < facilityPolicy.stayDays) out.push({ code: 'fewer_days', message: `${next.stayDays} days is shorter than the facility's ${facilityPolicy.stayDays}` });
  if (next.retestDays.length < facilityPolicy.retestDays.length) {
    out.push({ code: 'fewer_retests', message: `${next.retestDays.length} retests are fewer than the facility's ${facilityPolicy.retestDays.length}` });
  } else if (lastRetest(next) < lastRetest(facilityPolicy)) {
    out.push({ code: 'earlier_retest', message: `The last retest on day ${lastRetest(next)} is earlier than the facility's day ${lastRetest(facilityPolicy)}` });
  }
  if (next.documentDay < facilityPolicy.documentDay) {
    out.push({ code: 'earlier_document_day', message: `Document day ${next.documentDay} is earlier than the facility's day ${facilityPolicy.documentDay}` });
  }
  return out;
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

/** policyProblems speaks in field names; point each problem at its field. */
function fieldOf(message: string): string {
  if (message.startsWith('retest')) return 'retestDays';
  if (message.startsWith('documentDay')) return 'documentDay';
  return 'stayDays';
}
