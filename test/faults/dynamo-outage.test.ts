import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDocumentId } from '../../functions/domain/document-id.js';
import { listRooms } from '../../functions/entities/room.js';
import { queryFacilityStays, type StayRecord } from '../../functions/entities/stay.js';
import { resetConfig } from '../../functions/shared/config.js';
import { resetDb } from '../../functions/shared/db.js';
import { retestDue } from '../../functions/use-cases/due-jobs.js';
import { createTable } from '../../local/create-table.js';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamodb-local.js';
import { zonedInstant } from '../jobs/job-support.js';
import { deliver, dueItemsOf, itemsOf, newLab, remindersOf, result, stayArrived, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { freePort } from '../support/free-port.js';

// DynamoDB goes away mid-run. This file runs its OWN DynamoDB Local (on disk, so the
// data survives a restart), kills it, and checks that: every request answers 503
// with Retry-After and a problem body (never a 500, never a hang), nothing
// half-written is left behind, and a job that failed during the outage catches up
// on its next run, exactly once.

const TABLE = 'quarantine-desk-faults';
/** A Lambda must fail fast: well under the 10 s default timeout, retries included. */
const MAX_FAILING_REQUEST_MS = 5_000;

let dynamo: DynamoLocal;
let port: number;
let dbPath: string;
let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
const before: StayFixture[] = [];
let retestDate: string;

function pointAt(endpoint: string | undefined, table: string | undefined) {
  if (endpoint === undefined) delete process.env.DYNAMODB_ENDPOINT;
  else process.env.DYNAMODB_ENDPOINT = endpoint;
  if (table === undefined) delete process.env.TABLE_NAME;
  else process.env.TABLE_NAME = table;
  resetConfig();
  resetDb();
}

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dynamo-outage-'));
  port = await freePort();
  dynamo = await startDynamoLocal({ port, dbPath });
  await createTable(dynamo.endpoint, TABLE);
  pointAt(dynamo.endpoint, TABLE);
  api = await startApi();
  f = await facilityWithRooms(api, 12);
  lab = newLab('outage');
  await useLabs(lab);
  // Two stays on their retest day (day 12) and one earlier in its stay.
  before.push(await stayArrived(api, f, 11), await stayArrived(api, f, 11), await stayArrived(api, f, 3));
  retestDate = before[0]!.schedule.retestDates[0]!;
}, 90_000);

afterAll(async () => {
  await api?.close();
  await dynamo?.stop();
  pointAt(saved.endpoint, saved.table);
  if (dbPath) rmSync(dbPath, { recursive: true, force: true });
});

async function timed<T>(p: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await p();
  return { value, ms: performance.now() - started };
}

/** Every stay of the facility, every room, and the invariants between them. */
async function assertConsistent(): Promise<{ stays: StayRecord[]; occupied: number }> {
  const stays: StayRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryFacilityStays({ facilityId: f.facilityId, limit: 100, startKey });
    stays.push(...page.stays);
    startKey = page.lastKey;
  } while (startKey);
  const rooms = await listRooms(f.facilityId);
  const byId = new Map(stays.map((s) => [s.stayId, s]));
  for (const s of stays) {
    expect(s.status).toBe('active');
    const room = rooms.find((r) => r.roomNumber === s.roomNumber);
    expect(room, `room of ${s.stayId}`).toMatchObject({ state: 'occupied', occupants: [expect.objectContaining({ stayId: s.stayId })] });
    // The open-stay guard of the person's document names this stay.
    const doc = 'document' in s.person ? s.person.document : undefined;
    expect(doc).toBeDefined();
    const guard = await itemsOf(`DOC#${doc!.type}#${doc!.country}#${doc!.number}`);
    expect(guard).toEqual([expect.objectContaining({ SK: 'ACTIVE_STAY', stayId: s.stayId })]);
    // The due items the check-in transaction opens: retest(s), document day, end.
    expect((await dueItemsOf(s.stayId)).length).toBe(s.schedule.retestDates.length + 2);
  }
  for (const r of rooms) {
    if (r.state === 'occupied') expect(byId.has(r.occupants[0]!.stayId), `occupant of ${r.roomNumber}`).toBe(true);
    else expect(r.occupants).toEqual([]);
  }
  const occupied = rooms.filter((r) => r.state === 'occupied').length;
  expect(stays.length).toBe(occupied);
  return { stays, occupied };
}

