import * as z from 'zod';

// Building blocks of the response schemas. Responses are documented, not parsed:
// these schemas feed the OpenAPI document (functions/openapi.ts) and the test helper
// that validates every response the suite receives against it.

export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar date YYYY-MM-DD');
export const dateTime = z.string().describe('ISO 8601 date-time');
export const id = z.string().min(1);
/** Who did it: the JWT subject of the staff member (or `lab:<labId>`, `job:<name>`). */
export const actor = z.string().min(1);

export const CHECK_SLOTS = ['morning', 'evening'] as const;
export const SLOT_STATUS = z.enum(['done', 'alert', 'pending', 'missing', 'not_due']);

export const DayCheckStatus = z
  .object({
    date,
    morning: SLOT_STATUS,
    evening: SLOT_STATUS,
    missing: z.array(z.enum(CHECK_SLOTS)).describe('Slots overdue on that date'),
    alert: z.boolean().describe('A fever or symptom was recorded on that date'),
    selfReported: z.array(z.enum(CHECK_SLOTS)).optional().describe('Slots the person reported on their own page, not yet confirmed by staff'),
  })
  .meta({ id: 'DayCheckStatus' });

export const Policy = z.object({ stayDays: z.int(), retestDays: z.array(z.int()), documentDay: z.int() }).meta({ id: 'Policy' });

export const Schedule = z
  .object({ day1Date: date, retestDates: z.array(date), documentDate: date, endDate: date, releaseDate: date })
  .meta({ id: 'Schedule', description: 'Dates computed in the facility time zone: day 1 is the arrival date.' });

export const Page = { cursor: z.string().optional().describe('Opaque: pass as ?cursor= for the next page; absent on the last page') };
