import { getActiveStays } from '../entities/active-stay-batch.js';
import { isHomeProgramme, type Facility } from '../entities/facility.js';
import { getHouseholds } from '../entities/household-batch.js';
import { listRooms } from '../entities/room.js';
import { documentRef } from '../entities/stay.js';
import { planRooms, type Placed } from '../domain/room-plan.js';
import { computeSchedule } from '../domain/schedule.js';
import { RegisterHomeStayInput } from '../schemas/home-stay.js';
import { ManifestBody } from '../schemas/manifest.js';
import { RegistrationInput } from '../schemas/registration.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import { AppError, ServiceUnavailableError, type FieldIssue } from '../shared/errors.js';
import { isUnavailable } from '../shared/http-errors.js';
import type { Principal } from '../shared/principal.js';
import { parseInput, toFieldIssues } from '../shared/validation.js';
import { loadFacilityFor } from './load-facility.js';
import { registerHomeStay, teamForCell } from './register-home-stay.js';
import { checkInPlaced, householdIdOf } from './register-stay.js';

// A flight manifest. Every row is checked first, all together: its fields, the same
// person twice in the file, a person who already has an open stay, and where it goes
// (rooms in natural order, households together, staff's room choices, beds). A dry
// run stops there and writes nothing, so its answer is exactly what submitting will
// do; the real run then checks each row in with its own transaction (one bad row
// never blocks the flight), into the room the plan gave it. In a home-isolation
// programme the rows carry home addresses instead: no room plan, each row's grid cell
// must have a team (register-home-stay.ts).

export type Problem = { status: number; title: string; detail: string; issues?: unknown; reasons?: unknown };

export type BatchRow =
  | { row: number; status: 'created'; stayId: string; roomNumber?: string; householdId?: string; teamId?: string; day1Date: string; endDate: string }
  | { row: number; status: 'ready'; roomNumber?: string; householdId?: string; teamId?: string; day1Date: string; endDate: string }
  | { row: number; status: 'refused'; problem: Problem };

export interface BatchReport {
  dryRun: boolean;
  created: number;
  ready: number;
  refused: number;
  rows: BatchRow[];
}

/** One row as the caller numbers it (array index, or the file's line), with what parsing a file already found wrong. */
export interface ManifestRow {
  row: number;
  raw: unknown;
  issues?: FieldIssue[];
}

/** Rows registered at once: fast for a 300-seat flight without starving other requests. */
const CONCURRENCY = 16;

export async function registerBatch(principal: Principal, facilityId: string, body: unknown, options: { dryRun?: boolean; now?: Date } = {}): Promise<BatchReport> {
  await loadFacilityFor(principal, facilityId);
  const parsed = parseInput(ManifestBody, body);
  const rows = (Array.isArray(parsed) ? parsed : parsed.stays).map((raw, row) => ({ row, raw }));
  return registerManifest(principal, facilityId, rows, options);
}

const refusal = (row: number, problem: Problem): BatchRow => ({ row, status: 'refused', problem });
const invalid = (row: number, issues: FieldIssue[]) => refusal(row, { status: 400, title: 'Invalid input', detail: 'The row has invalid or missing fields.', issues });
const conflict = (row: number, detail: string, code: string, message: string) => refusal(row, { status: 409, title: 'Conflict', detail, reasons: [{ code, message }] });

const PLAN_MESSAGES: Record<Exclude<Placed, { room: string; pinned: boolean }>['refused'], (room?: string) => string> = {
  unknown_room: (r) => `Room ${r} does not exist in this facility.`,
  room_not_ready: (r) => `Room ${r} is being cleaned or awaits release after inspection.`,
  room_full: (r) => `Every bed of room ${r} is taken.`,
  room_other_household: (r) => `Room ${r} holds another household.`,
  room_not_free: (r) => `Room ${r} is not free.`,
  no_free_room: () => 'No free room is left for this row: every room is occupied, full or being cleaned.',
};

/**
 * `only`: register just these rows (a large file sent in parts); the others are still
 * read, so a person twice in the file is refused in whichever part holds the repeat.
 */
