import * as z from 'zod/mini';
import { HOME_RELEASE_REFUSAL_CODES } from '../../domain/home-release.js';
import { actor, date, dateTime, describe } from './common.js';

// Responses of home isolation (schemas/home.ts holds the requests).

export const HomeAddress = z.object({ address: z.string(), community: z.string(), gridCell: z.string() });

export const LinkedStay = z.object({ stayId: z.string(), facilityId: z.string(), roomNumber: z.optional(z.string()), date });

export const EndCheck = z.object({ doctorName: z.string(), fit: z.boolean(), note: z.optional(z.string()), date, recordedAt: dateTime, recordedBy: actor });

const Member = z.object({ name: z.string(), phone: z.string(), staffSub: z.optional(z.string()) });

export const Team = z.object({
  teamId: z.string(),
  facilityId: z.string(),
  name: z.string(),
  members: z.object({ cadre: Member, doctor: Member, police: Member }),
  gridCells: z.array(z.string()),
  createdAt: dateTime,
  createdBy: actor,
});

export const TeamList = z.object({ facilityId: z.string(), teams: z.array(Team) });

export const TeamAssignment = z.object({ stayId: z.string(), teamId: z.string(), previousTeamId: z.optional(z.string()), reason: z.string(), at: dateTime });

export const LedgerEntry = z.object({
  stayId: z.string(),
  at: dateTime,
  actor,
  event: z.enum(['check_in', 'schedule_changed', 'continued_at_home', 'continued_from_hotel']),
  oldEndDate: z.optional(date),
  newEndDate: date,
  reason: z.string(),
});

export const Ledger = z.object({ stayId: z.string(), endDate: date, entries: z.array(LedgerEntry) });

const Refusal = z.object({ code: z.enum(HOME_RELEASE_REFUSAL_CODES), message: z.string(), messageZh: z.string() });

/** One person on a team's worklist. */
const Person = z.object({
  stayId: z.string(),
  nameNative: z.string(),
  nameLatin: z.string(),
  phone: z.string(),
  address: z.string(),
  community: z.string(),
  gridCell: z.string(),
  dayOfStay: z.int(),
  endDate: date,
  status: z.string(),
});

const SlotRef = z.object({ date, slot: z.enum(['morning', 'evening']) });

export const Worklist = z.object({
  facilityId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  member: z.optional(z.object({ role: z.enum(['cadre', 'doctor', 'police']), name: z.string(), phone: z.string() })),
  date,
  slot: SlotRef,
  slotOverdue: z.boolean(),
  load: z.object({ people: z.int(), positive: z.int(), endingToday: z.int(), readyForRelease: z.int(), gridCells: z.int() }),
  notReported: z.optional(z.array(z.extend(Person, { lastReportedAt: z.optional(dateTime) }))),
  fever: z.optional(z.array(z.extend(Person, { readings: z.array(z.extend(SlotRef, { temperatureC: z.number() })) }))),
  testsDue: z.optional(z.array(z.extend(Person, { retestDate: date, overdue: z.boolean() }))),
  release: z.optional(
    z.object({
      ready: z.array(Person),
      waiting: z.array(z.extend(Person, { reasons: z.array(Refusal) })).check(z.describe('End date reached but a condition is unmet')),
    }),
  ),
});

export const EndCheckResult = z.object({ stayId: z.string(), endCheck: EndCheck });

export const Continuation = z.object({
  hotelStay: z.object({ stayId: z.string(), status: z.literal('continued'), roomNumber: z.optional(z.string()), roomState: describe(z.enum(['cleaning', 'occupied']), 'cleaning when the last occupant left the room; occupied while housemates remain'), endDate: date }),
  homeStay: z.object({ stayId: z.string(), facilityId: z.string(), teamId: z.string(), schedule: z.object({ day1Date: date, retestDates: z.array(date), documentDate: date, endDate: date, releaseDate: date }) }),
});
