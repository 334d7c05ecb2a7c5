import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, localDate } from '../domain/calendar.js';
import { CHECK_DEADLINES, localTimeOfDay, type CheckMarks, type CheckSlot } from '../domain/checks.js';
import { EVENING_OPENS, slotDeadlines, type SlotDeadlines } from '../domain/self-report.js';
import { dutyRoster, onDuty } from '../domain/team-duty.js';
import { watchKeys, type ReportWatch } from '../entities/report-watch.js';
import { toFollowUp, type FollowUp } from './follow-ups.js';
import { homeReleaseRefusals, latestSlots, type HomeRefusal } from '../domain/home-release.js';
import { retestThatCounts } from '../domain/retest.js';
import { dayOfStay } from '../domain/schedule.js';
import { dueKeys } from '../entities/due-item.js';
import type { Facility } from '../entities/facility.js';
import { stayFromItem, stayKeys, type Stay } from '../entities/stay.js';
import { batchGetItems, getTeam, listTeamStays, type TeamRole } from '../entities/team.js';
import { db, tableName } from '../shared/db.js';
import { NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';
import { quietSlotsOf } from './home-release.js';
import { historyStayIds } from './release-evidence.js';
import { latestResults } from './stay-test-results.js';
import { assertHomeProgramme } from './home-guards.js';

// GET /facilities/{facilityId}/teams/{teamId}/worklist: what a three-person team has
// to do now. Reads by key only: the team's list of open stays (one partition), those
// stays (BatchGet), the programme's open retest items due by today (the jobs' GSI3
// partition, bounded by what is due), and the test results of just the people whose
// end date is reached. `member` narrows to one member's part: the cadre follows up
// missed reports, the doctor fevers, tests and the end-of-period check, the police
// officer missed reports (people who cannot be reached).

/** What each member follows up (DOMAIN.md "Home isolation"). */
const SECTIONS: Record<TeamRole, readonly Section[]> = {
  cadre: ['followUps', 'notReported', 'release'],
  doctor: ['followUps', 'fever', 'testsDue', 'release'],
  police: ['followUps', 'notReported'],
};
type Section = 'followUps' | 'notReported' | 'fever' | 'testsDue' | 'release';
const ALL: readonly Section[] = ['followUps', 'notReported', 'fever', 'testsDue', 'release'];

type WorkStay = Stay & { checkMarks?: CheckMarks };

/** The slot now: the evening one from noon (facility time), else the morning one; overdue once its deadline (the policy's) passed. */
export function currentSlot(now: Date, timeZone: string, deadlines: SlotDeadlines = CHECK_DEADLINES): { date: string; slot: CheckSlot; overdue: boolean } {
  const time = localTimeOfDay(now, timeZone);
  const slot: CheckSlot = time >= EVENING_OPENS ? 'evening' : 'morning';
  return { date: localDate(now, timeZone), slot, overdue: time >= deadlines[slot] };
}

/** The team's open follow-ups (step 3 of a missed report), oldest first: the programme's open ones, this team's only. */
async function openFollowUps(facilityId: string, teamId: string): Promise<FollowUp[]> {
  const rows: FollowUp[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: 'teamId = :t',
        ExpressionAttributeValues: { ':pk': watchKeys.followUpPk(facilityId), ':t': teamId },
        ExclusiveStartKey: start,
      }),
    );
    rows.push(...(out.Items ?? []).map((i) => toFollowUp(i as unknown as ReportWatch)));
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}

function personOf(s: WorkStay, today: string) {
  return {
    stayId: s.stayId,
    nameNative: s.person.nameNative,
    nameLatin: s.person.nameLatin,
    phone: s.person.phone,
    address: s.home?.address ?? '',
    community: s.home?.community ?? '',
    gridCell: s.home?.gridCell ?? '',
    dayOfStay: dayOfStay(s.schedule.day1Date, today),
    endDate: s.schedule.endDate,
    status: s.status,
  };
}

function lastReportedAt(marks: CheckMarks | undefined): string | undefined {
  return Object.values(marks ?? {})
    .flatMap((d) => Object.values(d).map((m) => m?.measuredAt))
    .filter((x): x is string => typeof x === 'string')
    .sort()
    .at(-1);
}

async function openRetestsDue(facilityId: string, today: string): Promise<{ stayId: string; dueDate: string }[]> {
  const rows: { stayId: string; dueDate: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :to',
        ExpressionAttributeValues: { ':pk': dueKeys.openPk(facilityId, 'RETEST'), ':to': `${today}#~` },
        ProjectionExpression: 'stayId, dueDate',
        ExclusiveStartKey: start,
      }),
    );
    rows.push(...(out.Items ?? []).map((i) => ({ stayId: String(i.stayId), dueDate: String(i.dueDate) })));
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}

/** Release readiness of one stay whose end date is reached (the gate of domain/home-release.ts, from the stay's marks). */
async function releaseCheck(s: WorkStay, facility: Facility, today: string, now: Date): Promise<HomeRefusal[]> {
  const results = (await Promise.all(historyStayIds(s).map(latestResults))).flat();
  const retest = retestThatCounts(results, s.schedule.retestDates, facility.timeZone);
  return homeReleaseRefusals({
    status: s.status,
    today,
    endDate: s.schedule.endDate,
    ...(s.endCheck ? { endCheck: s.endCheck } : {}),
    ...(s.schedule.retestDates[0] ? { firstRetestDate: s.schedule.retestDates[0] } : {}),
    ...(retest ? { latestRetest: { result: retest.result, collectedDate: retest.collectedDate } } : {}),
    recentSlots: latestSlots(s.checkMarks, today, localTimeOfDay(now, facility.timeZone), quietSlotsOf(facility), s.schedule.day1Date),
  });
}

