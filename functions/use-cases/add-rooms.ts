import type * as z from 'zod/mini';
import { addRoom } from '../entities/room.js';
import type { AddRoomsInput } from '../schemas/facility.js';
import { ValidationError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { loadFacilityFor } from './load-facility.js';

export interface AddRoomsResult {
  added: string[];
  existing: string[];
}

/** Adds rooms in bulk; rooms that already exist are reported, not changed, so the call is safe to repeat. */
export async function addRoomsUseCase(principal: Principal, facilityId: string, input: z.infer<typeof AddRoomsInput>, now = new Date()): Promise<AddRoomsResult> {
  assertAdmin(principal);
  await loadFacilityFor(principal, facilityId);
  const numbers = new Set(input.rooms ?? []);
  if (input.range) for (let n = input.range.from; n <= input.range.to; n++) numbers.add(`${input.range.prefix}${n}`);
  if (numbers.size > 1000) throw new ValidationError([{ path: 'rooms', message: 'At most 1000 rooms per call', code: 'too_big' }]);
  const at = now.toISOString();
  const outcomes = await mapWithConcurrency([...numbers], 16, async (room) => ({ room, added: await addRoom(facilityId, room, at) }));
  return {
    added: outcomes.filter((o) => o.added).map((o) => o.room),
    existing: outcomes.filter((o) => !o.added).map((o) => o.room),
  };
}
