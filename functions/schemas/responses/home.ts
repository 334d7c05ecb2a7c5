import * as z from 'zod/mini';
import { HOME_RELEASE_REFUSAL_CODES } from '../../domain/home-release.js';
import { actor, date, dateTime, describe } from './common.js';

// Responses of home isolation (schemas/home.ts holds the requests).

export const HomeAddress = z.object({ address: z.string(), community: z.string(), gridCell: z.string() });

export const LinkedStay = z.object({ stayId: z.string(), facilityId: z.string(), roomNumber: z.optional(z.string()), date });

export const EndCheck = z.object({ doctorName: z.string(), fit: z.boolean(), note: z.optional(z.string()), date, recordedAt: dateTime, recordedBy: actor });

const Role = z.enum(['cadre', 'doctor', 'police']);
const Member = z.object({ name: z.string(), phone: z.string(), staffSub: z.optional(z.string()) });

export const Team = z.object({
  teamId: z.string(),
  facilityId: z.string(),
  name: z.string(),
  members: z.object({ cadre: Member, doctor: Member, police: Member }),
  gridCells: z.array(z.string()),
  duty: describe(z.optional(z.object({ morning: z.optional(Role), evening: z.optional(Role) })), 'The member on duty per report slot (absent: the cadre)'),
  createdAt: dateTime,
  createdBy: actor,
  version: z.optional(z.int()),
  updatedAt: z.optional(dateTime),
  updatedBy: z.optional(actor),
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
  load: z.object({
    people: z.int(),
    positive: z.int(),
    endingToday: z.int(),
    readyForRelease: z.int(),
    gridCells: z.int(),
    openFollowUps: describe(z.int(), 'Follow-ups of missed reports not yet marked done (the whole team)'),
    notReported: describe(z.int(), 'Not reported this slot'),
    fever: describe(z.int(), 'Fever or symptom today or yesterday'),
  }),
  duty: describe(z.object({ morning: Role, evening: Role }), 'Who is on duty for each report slot'),
  followUps: z.optional(
    z.array(
      z.extend(Person, {
        followUpId: z.string(),
        date,
        slot: z.enum(['morning', 'evening']),
        step: describe(z.int(), 'Escalation steps taken so far (3: the team task; 4: the supervisor was told too)'),
        deadlineAt: dateTime,
        openedAt: dateTime,
        role: describe(Role, 'The member whose task it is (on duty for the slot when it opened)'),
        assignee: z.string(),
        reportedAt: z.optional(dateTime),
      }),
    ).check(z.describe("Open follow-ups of missed reports: the team's, or the member's own with ?member=")),
  ),
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
