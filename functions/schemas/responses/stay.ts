import * as z from 'zod';
import { actor, date, dateTime, DayCheckStatus, Page, Policy, Schedule } from './common.js';
import { Problem } from './problem.js';
import { EndCheck, HomeAddress, LinkedStay } from './home.js';

const STATUSES = ['active', 'positive', 'transferred', 'released', 'continued'] as const;
const CATEGORIES = ['inbound', 'close_contact', 'secondary_contact'] as const;
const LANGUAGES = ['zh', 'en', 'ko'] as const;
const SEXES = ['F', 'M', 'X'] as const;

const TravelDocument = z.object({ type: z.enum(['passport', 'id_card', 'travel_permit', 'other']), number: z.string(), country: z.string() });

const Person = z
  .object({
    nameNative: z.string(),
    nameLatin: z.string(),
    sex: z.enum(SEXES),
    birthDate: date,
    nationality: z.string(),
    document: TravelDocument,
    phone: z.string(),
    language: z.enum(LANGUAGES),
  })
  .meta({ id: 'Person' });

/** What retention keeps of a person: nothing (the monthly counts are all that is kept). */
const AnonymousPerson = z.object({}).meta({ id: 'AnonymousPerson' });

export const Departure = z
  .object({
    destination: z.object({ city: z.string(), country: z.string() }),
    mode: z.enum(['flight', 'train', 'bus', 'car']),
    number: z.string().optional(),
    departureAt: dateTime,
    localDate: date.describe('Facility-local date of departure'),
    localTime: z.string().describe('Facility-local time HH:MM'),
    updatedAt: dateTime,
    updatedBy: actor,
  })
  .meta({ id: 'Departure' });

/** One person's file for one stay; after retention (`anonymizedAt`) only the anonymous part is left. */
export const Stay = z
  .object({
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: z.string().optional().describe('The hotel room (absent for home isolation)'),
    home: z.optional(HomeAddress).describe('Home isolation: the address and its grid cell'),
    teamId: z.string().optional().describe('Home isolation: the three-person team following the person'),
    continuesFrom: z.optional(LinkedStay).describe('A home stay continuing a hotel stay ("14 + 7")'),
    continuedAs: z.optional(LinkedStay).describe('A hotel stay that continued at home (status continued)'),
    endCheck: z.optional(EndCheck).describe("Home isolation: the end-of-period health check by the team's doctor"),
    status: z.enum(STATUSES),
    category: z.enum(CATEGORIES),
    person: z.union([Person, AnonymousPerson]),
    arrival: z.object({ arrivedAt: dateTime, flightNumber: z.string().optional(), originCountry: z.string().optional() }).optional().describe('Absent once retention removed the personal data'),
    diet: z.string().optional(),
    ethnicity: z.string().optional(),
    specialConditions: z.array(z.string()).optional().describe('Absent once retention removed the personal data'),
    notes: z.string().optional(),
    policy: Policy.describe('The facility policy in force at check-in (or as changed for this stay)'),
    schedule: Schedule,
    departure: Departure.optional(),
    transfer: z.object({ destination: z.string().optional(), note: z.string().optional(), at: dateTime, by: actor }).optional(),
    positiveAt: dateTime.optional(),
    lastResultAt: dateTime.optional(),
    releasedAt: dateTime.optional(),
    releasedBy: actor.optional(),
    healthSignoff: z
      .object({ doctorName: z.string(), note: z.string(), signedAt: dateTime, recordedBy: actor })
      .optional()
      .describe("A doctor's sign-off of a fever or symptom history (for the health certificate)"),
    anonymizedAt: dateTime.optional(),
    createdAt: dateTime,
    createdBy: actor,
    updatedAt: dateTime,
    version: z.int(),
    dayOfStay: z.int().optional().describe("Today's day of stay (open stays only)"),
    checksToday: DayCheckStatus.optional().describe("Today's temperature checks (open stays only)"),
  })
  .meta({ id: 'Stay' });

export const RegisteredStay = z.object({
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.string().optional(),
  status: z.enum(STATUSES),
  schedule: Schedule,
  stay: Stay,
});

export const StayList = z.object({ stays: z.array(Stay), ...Page });

const { type: _type, requestId: _requestId, ...problemFields } = Problem.shape;

export const BatchReport = z.object({
  created: z.int(),
  refused: z.int(),
  rows: z.array(
    z.discriminatedUnion('status', [
      z.object({ row: z.int(), status: z.literal('created'), stayId: z.string(), roomNumber: z.string().optional(), teamId: z.string().optional(), day1Date: date, endDate: date }),
      z.object({ row: z.int().describe('0-based index in the manifest'), status: z.literal('refused'), problem: z.object(problemFields) }),
    ]),
  ),
});

export const ScheduleChange = z.object({
  stayId: z.string(),
  policy: Policy,
  schedule: Schedule,
  previous: z.object({ policy: Policy, schedule: Schedule }),
  reason: z.string(),
  warnings: z.array(z.object({ code: z.enum(['departure_before_release']), message: z.string() })),
});

export const Transferred = z.object({ stayId: z.string(), status: z.literal('transferred'), transferredAt: dateTime });

export const AuditTrail = z.object({
  stayId: z.string(),
  entries: z.array(z.object({ stayId: z.string(), at: dateTime, actor, action: z.string(), changes: z.record(z.string(), z.unknown()) })),
});
