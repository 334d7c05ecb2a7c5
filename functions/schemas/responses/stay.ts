import * as z from 'zod/mini';
import { actor, date, dateTime, DayCheckStatus, describe, meta, Page, Policy, Schedule } from './common.js';
import { Problem } from './problem.js';
import { EndCheck, HomeAddress, LinkedStay } from './home.js';

const STATUSES = ['active', 'positive', 'transferred', 'released', 'continued', 'cancelled'] as const;
const CATEGORIES = ['inbound', 'close_contact', 'secondary_contact'] as const;
const LANGUAGES = ['zh', 'en', 'ko'] as const;
const SEXES = ['F', 'M', 'X'] as const;

const TravelDocument = z.object({ type: z.enum(['passport', 'id_card', 'travel_permit', 'other']), number: z.string(), country: z.string() });

const Person = meta(z.object({
    nameNative: z.string(),
    nameLatin: z.string(),
    sex: z.enum(SEXES),
    birthDate: date,
    nationality: z.string(),
    document: TravelDocument,
    phone: z.string(),
    language: z.enum(LANGUAGES),
  }), { id: 'Person' });

/** What retention keeps of a person: nothing (the monthly counts are all that is kept). */
const AnonymousPerson = meta(z.object({}), { id: 'AnonymousPerson' });

export const Departure = meta(z.object({
    destination: z.object({ city: z.string(), country: z.string() }),
    mode: z.enum(['flight', 'train', 'bus', 'car']),
    number: z.optional(z.string()),
    departureAt: dateTime,
    localDate: describe(date, 'Facility-local date of departure'),
    localTime: describe(z.string(), 'Facility-local time HH:MM'),
    pickupAt: describe(z.optional(dateTime), 'When the vehicle picks the person up (the train or flight leaves at departureAt)'),
    pickupLocalTime: describe(z.optional(z.string()), 'Facility-local pickup time HH:MM'),
    updatedAt: dateTime,
    updatedBy: actor,
  }), { id: 'Departure' });

/** One person's file for one stay; after retention (`anonymizedAt`) only the anonymous part is left. */
export const Stay = meta(z.object({
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: describe(z.optional(z.string()), 'The hotel room (absent for home isolation)'),
    householdId: describe(z.optional(z.string()), 'People travelling together share it (and a room)'),
    home: describe(z.optional(HomeAddress), 'Home isolation: the address and its grid cell'),
    teamId: describe(z.optional(z.string()), 'Home isolation: the three-person team following the person'),
    continuesFrom: describe(z.optional(LinkedStay), 'A home stay continuing a hotel stay ("14 + 7")'),
    continuedAs: describe(z.optional(LinkedStay), 'A hotel stay that continued at home (status continued)'),
    endCheck: describe(z.optional(EndCheck), "Home isolation: the end-of-period health check by the team's doctor"),
    status: z.enum(STATUSES),
    category: z.enum(CATEGORIES),
    person: z.union([Person, AnonymousPerson]),
    arrival: describe(z.optional(z.object({ arrivedAt: dateTime, flightNumber: z.optional(z.string()), originCountry: z.optional(z.string()) })), 'Absent once retention removed the personal data'),
    diet: z.optional(z.string()),
    ethnicity: z.optional(z.string()),
    specialConditions: describe(z.optional(z.array(z.string())), 'Absent once retention removed the personal data'),
    notes: z.optional(z.string()),
    policy: describe(Policy, 'The facility policy in force at check-in (or as changed for this stay)'),
    schedule: Schedule,
    departure: z.optional(Departure),
    transfer: z.optional(z.object({ destination: z.optional(z.string()), note: z.optional(z.string()), at: dateTime, by: actor })),
    positiveAt: z.optional(dateTime),
    lastResultAt: z.optional(dateTime),
    releasedAt: z.optional(dateTime),
    releasedBy: z.optional(actor),
    healthSignoff: describe(z.optional(z.object({ doctorName: z.string(), note: z.string(), signedAt: dateTime, recordedBy: actor })), "A doctor's sign-off of a fever or symptom history (for the health certificate)"),
    anonymizedAt: z.optional(dateTime),
    createdAt: dateTime,
    createdBy: actor,
    updatedAt: dateTime,
    version: z.int(),
    dayOfStay: describe(z.optional(z.int()), "Today's day of stay (open stays only)"),
    checksToday: describe(z.optional(DayCheckStatus), "Today's temperature checks (open stays only)"),
  }), { id: 'Stay' });

export const RegisteredStay = z.object({
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.optional(z.string()),
  status: z.enum(STATUSES),
  schedule: Schedule,
  stay: Stay,
});

export const StayList = z.object({ stays: z.array(Stay), ...Page });

export const { type: _type, requestId: _requestId, ...problemFields } = Problem.shape;

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
