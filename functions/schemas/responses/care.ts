import * as z from 'zod/mini';
import { actor, CHECK_SLOTS, date, dateTime, DayCheckStatus, describe, meta, Page } from './common.js';
import { REMINDER_KINDS } from '../../domain/care-kinds.js';
import { REMINDER_STATES } from '../../domain/reminder-view.js';
import { Departure } from './stay.js';

const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell_taste', 'diarrhoea', 'shortness_of_breath', 'other'] as const;

const Reading = z.object({ temperatureC: z.number(), symptoms: z.array(z.enum(SYMPTOMS)), alert: z.boolean() });

export const Check = meta(z.object({
    checkId: describe(z.string(), '<date>-<slot>, e.g. 2026-12-03-morning (POST .../checks/{checkId}/correction)'),
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: describe(z.optional(z.string()), 'Hotel stays'), gridCell: describe(z.optional(z.string()), 'Home stays: the grid cell'),
    date: describe(date, 'Local date (facility time zone) the check belongs to'),
    slot: z.enum(CHECK_SLOTS),
    dayOfStay: z.int(),
    temperatureC: z.number(),
    symptoms: z.array(z.enum(SYMPTOMS)),
    note: z.optional(z.string()),
    measuredAt: dateTime,
    alert: describe(z.boolean(), 'Fever (>= 37.3 °C) or a symptom'),
    recordedAt: dateTime,
    recordedBy: actor,
    corrected: describe(z.boolean(), 'The values above correct what was first recorded'),
    original: describe(z.optional(z.extend(Reading, { measuredAt: dateTime, recordedAt: dateTime, recordedBy: actor })), 'The reading first recorded (set once corrected)'),
    corrections: describe(z.optional(z.array(z.object({ from: Reading, to: Reading, reason: z.string(), correctedAt: dateTime, correctedBy: actor }))), 'Every correction, oldest first'),
    source: describe(z.optional(z.enum(['self', 'staff'])), 'self: reported by the person on their own page (absent: staff)'),
    late: describe(z.optional(z.boolean()), "A self-report sent after the slot's deadline"),
    confirmedAt: describe(z.optional(dateTime), 'When staff confirmed the self-report'),
    confirmedBy: z.optional(actor),
  }), { id: 'Check' });

export const RecordedCheck = z.object({
  check: Check,
  replaced: z.boolean(),
  reminderId: describe(z.optional(z.string()), 'Set when the check raised (or had already raised) the urgent reminder'),
  today: DayCheckStatus,
});

export const CheckList = z.object({ stayId: z.string(), checks: z.array(Check), today: DayCheckStatus });

export const Situation = meta(z.object({
    situationId: z.string(),
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: describe(z.optional(z.string()), 'Hotel stays'), gridCell: describe(z.optional(z.string()), 'Home stays: the grid cell'),
    kind: z.enum(['medical_transfer', 'psychological_support', 'complaint', 'other']),
    text: z.string(),
    recordedAt: dateTime,
    recordedBy: actor,
  }), { id: 'Situation' });

export const SituationList = z.object({ stayId: z.string(), situations: z.array(Situation) });

export const DepartureEntry = z.extend(Departure, {
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: describe(z.optional(z.string()), 'Hotel stays'), gridCell: describe(z.optional(z.string()), 'Home stays: the grid cell'),
  nameNative: z.string(),
  nameLatin: z.string(),
});

const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
const who = { stayId: z.string(), roomNumber: describe(z.optional(z.string()), 'Hotel stays'), gridCell: describe(z.optional(z.string()), 'Home stays: the grid cell'), nameNative: z.string() };

export const TodaySheet = z.object({
  facilityId: z.string(),
  facilityName: z.string(),
  date,
  timeZone: z.string(),
  summary: z.object({
    occupants: z.int(),
    birthdays: z.int(),
    medicalStandby: z.int(),
    retestsDue: z.int(),
    documentsDue: z.int(),
    missingChecks: z.int(),
    alerts: z.int(),
  }),
  occupants: z.array(
    z.object({
      ...who,
      nameLatin: z.string(),
      sex: z.string(),
      age: z.int(),
      language: z.string(),
      category: z.string(),
      status: z.string(),
      dayOfStay: z.int(),
      diet: z.optional(z.string()),
      ethnicity: z.optional(z.string()),
      specialConditions: z.array(z.string()),
      medicalStandby: z.boolean(),
      birthday: z.boolean(),
      retestDue: z.boolean(),
      documentsDue: z.boolean(),
      lastDay: z.boolean(),
      meals: z.array(z.enum(MEALS)),
      checks: DayCheckStatus,
    }),
  ),
  meals: z.array(
    z.object({
      meal: z.enum(MEALS),
      portions: z.int(),
      notes: z.array(z.object({ ...who, diet: z.optional(z.string()), ethnicity: z.optional(z.string()) })),
    }),
  ),
  birthdays: z.array(z.object({ ...who, nameLatin: z.string(), turns: z.int() })),
  medicalStandby: z.array(z.object({ ...who, conditions: z.array(z.string()) })),
  retestsDue: z.array(z.object({ ...who, dayOfStay: z.int() })),
});

const MODES = ['flight', 'train', 'bus', 'car'] as const;