export async function registerManifest(
  principal: Principal,
  facilityId: string,
  rows: readonly ManifestRow[],
  options: { dryRun?: boolean; now?: Date; only?: ReadonlySet<number> } = {},
): Promise<BatchReport> {
  const facility = await loadFacilityFor(principal, facilityId);
  const now = options.now ?? new Date();
  const outcome = new Map<number, BatchRow>();
  const home = isHomeProgramme(facility);
  const valid: { row: number; input: RegistrationInput | RegisterHomeStayInput; household: string; householdId?: string }[] = [];
  for (const r of rows) {
    const result = (home ? RegisterHomeStayInput : RegistrationInput).safeParse(r.raw);
    const issues = [...(r.issues ?? []), ...(result.success ? [] : toFieldIssues(result.error).filter((i) => !(r.issues ?? []).some((p) => p.path === i.path)))];
    if (issues.length || !result.success) outcome.set(r.row, invalid(r.row, issues));
    else {
      const mark = 'household' in result.data ? result.data.household : undefined;
      const householdId = mark ? householdIdOf(mark) : undefined;
      valid.push({ row: r.row, input: result.data, household: householdId ?? `SOLO#${r.row}`, householdId });
    }
  }

  // The same person twice in the file: the first row stands.
  const firstRow = new Map<string, number>();
  const unique = valid.filter((v) => {
    const ref = documentRef(v.input.person.document);
    const first = firstRow.get(ref);
    if (first === undefined) {
      firstRow.set(ref, v.row);
      return true;
    }
    outcome.set(v.row, conflict(v.row, 'The same travel document is on another row of this manifest.', 'duplicate_in_file', `Same travel document as row ${first}.`));
    return false;
  });

  const [open, rooms, pointers] = await Promise.all([
    getActiveStays((options.only ? unique.filter((v) => options.only?.has(v.row)) : unique).map((v) => v.input.person.document)),
    home ? [] : listRooms(facility.facilityId),
    home ? new Map() : getHouseholds(facility.facilityId, unique.flatMap((v) => (v.householdId ? [v.householdId] : []))),
  ]);
  const chosen = options.only ? unique.filter((v) => options.only?.has(v.row)) : unique;
  const placeable = chosen.filter((v) => {
    const hit = open.get(documentRef(v.input.person.document));
    if (!hit) return true;
    const here = hit.facilityId === facility.facilityId;
    outcome.set(v.row, conflict(v.row, 'This person already has an open stay.', 'person_has_open_stay', here ? `Already registered here as stay ${hit.stayId}.` : 'Registered at another facility.'));
    return false;
  });
  if (home) {
    await homeRows(principal, facility, placeable.map((v) => ({ row: v.row, input: v.input as RegisterHomeStayInput })), outcome, options.dryRun === true, now);
    return reportOf(rows, outcome, options);
  }

  // Rows of each household in the file, refused ones too (their beds wait for the fixed rows).
  const listed = new Map<string, number>();
  for (const r of rows) {
    const mark = (r.raw as { household?: unknown } | null)?.household;
    if (typeof mark === 'string' && mark.trim()) listed.set(householdIdOf(mark), (listed.get(householdIdOf(mark)) ?? 0) + 1);
  }
  const plan = planRooms(
    rooms,
    placeable.map((v) => ({ index: v.row, household: v.household, pinnedRoom: v.input.roomNumber })),
    new Map([...pointers].map(([id, h]) => [id, h.roomNumber])),
    listed,
  );
  const toPlace: (typeof placeable[number] & { room: string; pinned: boolean; seen?: string; householdRooms: string[] })[] = [];
  for (const v of placeable) {
    const p = plan.get(v.row);
    if (!p || 'refused' in p) {
      const code = p?.refused ?? 'no_free_room';
      outcome.set(v.row, conflict(v.row, 'No bed for this row.', code, PLAN_MESSAGES[code](p && 'room' in p ? p.room : undefined)));
      continue;
    }
    toPlace.push({ ...v, room: p.room, pinned: p.pinned, householdRooms: p.householdRooms, seen: v.householdId ? pointers.get(v.householdId)?.roomNumber : undefined });
  }

  if (options.dryRun) {
    for (const v of toPlace) {
      const schedule = computeSchedule(v.input.arrival.arrivedAt, facility.timeZone, facility.policy);
      outcome.set(v.row, { row: v.row, status: 'ready', roomNumber: v.room, ...(v.householdId ? { householdId: v.householdId } : {}), day1Date: schedule.day1Date, endDate: schedule.endDate });
    }
  } else {
    let unavailable = 0;
    // A household's members one after another (they share a room and its pointer, and
    // would only collide); households and people alone side by side.
    const groups = new Map<string, typeof toPlace>();
    for (const v of toPlace) groups.set(v.household, [...(groups.get(v.household) ?? []), v]);
    const place = async (v: (typeof toPlace)[number]) => {
      try {
        const stay = await checkInPlaced(principal, facility, v.input as RegistrationInput, now, v.pinned ? { pinnedRoom: v.room } : { plannedRoom: v.room, householdRoomSeen: v.seen, householdRooms: v.householdRooms });
        outcome.set(v.row, {
          row: v.row,
          status: 'created',
          stayId: stay.stayId,
          roomNumber: stay.roomNumber,
          ...(stay.householdId ? { householdId: stay.householdId } : {}),
          day1Date: stay.schedule.day1Date,
          endDate: stay.schedule.endDate,
        });
      } catch (err) {
        if (err instanceof AppError) outcome.set(v.row, refusal(v.row, { status: err.status, title: err.title, detail: err.message, ...err.extras }));
        else if (isUnavailable(err)) {
          unavailable++;
          outcome.set(v.row, refusal(v.row, { status: 503, title: 'Service unavailable', detail: 'Not registered: the data store was unavailable. Resubmit this row.' }));
        } else throw err;
      }
    };
    await mapWithConcurrency([...groups.values()], CONCURRENCY, async (members) => {
      for (const v of members) await place(v);
    });
    // Nothing was registered because the data store was down: the whole manifest is a
    // 503 with Retry-After (resending it is safe), not a 200 listing every row as refused.
    if (unavailable > 0 && ![...outcome.values()].some((r) => r.status === 'created')) {
      throw new ServiceUnavailableError('The data store was unavailable: no row was registered. Resend the manifest shortly.');
    }
  }
  return reportOf(rows, outcome, options);
}

