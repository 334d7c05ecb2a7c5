import * as z from 'zod';
import { FEVER_HISTORY_POLICIES } from '../../domain/document-eligibility.js';
import { actor, date, dateTime, DayCheckStatus, Policy } from './common.js';

export const Facility = z
  .object({
    facilityId: z.string(),
    kind: z.enum(['hotel', 'home_programme']).optional().describe('Absent: a hotel. home_programme: home isolation, no rooms'),
    level: z.enum(['district', 'street', 'community']).optional().describe("A home programme's level"),
    homeRelease: z.object({ quietSlots: z.int() }).optional().describe('Home release: the latest check slots that must show no fever or symptom'),
    name: z.string(),
    nameEn: z.string().optional().describe('The name English text prints (otherwise name)'),
    timeZone: z.string(),
    policy: Policy,
    authority: z.object({ name: z.string(), nameEn: z.string().optional() }).optional().describe('The body that issues and seals the documents (otherwise the facility)'),
    feverHistoryCertificate: z.enum(FEVER_HISTORY_POLICIES).optional().describe('A fever or symptom on file: stated on the certificate (default), or a doctor signs off first'),
    createdAt: dateTime,
    createdBy: actor,
  })
  .meta({ id: 'Facility' });

export const FacilityList = z.object({ facilities: z.array(Facility) });

export const AddRoomsResult = z.object({
  added: z.array(z.string()).describe('Rooms created by this call'),
  existing: z.array(z.string()).describe('Rooms that already existed (left as they were)'),
});

export const FreedRoom = z.object({ facilityId: z.string(), roomNumber: z.string(), state: z.literal('free') });

const ROOM_STATES = ['free', 'occupied', 'cleaning'] as const;

export const Board = z.object({
  facilityId: z.string(),
  date,
  counts: z.object({ free: z.int(), occupied: z.int(), cleaning: z.int() }),
  checks: z.object({ missing: z.int(), alerts: z.int() }).describe('Occupied rooms with a check overdue today, and rooms with a fever or symptom today'),
  rooms: z.array(
    z.object({
      roomNumber: z.string(),
      state: z.enum(ROOM_STATES),
      occupant: z
        .object({ stayId: z.string(), nameNative: z.string(), nameLatin: z.string(), dayOfStay: z.int(), endDate: date, status: z.string(), checks: DayCheckStatus })
        .optional(),
    }),
  ),
});

const counts = z.record(z.string(), z.int());

export const FacilityStats = z.object({
  facilityId: z.string(),
  months: z.array(z.object({ month: z.string().describe('yyyy-mm (facility time)'), stays: z.int(), byStatus: counts, byCategory: counts, updatedAt: dateTime })),
  total: z.object({ stays: z.int(), byStatus: counts, byCategory: counts }),
});
