import * as z from 'zod/mini';
import { FEVER_HISTORY_POLICIES } from '../../domain/document-eligibility.js';
import { actor, dateTime, describe, meta, Policy } from './common.js';

export const Facility = meta(z.object({
    facilityId: z.string(),
    kind: describe(z.optional(z.enum(['hotel', 'home_programme'])), 'Absent: a hotel. home_programme: home isolation, no rooms'),
    level: describe(z.optional(z.enum(['district', 'street', 'community'])), "A home programme's level"),
    homeRelease: describe(z.optional(z.object({ quietSlots: z.int() })), 'Home release: the latest check slots that must show no fever or symptom'),
    name: z.string(),
    nameEn: describe(z.optional(z.string()), 'The name English text prints (otherwise name)'),
    timeZone: z.string(),
    policy: Policy,
    authority: describe(z.optional(z.object({ name: z.string(), nameEn: z.optional(z.string()) })), 'The body that issues and seals the documents (otherwise the facility)'),
    feverHistoryCertificate: describe(z.optional(z.enum(FEVER_HISTORY_POLICIES)), 'A fever or symptom on file: stated on the certificate (default), or a doctor signs off first'),
    roomReadiness: describe(z.optional(z.object({ inspectionRequired: z.boolean() })), 'Whether a cleaned room must be inspected before it is offered again (absent: not required)'),
    createdAt: dateTime,
    createdBy: actor,
  }), { id: 'Facility' });

export const FacilityList = z.object({ facilities: z.array(Facility) });

export const AddRoomsResult = z.object({
  added: describe(z.array(z.string()), 'Rooms created by this call'),
  existing: describe(z.array(z.string()), 'Rooms that already existed (left as they were)'),
});

export const FreedRoom = z.object({ facilityId: z.string(), roomNumber: z.string(), state: z.literal('free') });

const counts = z.record(z.string(), z.int());

export const FacilityStats = z.object({
  facilityId: z.string(),
  months: z.array(z.object({ month: describe(z.string(), 'yyyy-mm (facility time)'), stays: z.int(), byStatus: counts, byCategory: counts, updatedAt: dateTime })),
  total: z.object({ stays: z.int(), byStatus: counts, byCategory: counts }),
});
