import * as z from 'zod/mini';
import { actor, date, dateTime, DayCheckStatus, describe } from './common.js';
import { BOARD_FLAGS } from '../../domain/board-flags.js';
import { FieldIssue, Reason } from './problem.js';
import { problemFields } from './stay.js';

// Responses of rooms, readiness and manifests (issue 14).

const ROOM_STATES = ['free', 'occupied', 'cleaning', 'inspected'] as const;
const stateCounts = z.object({ free: z.int(), occupied: z.int(), cleaning: z.int(), inspected: z.int() });

const BoardOccupant = z.object({
  stayId: z.string(),
  nameNative: z.string(),
  nameLatin: z.string(),
  dayOfStay: z.int(),
  endDate: date,
  status: z.string(),
  checks: DayCheckStatus,
  flags: describe(
    z.array(z.enum(BOARD_FLAGS)),
    'positive (awaiting transfer), alert (fever or symptom today), missing (a check overdue), retest_due (today), release_due (document day reached), expired (period over, not released); most urgent first',
  ),
});

export const Board = z.object({
  facilityId: z.string(),
  date,
  inspectionRequired: describe(z.boolean(), 'A cleaned room must be inspected before it is offered again'),
  counts: stateCounts,
  beds: z.object({ total: z.int(), used: z.int(), free: z.int() }),
  checks: describe(z.object({ missing: z.int(), alerts: z.int() }), 'Occupants with a check overdue today, and with a fever or symptom today'),
  floors: z.array(z.object({ floor: describe(z.string(), '"" for rooms without a floor'), rooms: z.int(), counts: stateCounts })),
  attention: describe(
    z.object(Object.fromEntries(BOARD_FLAGS.map((f) => [f, z.int()])) as Record<(typeof BOARD_FLAGS)[number], z.ZodMiniInt>),
    'Occupied rooms per flag one of their occupants shows',
  ),
  rooms: z.array(
    z.object({
      roomNumber: z.string(),
      state: z.enum(ROOM_STATES),
      capacity: describe(z.int(), 'Beds'),
      floor: z.optional(z.string()),
      zone: describe(z.optional(z.string()), 'Care area'),
      householdId: describe(z.optional(z.string()), 'The household in the room (absent for someone alone)'),
      occupants: describe(z.array(BoardOccupant), 'Everyone in the room, in check-in order'),
      occupant: describe(z.optional(BoardOccupant), 'The first occupant'),
      cleaningSince: z.optional(dateTime),
      inspectedAt: z.optional(dateTime),
      inspectedBy: z.optional(actor),
    }),
  ),
});

const roomStep = { roomNumber: z.string(), state: z.enum(['inspected', 'free']), inspectedAt: z.optional(dateTime), inspectedBy: z.optional(actor) };

export const RoomStepResult = z.object({ facilityId: z.string(), ...roomStep });

export const ReadinessResult = z.object({
  facilityId: z.string(),
  action: z.enum(['inspect', 'free']),
  done: z.array(z.object(roomStep)),
  refused: z.array(z.object({ roomNumber: z.string(), code: z.enum(['room_not_cleaning', 'room_needs_inspection', 'room_not_ready_to_free']), message: z.string() })),
});

export const RoomPolicy = z.object({ facilityId: z.string(), inspectionRequired: z.boolean() });

const placed = {
  roomNumber: describe(z.optional(z.string()), 'The room (absent in a home-isolation programme)'),
  householdId: z.optional(z.string()),
  teamId: describe(z.optional(z.string()), 'Home isolation: the team of the grid cell'),
  day1Date: date,
  endDate: date,
};

export const ManifestReport = z.object({
  dryRun: z.boolean(),
  created: z.int(),
  ready: describe(z.int(), 'Dry run: rows that submitting will create'),
  refused: z.int(),
  rows: z.array(
    z.discriminatedUnion('status', [
      z.object({ row: z.int(), status: z.literal('created'), stayId: z.string(), ...placed }),
      z.object({ row: z.int(), status: z.literal('ready'), ...placed }),
      z.object({ row: describe(z.int(), '0-based index in the manifest'), status: z.literal('refused'), problem: z.object(problemFields) }),
    ]),
  ),
});

const ImportIssue = z.extend(FieldIssue, { column: describe(z.optional(z.string()), 'The header of the column in the file') });

export const ImportReport = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  encoding: describe(z.optional(z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])), 'CSV: the text encoding detected'),
  columns: describe(z.array(z.object({ header: z.string(), field: z.string() })), 'The columns read, by header as in the file'),
  ignoredColumns: z.array(z.string()),
  total: describe(z.int(), 'Data rows in the file'),
  created: z.int(),
  ready: z.int(),
  refused: z.int(),
  rows: z.array(
    z.object({
      row: describe(z.int(), 'Row number as Excel shows it'),
      status: z.enum(['created', 'ready', 'refused']),
      name: z.string(),
      stayId: z.optional(z.string()),
      roomNumber: z.optional(z.string()),
      householdId: z.optional(z.string()),
      day1Date: z.optional(date),
      endDate: z.optional(date),
      problem: z.optional(z.object({ ...problemFields, issues: z.optional(z.array(ImportIssue)), reasons: z.optional(z.array(Reason)) })),
      reason: describe(z.optional(z.string()), 'Why refused, Chinese then English, as the refused-rows file prints it'),
    }),
  ),
});

export const RefusedFile = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() });
