import * as z from 'zod/mini';

// Building blocks of the response schemas. Responses are documented, not parsed:
// these schemas feed the OpenAPI document (functions/openapi.ts) and the test helper
// that validates every response the suite receives against it.

/** `schema` with OpenAPI metadata (`id` names it in components/schemas): a clone, as classic zod's `.meta()`, so the shared base stays bare. */
export function meta<T extends z.ZodMiniType>(schema: T, metadata: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, metadata);
  return copy;
}

/** `schema` with a description (classic zod's `.describe()`). */
export function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  return meta(schema, { description });
}

export const date = describe(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), 'Calendar date YYYY-MM-DD');
export const dateTime = describe(z.string(), 'ISO 8601 date-time');
export const id = z.string().check(z.minLength(1));
/** Who did it: the JWT subject of the staff member (or `lab:<labId>`, `job:<name>`). */
export const actor = z.string().check(z.minLength(1));

export const CHECK_SLOTS = ['morning', 'evening'] as const;
export const SLOT_STATUS = z.enum(['done', 'alert', 'pending', 'missing', 'not_due']);

export const DayCheckStatus = meta(z.object({
    date,
    morning: SLOT_STATUS,
    evening: SLOT_STATUS,
    missing: describe(z.array(z.enum(CHECK_SLOTS)), 'Slots overdue on that date'),
    alert: describe(z.boolean(), 'A fever or symptom was recorded on that date'),
    selfReported: describe(z.optional(z.array(z.enum(CHECK_SLOTS))), 'Slots the person reported on their own page, not yet confirmed by staff'),
  }), { id: 'DayCheckStatus' });

export const Policy = meta(z.object({
    stayDays: z.int(), retestDays: z.array(z.int()), documentDay: z.int(), reportDeadlines: z.optional(z.object({ morning: z.optional(z.string()), evening: z.optional(z.string()) })),
    escalationMinutes: describe(z.optional(z.object({ reminder: z.optional(z.int()), secondReminder: z.optional(z.int()), teamOnDuty: z.optional(z.int()), supervisor: z.optional(z.int()) })), 'Minutes after a slot deadline of each escalation step of a missed report (absent: 0, 30, 60, 120)'),
  }), { id: 'Policy' });

export const Schedule = meta(z.object({ day1Date: date, retestDates: z.array(date), documentDate: date, endDate: date, releaseDate: date }), { id: 'Schedule', description: 'Dates computed in the facility time zone: day 1 is the arrival date.' });

export const Page = { cursor: describe(z.optional(z.string()), 'Opaque: pass as ?cursor= for the next page; absent on the last page') };
