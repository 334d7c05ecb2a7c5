import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { registration } from '../support/fixtures.js';

// Rooms in order: a manifest puts row i in the i-th free room in natural room order
// (1001 after 999), keeps households together, keeps staff's picks, refuses the LAST
// rows when beds run out, and the dry run says exactly what the real run then does.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function facility(body: Record<string, unknown>) {
  const facilityId = uniqueId('ord');
  const admin = api.token('admin');
  expect((await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: `Hotel ${facilityId}`, timeZone: 'Asia/Shanghai' } })).status).toBe(201);
  const added = await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body });
  expect(added.status, added.text).toBe(201);
  return { facilityId, admin, staff: api.token('staff', [facilityId]) };
}

const view = (rows: { row: number; status: string; roomNumber?: string; problem?: { reasons?: { code: string }[] } }[]) =>
  rows.map((r) => ({ row: r.row, status: r.status === 'ready' ? 'created' : r.status, room: r.roomNumber, code: r.problem?.reasons?.[0]?.code }));

describe('rooms in order', () => {
  it('single check-ins take the first free room in natural order: 998, 999, 1000, 1001', async () => {
    const f = await facility({ rooms: ['1001', '999', '1000', '998'] });
    const rooms: string[] = [];
    for (let i = 0; i < 4; i++) rooms.push((await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })).body.roomNumber);
    expect(rooms).toEqual(['998', '999', '1000', '1001']);
  }, 60_000);

  it('a manifest: rows in room order, households together, a staff pick kept, the last rows refused; the dry run matches the real run row by row', async () => {
    const f = await facility({ rooms: [{ number: '1001', capacity: 2 }, { number: '999', capacity: 1 }, { number: '1000', capacity: 3 }, { number: '1002', capacity: 1 }, { number: '1003', capacity: 1 }] });
    const rows = [
      registration(), // 0 -> 999 (first free)
      registration({ household: 'Chen' }), // 1 -> 1000 (first with 3 beds... first free holding 2: 1000)
      registration(), // 2 -> 1001
      registration({ household: 'Chen' }), // 3 -> 1000 with its household
      registration({ roomNumber: '1003' }), // 4 -> 1003, staff's pick
      registration(), // 5 -> 1002
      registration(), // 6 -> refused: no bed left
      registration(), // 7 -> refused
    ];
    const dry = await api.call('POST', `/facilities/${f.facilityId}/stays/batch?dryRun=true`, { token: f.staff, body: rows });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 0, ready: 6, refused: 2 });
    // Nothing was written.
    const before = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(before.body.counts.occupied).toBe(0);
    expect(view(dry.body.rows)).toEqual([
      { row: 0, status: 'created', room: '999', code: undefined },
      { row: 1, status: 'created', room: '1000', code: undefined },
      { row: 2, status: 'created', room: '1001', code: undefined },
      { row: 3, status: 'created', room: '1000', code: undefined },
      { row: 4, status: 'created', room: '1003', code: undefined },
      { row: 5, status: 'created', room: '1002', code: undefined },
      { row: 6, status: 'refused', room: undefined, code: 'no_free_room' },
      { row: 7, status: 'refused', room: undefined, code: 'no_free_room' },
    ]);
    const real = await api.call('POST', `/facilities/${f.facilityId}/stays/batch`, { token: f.staff, body: rows });
    expect(real.status, real.text).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, created: 6, ready: 0, refused: 2 });
    expect(view(real.body.rows)).toEqual(view(dry.body.rows));
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.body.rooms.find((r: { roomNumber: string }) => r.roomNumber === '1000').occupants).toHaveLength(2);
  }, 60_000);

  it('the dry run refuses what the real run would: bad fields, the same person twice in the file, a person already in, a room that is taken', async () => {
    const f = await facility({ range: { from: 101, to: 105 } });
    const already = registration();
    expect((await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: already })).body.roomNumber).toBe('101');
    const twice = registration();
    const rows = [
      registration(),
      { ...registration(), person: { ...registration().person, sex: 'male' } },
      twice,
      { ...twice },
      { ...already },
      registration({ roomNumber: '101' }),
      registration({ roomNumber: '999' }),
      registration(),
    ];
    const dry = await api.call('POST', `/facilities/${f.facilityId}/stays/batch?dryRun=true`, { token: f.staff, body: rows });
    const real = await api.call('POST', `/facilities/${f.facilityId}/stays/batch`, { token: f.staff, body: rows });
    expect(view(real.body.rows)).toEqual(view(dry.body.rows));
    expect(view(dry.body.rows)).toEqual([
      { row: 0, status: 'created', room: '102', code: undefined },
      { row: 1, status: 'refused', room: undefined, code: undefined },
      { row: 2, status: 'created', room: '103', code: undefined },
      { row: 3, status: 'refused', room: undefined, code: 'duplicate_in_file' },
      { row: 4, status: 'refused', room: undefined, code: 'person_has_open_stay' },
      { row: 5, status: 'refused', room: undefined, code: 'room_not_free' },
      { row: 6, status: 'refused', room: undefined, code: 'unknown_room' },
      { row: 7, status: 'created', room: '104', code: undefined },
    ]);
    expect(dry.body.rows[1].problem.issues[0].path).toBe('person.sex');
  }, 60_000);
});
