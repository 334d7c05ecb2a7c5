import { addDays } from './calendar.js';
import { CHECK_DEADLINES, CHECK_SLOTS, type CheckMarks, type CheckSlot } from './checks.js';
import type { RetestEvidence } from './release-eligibility.js';

// Release from home isolation (销号, DOMAIN.md "Home isolation"): after the last day
// of observation the health centre's doctor of the person's team does a health check
// and the release is recorded. The gate: the end date reached, that check recorded
// (and fit) by the team's doctor, the retest that counts negative, and no fever or
// symptom in the latest `quietSlots` check slots. Every unmet condition is reported.

export const HOME_RELEASE_REFUSAL_CODES = [
  'stay_not_active',
  'before_end_date',
  'end_check_missing',
  'end_check_not_fit',
  'retest_missing',
  'retest_not_negative',
  'recent_fever_or_symptom',
] as const;
export type HomeReleaseRefusalCode = (typeof HOME_RELEASE_REFUSAL_CODES)[number];

export interface HomeRefusal {
  code: HomeReleaseRefusalCode;
  message: string;
  messageZh: string;
}

export interface HomeReleaseFacts {
  status: string;
  today: string;
  endDate: string;
  endCheck?: { fit: boolean; date: string; doctorName: string };
  firstRetestDate?: string;
  latestRetest?: RetestEvidence;
  /** The latest slots, newest first, as far back as the policy looks. */
  recentSlots: SlotMark[];
}

export interface SlotMark {
  date: string;
  slot: CheckSlot;
  /** undefined: nothing reported for that slot. */
  alert?: boolean;
}

/** The latest `n` slots whose deadline has passed by `now` (newest first), with what was reported. */
export function latestSlots(marks: CheckMarks | undefined, today: string, nowTime: string, n: number, day1Date: string): SlotMark[] {
  const out: SlotMark[] = [];
  let date = today;
  // Today's slots count once their deadline has passed (or once reported).
  while (out.length < n && date >= day1Date) {
    for (const slot of [...CHECK_SLOTS].reverse()) {
      if (out.length >= n) break;
      const mark = marks?.[date]?.[slot];
      if (date === today && !mark && nowTime < CHECK_DEADLINES[slot]) continue;
      out.push({ date, slot, ...(mark ? { alert: mark.alert } : {}) });
    }
    date = addDays(date, -1);
  }
  return out;
}

export function homeReleaseRefusals(f: HomeReleaseFacts): HomeRefusal[] {
  const refusals: HomeRefusal[] = [];
  if (f.status !== 'active') refusals.push({ code: 'stay_not_active', message: `The stay is ${f.status}, not active.`, messageZh: '该人员不在观察中。' });
  if (f.today < f.endDate) refusals.push({ code: 'before_end_date', message: `Home isolation ends after ${f.endDate}.`, messageZh: `居家隔离至${f.endDate}结束。` });
  if (!f.endCheck) {
    refusals.push({ code: 'end_check_missing', message: "The team doctor's end-of-period health check is not recorded.", messageZh: '尚未记录小组医生的期满健康检查。' });
  } else if (!f.endCheck.fit) {
    refusals.push({ code: 'end_check_not_fit', message: `The health check of ${f.endCheck.date} (${f.endCheck.doctorName}) did not find the person fit to end isolation.`, messageZh: `${f.endCheck.date}的健康检查（${f.endCheck.doctorName}）未同意解除。` });
  }
  if (f.firstRetestDate) {
    if (!f.latestRetest) {
      refusals.push({ code: 'retest_missing', message: `No retest result from ${f.firstRetestDate} on.`, messageZh: `${f.firstRetestDate}起无复检结果。` });
    } else if (f.latestRetest.result !== 'negative') {
      refusals.push({
        code: 'retest_not_negative',
        message: `The retest that counts (${f.latestRetest.collectedDate}) is ${f.latestRetest.result}.`,
        messageZh: `计入的复检（${f.latestRetest.collectedDate}采样）结果不是阴性。`,
      });
    }
  }
  const alerts = f.recentSlots.filter((s) => s.alert === true);
  if (alerts.length > 0) {
    const n = f.recentSlots.length;
    refusals.push({
      code: 'recent_fever_or_symptom',
      message: `A fever (37.3 °C or more) or a symptom was reported in the last ${n} check slots (${alerts.map((a) => `${a.date} ${a.slot}`).join(', ')}).`,
      messageZh: `最近${n}次测温中有发热（37.3 °C及以上）或症状。`,
    });
  }
  return refusals;
}
