import { activeStayItem } from '../entities/active-stay.js';
import { auditPut } from '../entities/audit.js';
import { openDueItem, type DueItem } from '../entities/due-item.js';
import type { Facility } from '../entities/facility.js';
import { getHousehold, householdItem } from '../entities/household.js';
import { bedRefusal, claimBedItem, findFreeRooms, type Occupant } from '../entities/room.js';
import { ledgerPut } from '../entities/schedule-ledger.js';
import { normaliseDocumentNumber, stayItem, type Stay } from '../entities/stay.js';
import { placeFields } from '../domain/place.js';
import { computeSchedule, dayOfStay } from '../domain/schedule.js';
import type { RegistrationInput } from '../schemas/registration.js';
import { tableName } from '../shared/db.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { putMetric } from '../shared/metrics.js';
import type { Principal } from '../shared/principal.js';

// Check-in: one transaction writes the stay, takes a bed in a room (free, or already
// this household's with a bed left), claims the person's travel document (only if it
// has no open stay), points the household at its room, opens the due items the jobs
// will look for, and records the audit entry. Either all of it happens or none of it,
// so concurrent check-ins never overfill or mix a room, nor register a person twice.

const MAX_ROOM_ATTEMPTS = 60;

export interface Placement {
  /** Staff chose this room: only this one (refused if it cannot take the person). */
  pinnedRoom?: string;
  /** A manifest's plan chose this room: tried first, then the first free room. */
  plannedRoom?: string;
  /** The household's room as the plan saw it (the household pointer may still name it). */
  householdRoomSeen?: string;
  /** Every room the plan gave this household (its members' pointer writes accept each other's). */
  householdRooms?: string[];
}

/** A hotel check-in at a facility the caller was checked for (loadFacilityFor): the staff-chosen room, or one found. */
export function registerStay(principal: Principal, facility: Facility, input: RegistrationInput, now = new Date(), placement: Placement = {}): Promise<Stay> {
  return checkInPlaced(principal, facility, input, now, input.roomNumber ? { ...placement, pinnedRoom: input.roomNumber } : placement);
}

