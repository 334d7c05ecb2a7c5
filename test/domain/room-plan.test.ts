import { describe, expect, it } from 'vitest';
import { compareRooms, defaultFloor, roomOrderKey } from '../../functions/entities/room.js';
import { planRooms, type PlanRoom } from '../../functions/domain/room-plan.js';

const free = (roomNumber: string, capacity = 1): PlanRoom => ({ roomNumber, state: 'free', capacity, used: 0 });
const rooms = (plan: ReturnType<typeof planRooms>) => [...plan.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => ('refused' in p ? p.refused : p.room));

describe('natural room order', () => {
  it('puts 999 before 1001 and A2 before A10', () => {
    expect(['1001', '999', 'A10', 'A2', '1000'].sort(compareRooms)).toEqual(['999', '1000', '1001', 'A2', 'A10']);
    expect(roomOrderKey('999') < roomOrderKey('1001')).toBe(true);
    expect([defaultFloor('1203'), defaultFloor('101'), defaultFloor('A1'), defaultFloor('12')]).toEqual(['12', '1', undefined, undefined]);
  });
});

describe('room plan', () => {
  it('row i takes the i-th free room in order; the last rows are refused when rooms run out', () => {
    const plan = planRooms([free('1001'), free('999'), free('1000')], [0, 1, 2, 3, 4].map((i) => ({ index: i, household: `SOLO#${i}` })), new Map());
    expect(rooms(plan)).toEqual(['999', '1000', '1001', 'no_free_room', 'no_free_room']);
  });

  it('keeps a household in the first free room with beds for all its listed members, and fills its room before a new one', () => {
    const plan = planRooms(
      [free('101', 1), free('102', 2), free('103', 4)],
      [
        { index: 0, household: 'A' },
        { index: 1, household: 'SOLO#1' },
        { index: 2, household: 'A' },
      ],
      new Map(),
      new Map([['A', 3]]),
    );
    expect(rooms(plan)).toEqual(['103', '101', '103']);
  });

  it('a household already in a room joins it while beds are left, then overflows in room order; a room of another household is never shared', () => {
    const plan = planRooms(
      [{ roomNumber: '201', state: 'occupied', capacity: 2, used: 1, household: 'B' }, { roomNumber: '202', state: 'occupied', capacity: 4, used: 1, household: 'C' }, free('203', 1)],
      [
        { index: 0, household: 'B' },
        { index: 1, household: 'B' },
        { index: 2, household: 'D' },
      ],
      new Map([['B', '201']]),
    );
    expect(rooms(plan)).toEqual(['201', '203', 'no_free_room']);
  });

  it("keeps staff's picks and refuses picks that cannot take the row", () => {
    const plan = planRooms(
      [free('301'), free('302'), { roomNumber: '303', state: 'cleaning', capacity: 1, used: 0 }, { roomNumber: '304', state: 'occupied', capacity: 2, used: 1, household: 'SOLO#x' }],
      [
        { index: 0, household: 'SOLO#0' },
        { index: 1, household: 'SOLO#1', pinnedRoom: '301' },
        { index: 2, household: 'SOLO#2', pinnedRoom: '303' },
        { index: 3, household: 'SOLO#3', pinnedRoom: '304' },
        { index: 4, household: 'SOLO#4', pinnedRoom: '999' },
      ],
      new Map(),
    );
    expect(rooms(plan)).toEqual(['302', '301', 'room_not_ready', 'room_not_free', 'unknown_room']);
  });
});
