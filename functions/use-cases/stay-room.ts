import { getRoom, type Room } from '../entities/room.js';
import type { Stay } from '../entities/stay.js';

// The room a stay is in, read for a transaction that pins its occupant count (closing
// a stay, a move), and the retry when a housemate left or arrived meanwhile.

/** The stay's room as it is now, when it still holds the stay (closing pins its occupant count). */
export async function roomOfStay(stay: Stay): Promise<Room | undefined> {
  if (stay.roomNumber === undefined) return undefined;
  const room = await getRoom(stay.facilityId, stay.roomNumber);
  return room?.occupants.some((o) => o.stayId === stay.stayId) ? room : undefined;
}

/**
 * Runs a closing transaction built from the room as read; when a housemate left or
 * arrived meanwhile (the count it pinned changed), builds it again from a fresh read.
 */
export async function withRoomRetry<T>(stay: Stay, run: (room: Room | undefined) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const room = await roomOfStay(stay);
    try {
      return await run(room);
    } catch (err) {
      if (attempt >= 4 || !room) throw err;
      const now = await roomOfStay(stay);
      if (now?.used === room.used) throw err;
    }
  }
}