/** The household's canonical key (case and spacing do not make another household). */
export function householdIdOf(key: string): string {
  return key.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Rooms this process is trying to claim right now. A Lambda instance serves one
 * request at a time, so there it is empty and check-in takes exactly the first free
 * room; in one process running many check-ins (a manifest, the local server) racers
 * skip rooms another one is already claiming instead of all colliding on the first.
 */
const claiming = new Map<string, Set<string>>();

function claimingIn(facilityId: string): Set<string> {
  let set = claiming.get(facilityId);
  if (!set) claiming.set(facilityId, (set = new Set()));
  return set;
}

/**
 * The room to try next when none was chosen: the first free room nobody here is
 * claiming; after a collision (another instance won the room) a random one of the
 * next few free rooms, widening with each attempt, so racing instances spread out.
 */
async function nextFreeRoom(facilityId: string, exclude: Set<string>, collisions: number): Promise<string | undefined> {
  const busy = claimingIn(facilityId);
  const free = (await findFreeRooms(facilityId, 25 + exclude.size + busy.size)).filter((r) => !exclude.has(r));
  const idle = free.filter((r) => !busy.has(r));
  const pool = idle.length ? idle : free;
  if (pool.length === 0) return undefined;
  if (collisions === 0) return pool[0];
  return pool[Math.floor(Math.random() * Math.min(pool.length, 2 * collisions + 1))];
}

/** A room that cannot take the person (check-in, a move): the reason as read from the room. */
export class BedRefusedError extends ConflictError {
  constructor(
    readonly room: string,
    readonly reason: ReturnType<typeof bedRefusal>,
  ) {
    super(`Room ${room} cannot take this person.`, [{ code: reason, message: BED_MESSAGES[reason](room) }]);
  }
}

export const BED_MESSAGES: Record<ReturnType<typeof bedRefusal>, (room: string) => string> = {
  unknown_room: (r) => `Room ${r} does not exist in this facility.`,
  room_not_free: (r) => `Room ${r} is not free.`,
  room_not_ready: (r) => `Room ${r} is being cleaned or awaits release after inspection.`,
  room_full: (r) => `Every bed of room ${r} is taken.`,
  room_other_household: (r) => `Room ${r} holds another household.`,
};

/** The household pointer named another room when the transaction ran: look again. */
class HouseholdMovedError extends Error {}

export async function checkInPlaced(principal: Principal, facility: Facility, input: RegistrationInput, now: Date, placement: Placement): Promise<Stay> {
  const householdId = input.household ? householdIdOf(input.household) : undefined;
  const stayId = newId('S');
  if (placement.pinnedRoom) {
    try {
      return await checkIn(principal, facility, input, { stayId, householdId, roomNumber: placement.pinnedRoom, pointerMay: null }, now);
    } catch (err) {
      if (err instanceof BedRefusedError && err.reason === 'unknown_room') {
        throw new ValidationError([{ path: 'roomNumber', message: BED_MESSAGES.unknown_room(err.room), code: 'unknown_room' }]);
      }
      throw err;
    }
  }
  const exclude = new Set<string>();
  let collisions = 0;
  let planned = placement.plannedRoom;
  let seen = placement.householdRoomSeen;
  let pointerRead = placement.plannedRoom !== undefined;
  for (let attempt = 0; attempt < MAX_ROOM_ATTEMPTS; attempt++) {
    let room: string | undefined;
    if (planned) {
      room = planned;
      planned = undefined;
    } else {
      // A household goes where it already is, while that room has a bed left.
      if (householdId && !pointerRead) {
        seen = (await getHousehold(facility.facilityId, householdId))?.roomNumber;
        pointerRead = true;
        if (seen && !exclude.has(seen)) room = seen;
      }
      room ??= await nextFreeRoom(facility.facilityId, exclude, collisions);
    }
    if (!room) break;
    const busy = claimingIn(facility.facilityId);
    busy.add(room);
    try {
      return await checkIn(principal, facility, input, { stayId, householdId, roomNumber: room, pointerMay: [seen, ...(placement.householdRooms ?? [])] }, now);
    } catch (err) {
      if (err instanceof HouseholdMovedError) {
        pointerRead = false;
        continue;
      }
      if (!(err instanceof BedRefusedError)) throw err;
      exclude.add(room);
      if (err.reason === 'room_not_free' || err.reason === 'room_other_household') collisions++;
    } finally {
      busy.delete(room);
    }
  }
  throw new ConflictError('No free room in this facility.', [{ code: 'no_free_room', message: 'Every room is occupied, full or being cleaned.' }]);
}

function buildStay(principal: Principal, facility: Facility, input: RegistrationInput, ids: { stayId: string; householdId?: string; roomNumber: string }, now: Date): Stay {
  return newStay(principal, facility, input, { stayId: ids.stayId, roomNumber: ids.roomNumber, ...(ids.householdId ? { householdId: ids.householdId } : {}) }, now);
}

/** What registration entered about the person and the arrival, whatever the place (a room, a home). */
export type StayFacts = Pick<RegistrationInput, 'category' | 'person' | 'arrival' | 'diet' | 'ethnicity' | 'specialConditions' | 'notes'>;

/**
 * A new stay: the person as entered (document number normalised; a Chinese ID card without
 * a Latin name keeps the native name there, as documents already print one name then),
 * the facility's policy and the schedule it gives, at `place` (room or home).
 */
export function newStay(principal: Principal, facility: Facility, input: StayFacts, place: Pick<Stay, 'stayId'> & Partial<Stay>, now: Date): Stay {
  const at = now.toISOString();
  return {
    ...place,
    facilityId: facility.facilityId,
    status: 'active',
    category: input.category,
    person: { ...input.person, nameLatin: input.person.nameLatin ?? input.person.nameNative, document: { ...input.person.document, number: normaliseDocumentNumber(input.person.document.number) } },
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

interface Target {
  stayId: string;
  householdId?: string;
  roomNumber: string;
  /** Rooms the household pointer may name besides this one (what the caller saw); null: staff chose the room, set it regardless. */
  pointerMay: (string | undefined)[] | null;
}

async function checkIn(principal: Principal, facility: Facility, input: RegistrationInput, target: Target, now: Date): Promise<Stay> {
  const stay = buildStay(principal, facility, input, target, now);
  const occupant: Occupant = {
    stayId: stay.stayId,
    nameNative: stay.person.nameNative,
    nameLatin: stay.person.nameLatin,
    day1Date: stay.schedule.day1Date,
    endDate: stay.schedule.endDate,
    status: stay.status,
  };
  // Someone alone is a household of one: nobody else can be put in the room.
  const household = target.householdId ?? `SOLO#${stay.stayId}`;
  const items: TxItems = [
    claimBedItem({ facilityId: facility.facilityId, roomNumber: target.roomNumber, household, occupant, at: stay.createdAt }),
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
    auditPut({
      stayId: stay.stayId,
      at: stay.createdAt,
      actor: principal.subject,
      action: 'check_in',
      changes: { roomNumber: target.roomNumber, status: 'active', facilityId: stay.facilityId, ...(target.householdId ? { householdId: target.householdId } : {}) },
    }),
    checkInLedger(stay),
  ];
  const pointerIndex = target.householdId ? items.push(householdItem(facility.facilityId, target.householdId, target.roomNumber, stay.createdAt, target.pointerMay)) - 1 : -1;
  await transactWithRetry(items, (reasons) => {
    const [room, person] = reasons;
    if (room?.Code === 'ConditionalCheckFailed') return new BedRefusedError(target.roomNumber, bedRefusal(room.Item, household));
    if (person?.Code === 'ConditionalCheckFailed') {
      const sameFacility = person.Item?.facilityId === facility.facilityId;
      return new ConflictError('This person already has an open stay.', [
        {
          code: 'person_has_open_stay',
          message: sameFacility ? `Already registered here as stay ${String(person.Item?.stayId)}.` : 'Registered at another facility.',
        },
      ]);
    }
    if (pointerIndex >= 0 && reasons[pointerIndex]?.Code === 'ConditionalCheckFailed') return new HouseholdMovedError();
    return undefined;
  });
  putMetric('CheckIns');
  return stay;
}
