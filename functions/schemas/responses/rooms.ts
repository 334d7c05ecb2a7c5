import * as z from 'zod';
import { actor, date, dateTime, DayCheckStatus } from './common.js';
import { FieldIssue, Reason } from './problem.js';
import { problemFields } from './stay.js';

// Responses of rooms, readiness and manifests (issue 14).

const ROOM_STATES = ['free', 'occupied', 'cleaning', 'inspected'] as const;
const stateCounts = z.object({ free: z.int(), occupied: z.int(), cleaning: z.int(), inspected: z.int() });

const BoardOccupant = z.object({ stayId: z.string(), nameNative: z.string(), nameLatin: z.string(), dayOfStay: z.int(), endDate: date, status: z.string(), checks: DayCheckStatus });

export const Board = z.object({
  facilityId: z.string(),
  date,
  inspectionRequired: z.boolean().describe('A cleaned room must be inspected before it is offered again'),
  counts: stateCounts,
  beds: z.object({ total: z.int(), used: z.int(), free: z.int() }),
  checks: z.object({ missing: z.int(), alerts: z.int() }).describe('Occupants with a check overdue today, and with a fever or symptom today'),
  floors: z.array(z.object({ floor: z.string().describe('"" for rooms without a floor'), rooms: z.int(), counts: stateCounts })),
  rooms: z.array(
    z.object({
      roomNumber: z.string(),
      state: z.enum(ROOM_STATES),
      capacity: z.int().describe('Beds'),
      floor: z.string().optional(),
      zone: z.string().optional().describe('Care area'),
      householdId: z.string().optional().describe('The household in the room (absent for someone alone)'),
      occupants: z.array(BoardOccupant).describe('Everyone in the room, in check-in order'),
      occupant: BoardOccupant.optional().describe('The first occupant'),
      cleaningSince: dateTime.optional(),
      inspectedAt: dateTime.optional(),
      inspectedBy: actor.optional(),
    }),
  ),
});

const RoomStep = z.object({ roomNumber: z.string(), state: z.enum(['inspected', 'free']), inspectedAt: dateTime.optional(), inspectedBy: actor.optional() });

export const RoomStepResult = RoomStep.extend({ facilityId: z.string() });

export const ReadinessResult = z.object({
  facilityId: z.string(),
  action: z.enum(['inspect', 'free']),
  done: z.array(RoomStep),
  refused: z.array(z.object({ roomNumber: z.string(), code: z.enum(['room_not_cleaning', 'room_needs_inspection', 'room_not_ready_to_free']), message: z.string() })),
});

export const RoomPolicy = z.object({ facilityId: z.string(), inspectionRequired: z.boolean() });

const placed = { roomNumber: z.string(), householdId: z.string().optional(), day1Date: date, endDate: date };

export const ManifestReport = z.object({
  dryRun: z.boolean(),
  created: z.int(),
  ready: z.int().describe('Dry run: rows that submitting will create'),
  refused: z.int(),
  rows: z.array(
    z.discriminatedUnion('status', [
      z.object({ row: z.int(), status: z.literal('created'), stayId: z.string(), ...placed }),
      z.object({ row: z.int(), status: z.literal('ready'), ...placed }),
      z.object({ row: z.int().describe('0-based index in the manifest'), status: z.literal('refused'), problem: z.object(problemFields) }),
    ]),
  ),
});

const ImportIssue = FieldIssue.extend({ column: z.string().optional().describe('The header of the column in the file') });

export const ImportReport = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']).optional().describe('CSV: the text encoding detected'),
  columns: z.array(z.object({ header: z.string(), field: z.string() })).describe('The columns read, by header as in the file'),
  ignoredColumns: z.array(z.string()),
  total: z.int().describe('Data rows in the file'),
  created: z.int(),
  ready: z.int(),
  refused: z.int(),
  rows: z.array(
    z.object({
      row: z.int().describe('Row number as Excel shows it'),
      status: z.enum(['created', 'ready', 'refused']),
      name: z.string(),
      stayId: z.string().optional(),
      roomNumber: z.string().optional(),
      householdId: z.string().optional(),
      day1Date: date.optional(),
      endDate: date.optional(),
      problem: z.object({ ...problemFields, issues: z.array(ImportIssue).optional(), reasons: z.array(Reason).optional() }).optional(),
      reason: z.string().optional().describe('Why refused, Chinese then English, as the refused-rows file prints it'),
    }),
  ),
});

export const RefusedFile = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() });