export async function teamWorklist(principal: Principal, facilityId: string, teamId: string, q: { member?: TeamRole }, now = new Date()) {
  const facility = await loadFacilityFor(principal, facilityId);
  assertHomeProgramme(facility);
  const team = await getTeam(facility.facilityId, teamId);
  if (!team) throw new NotFoundError(`Team ${teamId} does not exist in this programme.`);
  const today = localDate(now, facility.timeZone);
  const deadlines = slotDeadlines(facility.policy);
  const slot = currentSlot(now, facility.timeZone, deadlines);
  const sections = new Set(q.member ? SECTIONS[q.member] : ALL);

  const members = await listTeamStays(facility.facilityId, team.teamId);
  const [items, retests, followUpRows] = await Promise.all([
    batchGetItems(members.map((m) => stayKeys.key(m.stayId))),
    sections.has('testsDue') ? openRetestsDue(facility.facilityId, today) : Promise.resolve([]),
    openFollowUps(facility.facilityId, team.teamId),
  ]);
  // The stay's own teamId decides (a reassignment moves both in one transaction; this guards a stale read).
  const stays = items.map((i) => stayFromItem(i) as WorkStay).filter((s) => s.teamId === team.teamId && (s.status === 'active' || s.status === 'positive') && s.person?.nameNative !== undefined);
  stays.sort((a, b) => (a.home?.gridCell ?? '').localeCompare(b.home?.gridCell ?? '', 'en', { numeric: true }) || a.person.nameLatin.localeCompare(b.person.nameLatin));

  const inSlot = (s: WorkStay) => s.schedule.day1Date <= slot.date && slot.date <= s.schedule.endDate && !(s.schedule.day1Date === slot.date && localTimeOfDay(s.createdAt, facility.timeZone) >= deadlines[slot.slot]);
  const notReported = stays
    .filter((s) => inSlot(s) && !s.checkMarks?.[slot.date]?.[slot.slot])
    .map((s) => {
      const last = lastReportedAt(s.checkMarks);
      return { ...personOf(s, today), ...(last ? { lastReportedAt: last } : {}) };
    });

  // Fevers and symptoms of today and yesterday (the slots the team is still acting on).
  const since = addDays(today, -1);
  const fever = stays.flatMap((s) => {
    const readings = Object.entries(s.checkMarks ?? {})
      .filter(([date]) => date >= since)
      .flatMap(([date, day]) => (['morning', 'evening'] as const).flatMap((sl) => (day[sl]?.alert ? [{ date, slot: sl, temperatureC: day[sl]!.temperatureC }] : [])))
      .sort((a, b) => b.date.localeCompare(a.date) || (a.slot === 'evening' ? -1 : 1));
    return readings.length ? [{ ...personOf(s, today), readings }] : [];
  });

  const byId = new Map(stays.map((s) => [s.stayId, s]));
  const testsDue = retests.flatMap((r) => {
    const s = byId.get(r.stayId);
    return s && s.status === 'active' ? [{ ...personOf(s, today), retestDate: r.dueDate, overdue: r.dueDate < today }] : [];
  });

  // Each member's own tasks: a follow-up is the member's on duty when it opened (the whole team sees all of them).
  const followUps = followUpRows.flatMap((f) => {
    const s = byId.get(f.stayId);
    const role = f.role ?? onDuty(team, f.slot);
    if (!s || (q.member && role !== q.member)) return [];
    const assignee = f.assignee ?? team.members[role].name;
    return [{ ...personOf(s, today), followUpId: f.followUpId, date: f.date, slot: f.slot, step: f.step, deadlineAt: f.deadlineAt, openedAt: f.openedAt, role, assignee, ...(f.reportedAt ? { reportedAt: f.reportedAt } : {}) }];
  });

  const ending = stays.filter((s) => s.status === 'active' && s.schedule.endDate <= today);
  // Read for every view: the load counts who is ready, and only people past their end date are read.
  const checked = await Promise.all(ending.map(async (s) => ({ s, reasons: await releaseCheck(s, facility, today, now) })));
  const ready = checked.filter((c) => c.reasons.length === 0).map((c) => personOf(c.s, today));
  const waiting = checked.filter((c) => c.reasons.length > 0).map((c) => ({ ...personOf(c.s, today), reasons: c.reasons }));

  const member = q.member ? team.members[q.member] : undefined;
  return {
    facilityId: facility.facilityId,
    teamId: team.teamId,
    teamName: team.name,
    ...(q.member && member ? { member: { role: q.member, name: member.name, phone: member.phone } } : {}),
    date: today,
    slot: { date: slot.date, slot: slot.slot },
    slotOverdue: slot.overdue,
    load: {
      people: stays.length,
      positive: stays.filter((s) => s.status === 'positive').length,
      endingToday: stays.filter((s) => s.schedule.endDate === today).length,
      readyForRelease: ready.length,
      gridCells: team.gridCells.length,
      openFollowUps: followUpRows.filter((f) => byId.has(f.stayId)).length,
      notReported: notReported.length,
      fever: fever.length,
    },
    duty: dutyRoster(team),
    ...(sections.has('followUps') ? { followUps } : {}),
    ...(sections.has('notReported') ? { notReported } : {}),
    ...(sections.has('fever') ? { fever } : {}),
    ...(sections.has('testsDue') ? { testsDue } : {}),
    ...(sections.has('release') ? { release: { ready, waiting } } : {}),
  };
}

