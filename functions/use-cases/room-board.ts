import { listRooms, type RoomState } from '../entities/room.js';
import { localDate } from '../domain/calendar.js';
import { dayOfStay } from '../domain/schedule.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

// The room board (挂图作战): every room, its state, who is in it and their day of stay.

export interface BoardRoom {
  roomNumber: string;
  state: RoomState;
  occupant?: { stayId: string; nameNative: string; nameLatin: string; dayOfStay: number; endDate: string; status: string };
}

export interface Board {
  facilityId: string;
  date: string;
  counts: Record<RoomState, number>;
  rooms: BoardRoom[];
}

export async function roomBoard(principal: Principal, facilityId: string, now = new Date()): Promise<Board> {
  const facility = await loadFacilityFor(principal, facilityId);
  const today = localDate(now, facility.timeZone);
  const rooms = await listRooms(facilityId);
  const counts: Record<RoomState, number> = { free: 0, occupied: 0, cleaning: 0 };
  const board = rooms.map((r): BoardRoom => {
    counts[r.state]++;
    const o = r.occupant;
    return {
      roomNumber: r.roomNumber,
      state: r.state,
      ...(r.state === 'occupied' && o
        ? { occupant: { stayId: o.stayId, nameNative: o.nameNative, nameLatin: o.nameLatin, dayOfStay: dayOfStay(o.day1Date, today), endDate: o.endDate, status: o.status } }
        : {}),
    };
  });
  return { facilityId, date: today, counts, rooms: board };
}