describe('DynamoDB Local stops mid-run', () => {
  let inFlight: Promise<{ status: number; body: any }>;

  it('before the outage: the registrations are consistent', async () => {
    const { stays } = await assertConsistent();
    expect(stays).toHaveLength(3);
  });

  it('while it is down: every request answers 503 with Retry-After and a problem body, quickly', async () => {
    // A flight manifest is on its way when DynamoDB goes away.
    inFlight = api.call('POST', `/facilities/${f.facilityId}/stays/batch`, { token: f.staff, body: Array.from({ length: 6 }, () => registration()) });
    await new Promise((r) => setTimeout(r, 20));
    await dynamo.stop();
    const flight = await inFlight;
    expect([200, 503]).toContain(flight.status);

    const stayId = before[0]!.stayId;
    const requests: [string, () => Promise<{ status: number; body: any; headers: Headers; text: string }>][] = [
      ['register', () => api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() })],
      ['register in a room', () => api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration({ roomNumber: '112' }) })],
      ['batch', () => api.call('POST', `/facilities/${f.facilityId}/stays/batch`, { token: f.staff, body: [registration(), registration()] })],
      ['check', () => api.call('POST', `/stays/${stayId}/checks`, { token: f.staff, body: { slot: 'morning', temperatureC: 36.6, symptoms: [] } })],
      ['release', () => api.call('POST', `/stays/${stayId}/release`, { token: f.staff })],
      ['transfer', () => api.call('POST', `/stays/${stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital' } })],
      ['get stay', () => api.call('GET', `/stays/${stayId}`, { token: f.staff })],
      ['list stays', () => api.call('GET', `/facilities/${f.facilityId}/stays`, { token: f.staff })],
      ['board', () => api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })],
      ['reminders', () => api.call('GET', `/facilities/${f.facilityId}/reminders`, { token: f.staff })],
      ['checks', () => api.call('GET', `/stays/${stayId}/checks`, { token: f.staff })],
      ['audit (admin)', () => api.call('GET', `/stays/${stayId}/audit`, { token: f.admin })],
      ['verify', () => api.call('GET', `/verify/${newDocumentId()}`, { headers: { accept: 'application/json' } })],
      ['lab webhook', () => deliver(api, lab, { results: [result({ stayId })] })],
    ];
    // (GET /facilities/{id} may answer from the warm facility cache: not listed.)
    const answers = await Promise.all(requests.map(async ([name, call]) => ({ name, ...(await timed(call)) })));
    for (const { name, value, ms } of answers) {
      expect({ name, status: value.status }).toEqual({ name, status: 503 });
      expect(value.headers.get('retry-after'), name).toMatch(/^\d+$/);
      expect(value.headers.get('content-type'), name).toMatch(/^application\/problem\+json/);
      expect(value.body, name).toMatchObject({ status: 503, title: 'Service unavailable' });
      expect(ms, name).toBeLessThan(MAX_FAILING_REQUEST_MS);
    }
  });

  it('a job run during the outage fails (and is retried by its schedule)', async () => {
    const run = await timed(() => retestDue({ now: zonedInstant(retestDate, '00:01', 'Asia/Shanghai'), facilityIds: [f.facilityId] }).then(
      () => 'ok',
      (err: Error) => err,
    ));
    expect(run.value).toBeInstanceOf(Error);
    expect(run.ms).toBeLessThan(MAX_FAILING_REQUEST_MS);
  });

  it('after a restart on the same data: nothing half-written, requests succeed again', async () => {
    dynamo = await startDynamoLocal({ port, dbPath });
    const { stays } = await assertConsistent();
    // The three from before survived; the manifest in flight left whole rows or none.
    for (const b of before) expect(stays.some((s) => s.stayId === b.stayId)).toBe(true);
    expect(stays.length).toBeGreaterThanOrEqual(3);
    expect(stays.length).toBeLessThanOrEqual(3 + 6);

    const created = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body: registration() });
    expect(created.status).toBe(201);
    const got = await api.call('GET', `/stays/${before[0]!.stayId}`, { token: f.staff });
    expect(got.status).toBe(200);
    const board = await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff });
    expect(board.status).toBe(200);
    const sent = await deliver(api, lab, { results: [result({ stayId: before[2]!.stayId })] });
    expect(sent.status).toBe(200);
    expect(sent.body.results[0].status).toBe('stored');
    await assertConsistent();
  });

  it('the job catches up on its next run, exactly once', async () => {
    const at = (time: string) => ({ now: zonedInstant(retestDate, time, 'Asia/Shanghai'), facilityIds: [f.facilityId] });
    expect((await remindersOf(f.facilityId)).filter((r) => r.kind === 'retest_due')).toHaveLength(0);
    const next = await retestDue(at('01:05'));
    expect(next).toMatchObject({ dueToday: 2, overdue: 0, remindersWritten: 1 });
    const again = await retestDue(at('02:05'));
    expect(again.remindersWritten).toBe(0);
    const written = (await remindersOf(f.facilityId)).filter((r) => r.kind === 'retest_due');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ reminderId: `retest_due-${retestDate}`, date: retestDate });
    expect(written[0]!.lines.map((l: { stayId: string }) => l.stayId).sort()).toEqual([before[0]!.stayId, before[1]!.stayId].sort());
  });
});
