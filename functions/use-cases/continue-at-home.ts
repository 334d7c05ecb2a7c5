import { auditPut } from '../entities/audit.js';
import { dueKeys, openDueItem } from '../entities/due-item.js';
import { ledgerPut } from '../entities/schedule-ledger.js';
import { stayItem, stayKeys, type Stay } from '../entities/stay.js';
import { teamStayItem } from '../entities/team.js';
import { localDate, addDays } from '../domain/calendar.js';
import { dayOfStay, policyProblems, scheduleFromDay1, type StayPolicy } from '../domain/schedule.js';
import type { ContinueAtHomeInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { loadStayWithFacility } from './care-context.js';
import { closeStayItems, withRoomRetry } from './close-stay.js';
import { loadFacilityFor } from './load-facility.js';
import { gridCondition, teamForCell } from './register-home-stay.js';
import { dueItemsOf } from './register-stay.js';
import { assertHomeProgramme } from './home-guards.js';

// "14 + 7": the hotel part of an observation ends and the rest is spent at home.
// One transaction closes the hotel part (status `continued`, the room to cleaning,
// its due items closed) and opens the home part in the programme: the same person
// file, the same day 1 (day numbering continues), the programme's policy appended
// after the days already served, the check marks carried over, the person's one
// open-stay claim handed over, the team of the address's grid cell, and both stays
// linked, audited and entered in their end-date ledgers. The hotel part's checks and
// results stay in its file; the home part's release and documents read both
// (release-evidence.ts), so the documents state the whole observation.

/**
 * The policy of the home part: the days served in the hotel (with the hotel's retest
 * days among them, so the retest already taken still counts), then the programme's
 * policy counted from the first day at home.
 */
export function continuationPolicy(daysServed: number, hotel: StayPolicy, programme: StayPolicy): StayPolicy {
  return {
    stayDays: daysServed + programme.stayDays,
    retestDays: [...hotel.retestDays.filter((d) => d <= daysServed), ...programme.retestDays.map((d) => d + daysServed)],
    documentDay: daysServed + programme.documentDay,
  };
}

export async function continueAtHome(principal: Principal, stayId: string, input: ContinueAtHomeInput, now = new Date()) {
  const { stay: hotel, facility: hotelFacility } = await loadStayWithFacility(principal, stayId);
  const programme = await loadFacilityFor(principal, input.programmeId);
  assertHomeProgramme(programme);
  if (hotel.roomNumber === undefined || hotel.home) {
    throw new ConflictError('This stay is already in home isolation.', [{ code: 'not_a_hotel_stay', message: 'Only a hotel stay continues at home.' }]);
  }
  if (hotel.status !== 'active') {
    throw new ConflictError(`This stay is ${hotel.status}; only an active stay continues at home.`, [{ code: 'stay_not_active', message: `The stay is ${hotel.status}.` }]);
  }
  const today = localDate(now, hotelFacility.timeZone);
  const date = input.date ?? today;
  const issues = [];
  if (date > today) issues.push({ path: 'date', message: 'The date is in the future (facility time)', code: 'future' });
  if (date <= hotel.schedule.day1Date || date > hotel.schedule.releaseDate) {
    issues.push({ path: 'date', message: `The home part begins after day 1 and by the hotel's release date, ${addDays(hotel.schedule.day1Date, 1)} to ${hotel.schedule.releaseDate}`, code: 'outside_stay' });
  }
  const daysServed = dayOfStay(hotel.schedule.day1Date, date) - 1;
  const policy = continuationPolicy(daysServed, hotel.policy, programme.policy);
  for (const message of policyProblems(policy)) issues.push({ path: 'programmeId', message: `The hotel days and the programme's policy together: ${message}`, code: 'schedule' });
  if (issues.length) throw new ValidationError(issues);

  const teamId = await teamForCell(programme.facilityId, input.home.gridCell);
  const at = now.toISOString();
  const homeId = newId('S');
  const home: Stay & { checkMarks?: unknown } = {
    stayId: homeId,
    facilityId: programme.facilityId,
    home: input.home,
    teamId,
    continuesFrom: { stayId: hotel.stayId, facilityId: hotel.facilityId, roomNumber: hotel.roomNumber, date },
    status: 'active',
    category: hotel.category,
    person: hotel.person,
    arrival: hotel.arrival,
    ...(hotel.diet !== undefined ? { diet: hotel.diet } : {}),
    ...(hotel.ethnicity !== undefined ? { ethnicity: hotel.ethnicity } : {}),
    specialConditions: hotel.specialConditions,
    ...(hotel.notes !== undefined ? { notes: hotel.notes } : {}),
    ...(hotel.healthSignoff ? { healthSignoff: hotel.healthSignoff } : {}),
    ...(hotel.checkMarks ? { checkMarks: hotel.checkMarks } : {}),
    policy,
    schedule: scheduleFromDay1(hotel.schedule.day1Date, policy),
    createdAt: at,
    createdBy: principal.subject,
    updatedAt: at,
    version: 1,
  };
  const link = { stayId: homeId, facilityId: programme.facilityId, date };
  // The room as read: the hotel part leaves it, and only the last occupant out sends it to cleaning.
  const roomState = await withRoomRetry(hotel, async (room) => {
  const left: 'cleaning' | 'occupied' = room && room.occupants.length > 1 ? 'occupied' : 'cleaning';
  const items: TxItems = [
    {
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(hotel.stayId),
        UpdateExpression: 'SET #status = :continued, continuedAs = :link, updatedAt = :at, version = version + :one',
        ConditionExpression: '#status = :active AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':continued': 'continued', ':link': link, ':at': at, ':one': 1, ':active': 'active', ':version': hotel.version },
      },
    },
    gridCondition(programme.facilityId, input.home.gridCell, teamId),
    ...closeStayItems(hotel, at, hotelFacility.timeZone, room, { stayId: homeId, facilityId: programme.facilityId }),
    { Put: { TableName: tableName(), Item: stayItem(home), ConditionExpression: 'attribute_not_exists(PK)' } },
    // Dates already behind (a retest of the hotel part) were the hotel's to do: kept as resolved
    // history (every due item of the schedule exists, as closing the stay expects); the rest is open.
    ...dueItemsOf(home).map((d) => ({
      Put: {
        TableName: tableName(),
        Item: d.dueDate >= date ? openDueItem(d) : { ...dueKeys.key(d.stayId, d.kind, d.dueDate), type: 'DueItem', ...d, state: 'resolved', resolvedAt: at, resolution: 'hotel_part' },
      },
    })),
    { Put: { TableName: tableName(), Item: teamStayItem({ stayId: homeId, teamId, facilityId: programme.facilityId, assignedAt: at }) } },
    auditPut({ stayId: hotel.stayId, at, actor: principal.subject, action: 'continued_at_home', changes: { status: 'continued', roomState: left, homeStayId: homeId, programmeId: programme.facilityId, date, reason: input.reason } }),
    auditPut({ stayId: homeId, at, actor: principal.subject, action: 'check_in', changes: { continuesFrom: hotel.stayId, home: true, gridCell: input.home.gridCell, teamId, status: 'active', facilityId: programme.facilityId } }),
    ledgerPut({ stayId: hotel.stayId, at, actor: principal.subject, event: 'continued_at_home', oldEndDate: hotel.schedule.endDate, newEndDate: home.schedule.endDate, reason: input.reason }),
    ledgerPut({ stayId: homeId, at, actor: principal.subject, event: 'continued_from_hotel', oldEndDate: hotel.schedule.endDate, newEndDate: home.schedule.endDate, reason: input.reason }),
  ];
  await transactWithRetry(items, (reasons) => {
    if (reasons[1]?.Code === 'ConditionalCheckFailed') {
      return new ConflictError(`Grid cell ${input.home.gridCell} moved to another team meanwhile. Try again.`, [{ code: 'stay_changed', message: 'The grid cell changed team at the same time.' }]);
    }
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed')
      ? new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
      : undefined;
  });
  return left;
  });
  return {
    hotelStay: { stayId: hotel.stayId, status: 'continued' as const, roomNumber: hotel.roomNumber, roomState, endDate: hotel.schedule.endDate },
    homeStay: { stayId: homeId, facilityId: programme.facilityId, teamId, schedule: home.schedule },
  };
}
