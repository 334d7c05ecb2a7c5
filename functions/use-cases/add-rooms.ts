import { addRoom, type NewRoom } from '../entities/room.js';
import { isHomeProgramme } from '../entities/facility.js';
import type { AddRoomsInput } from '../schemas/rooms.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { loadFacilityFor } from './load-facility.js';

export interface AddRoomsResult {
  added: string[];
  existing: string[];
}

/** Adds rooms in bulk with their beds, floor and zone; rooms that already exist are reported, not changed, so the call is safe to repeat. */
export async function addRoomsUseCase(principal: Principal, facilityId: string, input: AddRoomsInput, now = new Date()): Promise<AddRoomsResult> {
  assertAdmin(principal);
  const facility = await loadFacilityFor(principal, facilityId);
  if (isHomeProgramme(facility)) {
    throw new ConflictError(`${facility.name} is a home-isolation programme: people stay at home, it has no rooms.`, [
      { code: 'home_programme_has_no_rooms', message: 'Register home stays with their address instead.' },
    ]);
  }
  const rooms = new Map<string, NewRoom>();
  for (const r of input.rooms ?? []) {
    const spec = typeof r === 'string' ? { number: r } : r;
    rooms.set(spec.number, { roomNumber: spec.number, capacity: spec.capacity ?? input.capacity ?? 1, floor: spec.floor, zone: spec.zone });
  }
  if (input.range) {
    const { prefix, from, to, capacity, floor, zone } = input.range;
    for (let n = from; n <= to; n++) rooms.set(`${prefix}${n}`, { roomNumber: `${prefix}${n}`, capacity: capacity ?? input.capacity ?? 1, floor, zone });
  }
  if (rooms.size > 1000) throw new ValidationError([{ path: 'rooms', message: 'At most 1000 rooms per call', code: 'too_big' }]);
  const at = now.toISOString();
  const outcomes = await mapWithConcurrency([...rooms.values()], 16, async (room) => ({ room: room.roomNumber, added: await addRoom(facilityId, room, at) }));
  return {
    added: outcomes.filter((o) => o.added).map((o) => o.room),
    existing: outcomes.filter((o) => !o.added).map((o) => o.room),
  };
}
