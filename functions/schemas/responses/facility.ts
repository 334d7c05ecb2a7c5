import * as z from 'zod/mini';
import { FEVER_HISTORY_POLICIES } from '../../domain/document-eligibility.js';
import { BOARD_FLAGS } from '../../domain/board-flags.js';
import { actor, date, dateTime, DayCheckStatus, describe, meta, Policy } from './common.js';

export const Facility = meta(z.object({
    facilityId: z.string(),
    name: z.string(),
    nameEn: describe(z.optional(z.string()), 'The name English text prints (otherwise name)'),
    timeZone: z.string(),
    policy: Policy,
    authority: describe(z.optional(z.object({ name: z.string(), nameEn: z.optional(z.string()) })), 'The body that issues and seals the documents (otherwise the facility)'),
    feverHistoryCertificate: describe(z.optional(z.enum(FEVER_HISTORY_POLICIES)), 'A fever or symptom on file: stated on the certificate (default), or a doctor signs off first'),
    createdAt: dateTime,
    createdBy: actor,
  }), { id: 'Facility' });

export const FacilityList = z.object({ facilities: z.array(Facility) });

export const AddRoomsResult = z.object({
  added: describe(z.array(z.string()), 'Rooms created by this call'),
  existing: describe(z.array(z.string()), 'Rooms that already existed (left as they were)'),
});

export const FreedRoom = z.object({ facilityId: z.string(), roomNumber: z.string(), state: z.literal('free') });

const ROOM_STATES = ['free', 'occupied', 'cleaning'] as const;

export const Board = z.object({
  facilityId: z.string(),
  date,
  counts: z.object({ free: z.int(), occupied: z.int(), cleaning: z.int() }),
  checks: describe(z.object({ missing: z.int(), alerts: z.int() }), 'Occupied rooms with a check overdue today, and rooms with a fever or symptom today'),
  attention: describe(z.object(Object.fromEntries(BOARD_FLAGS.map((f) => [f, z.int()])) as Record<(typeof BOARD_FLAGS)[number], z.ZodMiniInt>), 'Occupied rooms per state that needs action'),
  rooms: z.array(
    z.object({
      roomNumber: z.string(),
      state: z.enum(ROOM_STATES),
      occupant: z.optional(z.object({
        stayId: z.string(),
        nameNative: z.string(),
        nameLatin: z.string(),
        dayOfStay: z.int(),
        endDate: date,
        status: z.string(),
        checks: DayCheckStatus,
        flags: describe(z.array(z.enum(BOARD_FLAGS)), 'positive (awaiting transfer), alert (fever or symptom today), missing (a check overdue), retest_due (today), release_due (document day reached), expired (period over, not released); most urgent first'),
      })),
    }),
  ),
});

const counts = z.record(z.string(), z.int());

export const FacilityStats = z.object({
  facilityId: z.string(),
  months: z.array(z.object({ month: describe(z.string(), 'yyyy-mm (facility time)'), stays: z.int(), byStatus: counts, byCategory: counts, updatedAt: dateTime })),
  total: z.object({ stays: z.int(), byStatus: counts, byCategory: counts }),
});
