import { listRooms, type Occupant, type Room, type RoomState } from '../entities/room.js';
import { addDays, localDate } from '../domain/calendar.js';
import { dayCheckStatus, type CheckMarks, type DayCheckStatus } from '../domain/checks.js';
import { dateOfDay, dayOfStay, type StayPolicy } from '../domain/schedule.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';
import { BOARD_FLAGS, type BoardFlag } from '../domain/board-flags.js';

// The room board (挂图作战): every room, its state, who is in it, their day of stay
// and today's temperature checks (done, pending, missing). Still one Query: the
// check status is read from the marks that recording a check copies onto the
// room's occupant.

export interface BoardOccupant {
  stayId: string;
  nameNative: string;
  nameLatin: string;
  dayOfStay: number;
  endDate: string;
  status: string;
  checks: DayCheckStatus;
  /** What needs doing about this person today, most urgent first (BOARD_FLAGS). */
  flags: BoardFlag[];
}

export interface BoardRoom {
  roomNumber: string;
  state: RoomState;
  capacity: number;
  floor?: string;
  zone?: string;
  householdId?: string;
  /** Everyone in the room, in check-in order. */
  occupants: BoardOccupant[];
  /** The first occupant (as before rooms had several beds). */
  occupant?: BoardOccupant;
  cleaningSince?: string;
  inspectedAt?: string;
  inspectedBy?: string;
}

/**
 * The states a tile shows, most urgent first: a positive result awaiting transfer, a
 * fever or symptom today, a check overdue, the retest due today, the document day
 * reached (release can be considered), the observation period over but not released.
 */

/**
 * A person's flags from what the room carries (no second read). The document date
 * is counted back from the end date, so a changed period moves it too; retest days
 * follow the facility's policy from day 1.
 */
export function boardFlags(o: { day1Date: string; endDate: string; status: string }, checks: DayCheckStatus, policy: StayPolicy, today: string): BoardFlag[] {
  const flags: BoardFlag[] = [];
  const positive = o.status === 'positive';
  if (positive) flags.push('positive');
  if (checks.alert) flags.push('alert');
  if (checks.missing.length) flags.push('missing');
  if (!positive && policy.retestDays.some((d) => dateOfDay(o.day1Date, d) === today)) flags.push('retest_due');
  const documentDate = addDays(o.endDate, policy.documentDay - policy.stayDays);
  if (!positive && today > o.endDate) flags.push('expired');
  else if (!positive && today >= documentDate) flags.push('release_due');
  return flags;
}

export interface Board {
  facilityId: string;
  date: string;
  inspectionRequired: boolean;
  counts: Record<RoomState, number>;
  beds: { total: number; used: number; free: number };
  /** Occupied rooms with a check overdue today, and rooms with a fever or symptom today. */
  checks: { missing: number; alerts: number };
  /** Each floor's rooms by state, in floor order. */
  floors: { floor: string; rooms: number; counts: Record<RoomState, number> }[];
  /** Occupied rooms per flag (a room counts once per flag one of its occupants shows). */
  attention: Record<BoardFlag, number>;
  rooms: BoardRoom[];
}

/** Fields recording a check adds to the occupant; `arrivedAt` if check-in ever stores it there. */
type CareOccupant = Occupant & { checkMarks?: CheckMarks; arrivedAt?: string; since?: string };

/**
 * When the person came in, for the arrival-day rule (slots whose deadline had
 * passed are not due). The occupant does not carry the arrival time, but check-in
 * writes the room's `updatedAt` and recording checks leaves it alone.
 */
function checkInTime(room: Room, o: CareOccupant): string | undefined {
  return o.arrivedAt ?? o.since ?? room.updatedAt;
}

export async function roomBoard(principal: Principal, facilityId: string, now = new Date()): Promise<Board> {
  const facility = await loadFacilityFor(principal, facilityId);
  const today = localDate(now, facility.timeZone);
  const rooms = await listRooms(facilityId);
  const zero = (): Record<RoomState, number> => ({ free: 0, occupied: 0, cleaning: 0, inspected: 0 });
  const counts = zero();
  const checks = { missing: 0, alerts: 0 };
  const beds = { total: 0, used: 0, free: 0 };
  const floors = new Map<string, { floor: string; rooms: number; counts: Record<RoomState, number> }>();
  const attention = Object.fromEntries(BOARD_FLAGS.map((f) => [f, 0])) as Record<BoardFlag, number>;
  const board = rooms.map((r): BoardRoom => {
    counts[r.state]++;
    beds.total += r.capacity;
    if (r.state === 'occupied') beds.used += r.occupants.length;
    if (r.state === 'free') beds.free += r.capacity;
    const floorKey = r.floor ?? '';
    const f = floors.get(floorKey) ?? { floor: floorKey, rooms: 0, counts: zero() };
    f.rooms++;
    f.counts[r.state]++;
    floors.set(floorKey, f);
    const occupants = r.state !== 'occupied' ? [] : r.occupants.map((raw): BoardOccupant => {
      const o = raw as CareOccupant;
      const status = dayCheckStatus({
        date: today,
        now,
        timeZone: facility.timeZone,
        marks: o.checkMarks,
        day1Date: o.day1Date,
        endDate: o.endDate,
        arrivedAt: checkInTime(r, o),
      });
      if (status.missing.length) checks.missing++;
      if (status.alert) checks.alerts++;
      const flags = boardFlags(o, status, facility.policy, today);
      return { stayId: o.stayId, nameNative: o.nameNative, nameLatin: o.nameLatin, dayOfStay: dayOfStay(o.day1Date, today), endDate: o.endDate, status: o.status, checks: status, flags };
    });
    const roomFlags = new Set(occupants.flatMap((o) => o.flags));
    for (const f of roomFlags) attention[f]++;
    return {
      roomNumber: r.roomNumber,
      state: r.state,
      capacity: r.capacity,
      ...(r.floor ? { floor: r.floor } : {}),
      ...(r.zone ? { zone: r.zone } : {}),
      ...(r.household && occupants.length && !r.household.startsWith('SOLO#') ? { householdId: r.household } : {}),
      occupants,
      ...(occupants[0] ? { occupant: occupants[0] } : {}),
      ...(r.cleaningSince ? { cleaningSince: r.cleaningSince } : {}),
      ...(r.inspectedAt && r.state === 'inspected' ? { inspectedAt: r.inspectedAt, inspectedBy: r.inspectedBy } : {}),
    };
  });
  const floorList = [...floors.values()].sort((a, b) => a.floor.localeCompare(b.floor, 'en', { numeric: true }));
  return { facilityId, date: today, inspectionRequired: facility.roomReadiness?.inspectionRequired === true, counts, beds, checks, floors: floorList, attention, rooms: board };
}