function reportOf(rows: readonly ManifestRow[], outcome: Map<number, BatchRow>, options: { dryRun?: boolean; only?: ReadonlySet<number> }): BatchReport {
  const report = rows.filter((r) => !options.only || options.only.has(r.row)).map((r) => outcome.get(r.row) as BatchRow);
  return {
    dryRun: options.dryRun === true,
    created: report.filter((r) => r.status === 'created').length,
    ready: report.filter((r) => r.status === 'ready').length,
    refused: report.filter((r) => r.status === 'refused').length,
    rows: report,
  };
}

/** A home programme's rows: each needs a team for its grid cell; the real run registers them side by side. */
async function homeRows(
  principal: Principal,
  facility: Facility,
  rows: { row: number; input: RegisterHomeStayInput }[],
  outcome: Map<number, BatchRow>,
  dryRun: boolean,
  now: Date,
): Promise<void> {
  let unavailable = 0;
  await mapWithConcurrency(rows, CONCURRENCY, async (v) => {
    try {
      if (dryRun) {
        const teamId = await teamForCell(facility.facilityId, v.input.home.gridCell);
        const schedule = computeSchedule(v.input.arrival.arrivedAt, facility.timeZone, facility.policy);
        outcome.set(v.row, { row: v.row, status: 'ready', teamId, day1Date: schedule.day1Date, endDate: schedule.endDate });
        return;
      }
      const stay = await registerHomeStay(principal, facility, v.input, now);
      outcome.set(v.row, {
        row: v.row,
        status: 'created',
        stayId: stay.stayId,
        ...(stay.teamId !== undefined ? { teamId: stay.teamId } : {}),
        day1Date: stay.schedule.day1Date,
        endDate: stay.schedule.endDate,
      });
    } catch (err) {
      if (err instanceof AppError) outcome.set(v.row, refusal(v.row, { status: err.status, title: err.title, detail: err.message, ...err.extras }));
      else if (isUnavailable(err)) {
        unavailable++;
        outcome.set(v.row, refusal(v.row, { status: 503, title: 'Service unavailable', detail: 'Not registered: the data store was unavailable. Resubmit this row.' }));
      } else throw err;
    }
  });
  if (unavailable > 0 && ![...outcome.values()].some((r) => r.status === 'created')) {
    throw new ServiceUnavailableError('The data store was unavailable: no row was registered. Resend the manifest shortly.');
  }
}
