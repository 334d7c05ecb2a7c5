import * as z from 'zod/mini';
import { CHECK_SLOTS, hasOneDecimalAtMost, SYMPTOMS, TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/checks.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/request-kinds.js';
import { calendarDate, cleanText } from './common.js';

// Requests of the person's own page (/me/*) and of the staff routes that issue
// personal links, answer requests and close follow-ups; their answers are in
// responses/self-service.ts, so these handlers do not build the response schemas.

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
