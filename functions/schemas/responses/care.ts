import * as z from 'zod';
import { actor, CHECK_SLOTS, date, dateTime, DayCheckStatus, Page } from './common.js';
import { Departure } from './stay.js';

const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell_taste', 'diarrhoea', 'shortness_of_breath', 'other'] as const;

const Reading = z.object({ temperatureC: z.number(), symptoms: z.array(z.enum(SYMPTOMS)), alert: z.boolean() });

export const Check = z
  .object({
    checkId: z.string().describe('<date>-<slot>, e.g. 2026-12-03-morning (POST .../checks/{checkId}/correction)'),
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: z.string(),
    date: date.describe('Local date (facility time zone) the check belongs to'),
    slot: z.enum(CHECK_SLOTS),
    dayOfStay: z.int(),
    temperatureC: z.number(),
    symptoms: z.array(z.enum(SYMPTOMS)),
    note: z.string().optional(),
    measuredAt: dateTime,
    alert: z.boolean().describe('Fever (>= 37.3 °C) or a symptom'),
    recordedAt: dateTime,
    recordedBy: actor,
    corrected: z.boolean().describe('The values above correct what was first recorded'),
    original: Reading.extend({ measuredAt: dateTime, recordedAt: dateTime, recordedBy: actor }).optional().describe('The reading first recorded (set once corrected)'),
    corrections: z
      .array(z.object({ from: Reading, to: Reading, reason: z.string(), correctedAt: dateTime, correctedBy: actor }))
      .optional()
      .describe('Every correction, oldest first'),
    source: z.enum(['self', 'staff']).optional().describe('self: reported by the person on their own page (absent: staff)'),
    late: z.boolean().optional().describe("A self-report sent after the slot's deadline"),
    confirmedAt: dateTime.optional().describe('When staff confirmed the self-report'),
    confirmedBy: actor.optional(),
  })
  .meta({ id: 'Check' });

export const RecordedCheck = z.object({
  check: Check,
  replaced: z.boolean(),
  reminderId: z.string().optional().describe('Set when the check raised (or had already raised) the urgent reminder'),
  today: DayCheckStatus,
});

export const CheckList = z.object({ stayId: z.string(), checks: z.array(Check), today: DayCheckStatus });

export const Situation = z
  .object({
    situationId: z.string(),
    stayId: z.string(),
    facilityId: z.string(),
    roomNumber: z.string(),
    kind: z.enum(['medical_transfer', 'psychological_support', 'complaint', 'other']),
    text: z.string(),
    recordedAt: dateTime,
    recordedBy: actor,
  })
  .meta({ id: 'Situation' });

export const SituationList = z.object({ stayId: z.string(), situations: z.array(Situation) });

export const DepartureEntry = Departure.extend({
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.string(),
  nameNative: z.string(),
  nameLatin: z.string(),
});

const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
const who = { stayId: z.string(), roomNumber: z.string(), nameNative: z.string() };

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
      diet: z.string().optional(),
      ethnicity: z.string().optional(),
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
      notes: z.array(z.object({ ...who, diet: z.string().optional(), ethnicity: z.string().optional() })),
    }),
  ),
  birthdays: z.array(z.object({ ...who, nameLatin: z.string(), turns: z.int() })),
  medicalStandby: z.array(z.object({ ...who, conditions: z.array(z.string()) })),
  retestsDue: z.array(z.object({ ...who, dayOfStay: z.int() })),
});

const MODES = ['flight', 'train', 'bus', 'car'] as const;

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
      window: z.object({ from: z.string(), to: z.string() }).describe('Local window [from, to), HH:MM'),
      count: z.int(),
      byNumber: z.array(z.object({ number: z.string(), count: z.int() })),
      people: z.array(
        z.object({
          stayId: z.string(),
          roomNumber: z.string(),
          nameNative: z.string(),
          nameLatin: z.string(),
          localTime: z.string(),
          departureAt: dateTime,
          number: z.string().optional(),
          destination: z.object({ city: z.string(), country: z.string() }),
        }),
      ),
    }),
  ),
});

const REMINDER_KINDS = [
  'retest_due',
  'retest_overdue',
  'documents_due',
  'expired_isolation',
  'positive_result',
  'fever_or_symptom',
  'special_situation',
  'unmatched_lab_result',
  'report_missed',
  'report_missed_follow_up',
  'report_missed_supervisor',
] as const;

export const Reminder = z
  .object({
    reminderId: z.string(),
    facilityId: z.string(),
    kind: z.enum(REMINDER_KINDS),
    urgent: z.boolean(),
    date: date.describe('Local date (facility time zone) the reminder is about'),
    title: z.string(),
    lines: z.array(
      z.object({ stayId: z.string().optional(), roomNumber: z.string().optional(), name: z.string().optional(), day: z.int().optional(), note: z.string().optional() }),
    ),
    createdAt: dateTime,
    audience: z.enum(['facility', 'team_doctor', 'team_on_duty', 'supervisor', 'person']).optional().describe("Who it is for (absent: the facility's staff)"),
    teamId: z.string().optional().describe('The team it goes to (team_* audiences)'),
    slot: z.enum(CHECK_SLOTS).optional().describe('The report slot it is about'),
    expiresAt: z.int().optional().describe('Unix seconds: DynamoDB TTL removes the reminder then (its lines name people)'),
    delivery: z.object({
      state: z.enum(['pending', 'delivered']),
      attempts: z.int(),
      deliveredAt: dateTime.optional(),
      lastError: z.string().optional(),
      lastAttemptAt: dateTime.optional(),
      claimedUntil: dateTime.optional().describe('A delivery is under way until then'),
    }),
  })
  .meta({ id: 'Reminder' });

export const ReminderList = z.object({ reminders: z.array(Reminder), ...Page });
