import { activeStayItem } from '../entities/active-stay.js';
import { auditPut } from '../entities/audit.js';
import { openDueItem, type DueItem } from '../entities/due-item.js';
import type { Facility } from '../entities/facility.js';
import { ledgerPut } from '../entities/schedule-ledger.js';
import { findFreeRooms, roomKeys, type Occupant } from '../entities/room.js';
import { normaliseDocumentNumber, stayItem, type Stay } from '../entities/stay.js';
import { placeFields } from '../domain/place.js';
import { computeSchedule, dayOfStay } from '../domain/schedule.js';
import type { RegisterStayInput } from '../schemas/stay.js';
import { tableName } from '../shared/db.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { putMetric } from '../shared/metrics.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

// Check-in: one transaction writes the stay, claims the room (only if free), claims
// the person's travel document (only if it has no open stay), opens the due items
// the jobs will look for, and records the audit entry. Either all of it happens or
// none of it, so two check-ins can never share a room or a person.

const MAX_ROOM_ATTEMPTS = 60;

export async function registerStay(principal: Principal, facilityId: string, input: RegisterStayInput, now = new Date()): Promise<Stay> {
  const facility = await loadFacilityFor(principal, facilityId);
  if (input.roomNumber) return checkIn(principal, facility, input, input.roomNumber, now);

  // No room asked for: the first free room. Under contention another check-in may win
  // it; then look again (a query is cheaper than a doomed transaction) and take a
  // random one of the free rooms left, so racers stop colliding.
  for (let attempt = 0; attempt < MAX_ROOM_ATTEMPTS; attempt++) {
    const free = await findFreeRooms(facility.facilityId, 25);
    if (free.length === 0) break;
    const room = (attempt === 0 ? free[0] : free[Math.floor(Math.random() * free.length)]) as string;
    try {
      return await checkIn(principal, facility, input, room, now);
    } catch (err) {
      if (!(err instanceof RoomTakenError)) throw err;
    }
  }
  throw new ConflictError('No free room in this facility.', [{ code: 'no_free_room', message: 'Every room is occupied or being cleaned.' }]);
}

/** The room was taken (or is being cleaned) by the time the transaction ran. */
class RoomTakenError extends ConflictError {
  constructor(room: string) {
    super(`Room ${room} is not free.`, [{ code: 'room_not_free', message: `Room ${room} is occupied or being cleaned.` }]);
  }
}

function buildStay(principal: Principal, facility: Facility, input: RegisterStayInput, roomNumber: string, now: Date): Stay {
  const at = now.toISOString();
  return {
    stayId: newId('S'),
    facilityId: facility.facilityId,
    roomNumber,
    status: 'active',
    category: input.category,
    person: { ...input.person, document: { ...input.person.document, number: normaliseDocumentNumber(input.person.document.number) } },
    arrival: input.arrival,
    diet: input.diet,
    ethnicity: input.ethnicity,
    specialConditions: input.specialConditions,
    notes: input.notes,
    policy: facility.policy,
    schedule: computeSchedule(input.arrival.arrivedAt, facility.timeZone, facility.policy),
    createdAt: at,
    createdBy: principal.subject,
    updatedAt: at,
    version: 1,
  };
}

/** The end-date ledger's first entry: the date check-in computed from the facility policy. */
export function checkInLedger(stay: Stay) {
  return ledgerPut({ stayId: stay.stayId, at: stay.createdAt, actor: stay.createdBy, event: 'check_in', newEndDate: stay.schedule.endDate, reason: `policy: ${stay.policy.stayDays} days` });
}

export function dueItemsOf(stay: Stay): DueItem[] {
  const base = { stayId: stay.stayId, facilityId: stay.facilityId, ...placeFields(stay) };
  const day = (date: string) => dayOfStay(stay.schedule.day1Date, date);
  return [
    ...stay.schedule.retestDates.map((d) => ({ ...base, kind: 'RETEST' as const, dueDate: d, day: day(d) })),
    { ...base, kind: 'DOCUMENT' as const, dueDate: stay.schedule.documentDate, day: day(stay.schedule.documentDate) },
    { ...base, kind: 'END' as const, dueDate: stay.schedule.endDate, day: day(stay.schedule.endDate) },
  ];
}

async function checkIn(principal: Principal, facility: Facility, input: RegisterStayInput, roomNumber: string, now: Date): Promise<Stay> {
  const stay = buildStay(principal, facility, input, roomNumber, now);
  const occupant: Occupant = {
    stayId: stay.stayId,
    nameNative: stay.person.nameNative,
    nameLatin: stay.person.nameLatin,
    day1Date: stay.schedule.day1Date,
    endDate: stay.schedule.endDate,
    status: stay.status,
  };
  const items: TxItems = [
    {
      Update: {
        TableName: tableName(),
        Key: roomKeys.key(facility.facilityId, roomNumber),
        UpdateExpression: 'SET #state = :occupied, occupant = :occupant, updatedAt = :now REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'attribute_exists(PK) AND #state = :free',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':occupied': 'occupied', ':free': 'free', ':occupant': occupant, ':now': stay.createdAt },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: activeStayItem(stay.person.document, stay.stayId, stay.facilityId),
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: tableName(), Item: stayItem(stay), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...dueItemsOf(stay).map((d) => ({ Put: { TableName: tableName(), Item: openDueItem(d) } })),
    auditPut({ stayId: stay.stayId, at: stay.createdAt, actor: principal.subject, action: 'check_in', changes: { roomNumber, status: 'active', facilityId: stay.facilityId } }),
    checkInLedger(stay),
  ];
  await transactWithRetry(items, (reasons) => {
    const [room, person] = reasons;
    if (room?.Code === 'ConditionalCheckFailed') {
      if (!room.Item) {
        return new ValidationError([{ path: 'roomNumber', message: `Room ${roomNumber} does not exist in this facility`, code: 'unknown_room' }]);
      }
      return new RoomTakenError(roomNumber);
    }
    if (person?.Code === 'ConditionalCheckFailed') {
      const sameFacility = person.Item?.facilityId === facility.facilityId;
      return new ConflictError('This person already has an open stay.', [
        {
          code: 'person_has_open_stay',
          message: sameFacility ? `Already registered here as stay ${String(person.Item?.stayId)}.` : 'Registered at another facility.',
        },
      ]);
    }
    return undefined;
  });
  putMetric('CheckIns');
  return stay;
}