const TransportPerson = z.object({
  stayId: z.string(),
  roomNumber: describe(z.optional(z.string()), 'Hotel stays'), gridCell: describe(z.optional(z.string()), 'Home stays: the grid cell'),
  nameNative: z.string(),
  nameLatin: z.string(),
  localTime: describe(z.string(), 'Facility-local departure time HH:MM'),
  departureAt: dateTime,
  number: z.optional(z.string()),
  destination: z.object({ city: z.string(), country: z.string() }),
  pickupAt: z.optional(dateTime),
  pickupTime: describe(z.optional(z.string()), 'Facility-local pickup time HH:MM'),
});

export const Vehicle = meta(z.object({ plate: z.string(), seats: z.int(), note: z.optional(z.string()) }), { id: 'Vehicle' });

export const VehicleList = z.object({ facilityId: z.string(), vehicles: z.array(Vehicle), version: describe(z.int(), 'Send it back with PUT, so a concurrent edit is refused'), updatedAt: z.optional(dateTime), updatedBy: z.optional(actor) });

export const PickupGroup = meta(z.object({
    time: describe(z.string(), 'Facility-local pickup time HH:MM'),
    count: z.int(),
    modes: z.array(z.enum(MODES)),
    people: describe(z.array(TransportPerson), 'By departure time'),
    vehicles: z.array(Vehicle),
    seats: z.int(),
    short: describe(z.int(), 'People beyond the assigned seats (added after the vehicles were assigned)'),
  }), { id: 'PickupGroup' });

export const TransportPlan = z.object({
  facilityId: z.string(),
  date,
  timeZone: z.string(),
  windowMinutes: z.int(),
  total: z.int(),
  byMode: z.object({ flight: z.int(), train: z.int(), bus: z.int(), car: z.int() }),
  groups: z.array(
    z.object({
      mode: z.enum(MODES),
      window: describe(z.object({ from: z.string(), to: z.string() }), 'Local window [from, to), HH:MM'),
      count: z.int(),
      byNumber: z.array(z.object({ number: z.string(), count: z.int() })),
      people: z.array(TransportPerson),
    }),
  ),
  pickups: describe(z.array(PickupGroup), 'The departures by pickup time across modes, with their vehicles'),
  noPickup: describe(z.array(TransportPerson), 'Departures without a pickup time yet, by departure time'),
  vehicles: z.array(Vehicle),
});

export const Reminder = meta(z.object({
    reminderId: z.string(),
    facilityId: z.string(),
    kind: z.enum(REMINDER_KINDS),
    urgent: z.boolean(),
    date: describe(date, 'Local date (facility time zone) the reminder is about'),
    title: z.string(),
    lines: z.array(
      z.object({
        stayId: z.optional(z.string()),
        roomNumber: z.optional(z.string()),
        gridCell: z.optional(z.string()),
        address: describe(z.optional(z.string()), 'A home stay: the address the team calls at'),
        community: z.optional(z.string()),
        step: describe(z.optional(z.int()), 'report_missed*: the escalation step (1..4)'),
        name: z.optional(z.string()),
        day: z.optional(z.int()),
        note: describe(z.optional(z.string()), 'English text for logs and notifications; pages render the line from its fields'),
        slot: describe(z.optional(z.string()), 'fever_or_symptom: the check slot'),
        temperatureC: describe(z.optional(z.number()), 'fever_or_symptom: the reading'),
        symptoms: describe(z.optional(z.array(z.string())), 'fever_or_symptom: symptom codes'),
        closed: describe(z.optional(z.literal(true)), 'The stay the line names is closed (released, transferred, cancelled): the line dropped out'),
      }),
    ),
    state: describe(z.optional(z.enum(REMINDER_STATES)), 'open; handled (staff marked it); closed (every person it names has left)'),
    handled: describe(z.optional(z.object({ by: actor, at: dateTime, note: z.optional(z.string()) })), 'Who marked it handled, when, and their note'),
    createdAt: dateTime,
    audience: describe(z.optional(z.enum(['facility', 'team_doctor', 'team_on_duty', 'supervisor', 'person'])), "Who it is for (absent: the facility's staff)"),
    teamId: describe(z.optional(z.string()), 'The team it goes to (team_* audiences)'),
    recipient: describe(
      z.optional(z.object({ role: z.enum(['cadre', 'doctor', 'police', 'supervisor']), name: z.optional(z.string()) })),
      'Within the audience, who it is for: the team member on duty for the slot (team_on_duty), the doctor (team_doctor), the supervisor',
    ),
    slot: describe(z.optional(z.enum(CHECK_SLOTS)), 'The report slot it is about'),
    expiresAt: describe(z.optional(z.int()), 'Unix seconds: DynamoDB TTL removes the reminder then (its lines name people)'),
    delivery: z.object({
      state: z.enum(['pending', 'delivered']),
      attempts: z.int(),
      deliveredAt: z.optional(dateTime),
      lastError: z.optional(z.string()),
      lastAttemptAt: z.optional(dateTime),
      claimedUntil: describe(z.optional(dateTime), 'A delivery is under way until then'),
    }),
  }), { id: 'Reminder' });

export const ReminderList = z.object({ reminders: z.array(Reminder), ...Page });
