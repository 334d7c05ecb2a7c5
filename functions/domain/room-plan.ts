import { compareRooms } from '../entities/room.js';

// Where a manifest's rows go, decided before anything is written, so the dry run and
// the real run agree: rooms in natural order (999 before 1001), each household in
// one room (the first free room with enough beds, or the room it already has with
// beds left), staff's room choices kept, and when beds run out the LAST rows are
// refused. Pure: the rooms and household pointers are read by the caller.

export interface PlanRoom {
  roomNumber: string;
  state: 'free' | 'occupied' | 'cleaning' | 'inspected';
  capacity: number;
  used: number;
  household?: string;
}

export interface PlanRow {
  index: number;
  /** Household id, or a unique key for someone alone. */
  household: string;
  pinnedRoom?: string;
}

export type PlanRefusal = 'unknown_room' | 'room_not_ready' | 'room_full' | 'room_other_household' | 'room_not_free' | 'no_free_room';

export type Placed = { room: string; pinned: boolean; householdRooms: string[] } | { refused: PlanRefusal; room?: string };

const isSolo = (h: string | undefined) => !h || h.startsWith('SOLO#');

/**
 * `listed`: how many rows of the file name each household, refused ones included, so
 * its room has a bed for a member whose row is fixed and imported again.
 */
export function planRooms(rooms: readonly PlanRoom[], rows: readonly PlanRow[], pointers: ReadonlyMap<string, string>, listed: ReadonlyMap<string, number> = new Map()): Map<number, Placed> {
  const beds = new Map(rooms.map((r) => [r.roomNumber, { ...r, used: r.state === 'occupied' ? r.used : 0 }]));
  const order = [...rooms].sort((a, b) => compareRooms(a.roomNumber, b.roomNumber)).map((r) => r.roomNumber);
  const placed = new Map<number, Placed>();
  const roomsOf = new Map<string, string[]>();
  const take = (room: string, household: string) => {
    const b = beds.get(room);
    if (!b) return;
    b.used++;
    b.state = 'occupied';
    b.household = household;
    const list = roomsOf.get(household) ?? [];
    if (!list.includes(room)) list.push(room);
    roomsOf.set(household, list);
  };
  const hasBed = (room: string, household: string) => {
    const b = beds.get(room);
    return !!b && ((b.state === 'free' && b.used === 0) || (b.state === 'occupied' && b.household === household && b.used < b.capacity));
  };

  // Staff's choices first: those rooms are not offered to anyone else.
  for (const row of rows) {
    if (!row.pinnedRoom) continue;
    const b = beds.get(row.pinnedRoom);
    let refused: PlanRefusal | undefined;
    if (!b) refused = 'unknown_room';
    else if (b.state === 'cleaning' || b.state === 'inspected') refused = 'room_not_ready';
    else if (b.state === 'occupied' && b.household !== row.household) refused = isSolo(b.household) || isSolo(row.household) ? 'room_not_free' : 'room_other_household';
    else if (b.state === 'occupied' && b.used >= b.capacity) refused = 'room_full';
    if (refused) placed.set(row.index, { refused, room: row.pinnedRoom });
    else {
      take(row.pinnedRoom, row.household);
      placed.set(row.index, { room: row.pinnedRoom, pinned: true, householdRooms: [] });
    }
  }

  // Then each household in the order its first row appears.
  const groups = new Map<string, PlanRow[]>();
  for (const row of rows) {
    if (row.pinnedRoom) continue;
    const g = groups.get(row.household) ?? [];
    g.push(row);
    groups.set(row.household, g);
  }
  for (const [household, members] of groups) {
    let waiting = [...members];
    const own = [pointers.get(household), ...(roomsOf.get(household) ?? [])].filter((r): r is string => !!r && beds.get(r)?.state === 'occupied' && beds.get(r)?.household === household);
    for (const room of own) {
      while (waiting.length && hasBed(room, household)) {
        take(room, household);
        placed.set((waiting.shift() as PlanRow).index, { room, pinned: false, householdRooms: [] });
      }
    }
    while (waiting.length) {
      const free = order.filter((r) => beds.get(r)?.state === 'free' && beds.get(r)?.used === 0);
      if (!free.length) break;
      // The first free room that holds everyone listed, else everyone left; otherwise fill rooms in order.
      const placedSoFar = members.length - waiting.length;
      const need = Math.max(waiting.length, (listed.get(household) ?? 0) - placedSoFar);
      const fits = (n: number) => free.find((r) => (beds.get(r)?.capacity ?? 0) >= n);
      const room = fits(need) ?? fits(waiting.length) ?? (free[0] as string);
      while (waiting.length && hasBed(room, household)) {
        take(room, household);
        placed.set((waiting.shift() as PlanRow).index, { room, pinned: false, householdRooms: [] });
      }
    }
    for (const row of waiting) placed.set(row.index, { refused: 'no_free_room' });
  }
  // Every room a household was given, so its members' pointer writes accept each other's.
  for (const row of rows) {
    const p = placed.get(row.index);
    if (p && 'room' in p && !('refused' in p)) p.householdRooms = roomsOf.get(row.household) ?? [];
  }
  return placed;
}
