import * as z from 'zod/mini';
import { CHECK_SLOTS, hasOneDecimalAtMost, SYMPTOMS, TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/checks.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/request-kinds.js';
import { calendarDate, cleanText } from './common.js';
import { Check } from './responses/care.js';

// Requests and answers of the person's own page (/me/*) and of the staff routes
// that issue personal links, answer requests and close follow-ups.

const temperatureC = z.number({ error: 'Give the temperature in °C as a number, e.g. 36.6' }).check(
  z.gte(TEMPERATURE_MIN_C, `The temperature must be at least ${TEMPERATURE_MIN_C.toFixed(1)} °C`),
  z.lte(TEMPERATURE_MAX_C, `The temperature must be at most ${TEMPERATURE_MAX_C.toFixed(1)} °C`),
  z.refine(hasOneDecimalAtMost, 'Use one decimal, e.g. 36.6'),
);
const symptoms = z.array(z.enum(SYMPTOMS)).check(
  z.maxLength(SYMPTOMS.length),
  z.refine((s) => new Set(s).size === s.length, 'List each symptom once'),
);

/** POST /me/reports: the person's own reading of one slot (today's; yesterday's evening until this morning's deadline). */
export const SelfReportInput = z.strictObject({
  slot: z.enum(CHECK_SLOTS),
  date: z.optional(calendarDate),
  temperatureC,
  symptoms: z._default(symptoms, []),
});

/** POST /me/requests */
export const PersonRequestInput = z.strictObject({
  kind: z.enum(REQUEST_KINDS),
  text: cleanText(500, 'text', 'Say what you need').check(z.minLength(1, 'Say what you need')),
});

/** POST /stays/{stayId}/requests/{requestId} */
export const AnswerRequestInput = z.strictObject({
  status: z.enum(REQUEST_STATUSES),
  reply: z.optional(cleanText(500, 'text')),
});

export const RequestListQuery = z.strictObject({
  status: z._default(z.enum(REQUEST_STATUSES), 'open'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const FollowUpDoneInput = z.strictObject({
  note: cleanText(500, 'text', 'Say what the follow-up found (kept with it)').check(z.minLength(3, 'Say what the follow-up found (kept with it)')),
});

// ---- Answers --------------------------------------------------------------------

const dateStr = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const slotEnum = z.enum(CHECK_SLOTS);

export const StaffRequest = z.object({
  requestId: z.string(),
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.optional(z.string()),
  gridCell: z.optional(z.string()),
  kind: z.enum(REQUEST_KINDS),
  text: z.string(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: z.optional(z.string()),
  handledBy: z.optional(z.string()),
});

export const RequestList = z.object({ requests: z.array(StaffRequest), cursor: z.optional(z.string()) });

export const PersonPage = z.object({
  language: z.enum(['zh', 'en', 'ko']),
  name: z.string(),
  facility: z.object({ name: z.string(), nameEn: z.optional(z.string()), timeZone: z.string() }),
  status: z.enum(['active', 'positive', 'transferred', 'released']),
  today: dateStr,
  day: z.int(),
  stayDays: z.int(),
  day1Date: dateStr,
  endDate: dateStr,
  endsAt: z.string(),
  nextTest: z.optional(z.object({ date: dateStr, day: z.int() })),
  slots: z.array(
    z.object({
      date: dateStr,
      slot: slotEnum,
      deadline: z.string(),
      status: z.enum(['done', 'late', 'alert', 'pending', 'missing', 'not_due']),
      temperatureC: z.optional(z.number()),
      late: z.optional(z.boolean()),
    }),
  ),
  reportSlot: z.optional(z.object({ date: dateStr, slot: slotEnum })),
  requests: z.array(
    z.object({ requestId: z.string(), kind: z.enum(REQUEST_KINDS), text: z.string(), status: z.enum(REQUEST_STATUSES), createdAt: z.string(), updatedAt: z.string(), reply: z.optional(z.string()) }),
  ),
  documents: z.array(z.object({ documentId: z.string(), type: z.string(), issuedAt: z.string() })),
});

export const SelfReportResult = z.object({ check: Check, late: z.boolean(), alert: z.boolean(), urgentReminder: z.boolean() });

export const PersonRequest = z.object({
  requestId: z.string(),
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.optional(z.string()),
  gridCell: z.optional(z.string()),
  kind: z.enum(REQUEST_KINDS),
  text: z.string(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const IssuedLink = z.object({
  stayId: z.string(),
  url: z.string(),
  qr: z.object({ size: z.int(), path: z.string() }),
  generation: z.int(),
  issuedAt: z.string(),
  replaced: z.boolean(),
});

export const LinkStatus = z.object({
  stayId: z.string(),
  state: z.enum(['none', 'active', 'revoked']),
  generation: z.optional(z.int()),
  issuedAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
});

export const RevokedLink = z.object({ stayId: z.string(), generation: z.int(), revokedAt: z.string() });

export const FollowUp = z.object({
  followUpId: z.string(),
  stayId: z.string(),
  facilityId: z.string(),
  date: dateStr,
  slot: slotEnum,
  deadlineAt: z.string(),
  step: z.int(),
  teamId: z.optional(z.string()),
  role: z.optional(z.enum(['cadre', 'doctor', 'police'])).check(z.describe('The team member on duty for the slot, who has the task')),
  assignee: z.optional(z.string()).check(z.describe("That member's name")),
  openedAt: z.string(),
  reportedAt: z.optional(z.string()),
  doneAt: z.optional(z.string()),
  doneBy: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const FollowUpList = z.object({ followUps: z.array(FollowUp), cursor: z.optional(z.string()) });

export const ConfirmedCheck = z.object({ check: Check });
