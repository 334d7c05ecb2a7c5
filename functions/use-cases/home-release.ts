import type { CheckMarks } from '../domain/checks.js';
import { localTimeOfDay } from '../domain/checks.js';
import { localDate } from '../domain/calendar.js';
import { homeReleaseRefusals, latestSlots, type HomeRefusal } from '../domain/home-release.js';
import { DEFAULT_HOME_RELEASE, type Facility } from '../entities/facility.js';
import type { CheckRecord } from '../entities/check.js';
import type { Stay } from '../entities/stay.js';
import type { ReleaseEvidence } from './release-evidence.js';

// The release gate of a home stay (domain/home-release.ts) from the record: the
// whole check log (both parts of a "14 + 7"), read consistently by release-evidence.

export function marksOf(checks: readonly Pick<CheckRecord, 'date' | 'slot' | 'temperatureC' | 'alert' | 'measuredAt'>[]): CheckMarks {
  const marks: CheckMarks = {};
  for (const c of checks) marks[c.date] = { ...(marks[c.date] ?? {}), [c.slot]: { temperatureC: c.temperatureC, alert: c.alert, measuredAt: c.measuredAt } };
  return marks;
}

export function quietSlotsOf(facility: Pick<Facility, 'homeRelease'>): number {
  return facility.homeRelease?.quietSlots ?? DEFAULT_HOME_RELEASE.quietSlots;
}

export function homeReleaseGate(stay: Stay, facility: Facility, evidence: Pick<ReleaseEvidence, 'checks' | 'latestRetest'>, now: Date): HomeRefusal[] {
  const today = localDate(now, facility.timeZone);
  return homeReleaseRefusals({
    status: stay.status,
    today,
    endDate: stay.schedule.endDate,
    ...(stay.endCheck ? { endCheck: stay.endCheck } : {}),
    ...(stay.schedule.retestDates[0] ? { firstRetestDate: stay.schedule.retestDates[0] } : {}),
    ...(evidence.latestRetest ? { latestRetest: evidence.latestRetest } : {}),
    recentSlots: latestSlots(marksOf(evidence.checks), today, localTimeOfDay(now, facility.timeZone), quietSlotsOf(facility), stay.schedule.day1Date),
  });
}
