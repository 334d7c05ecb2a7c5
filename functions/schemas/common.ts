import * as z from 'zod/mini';
import { isValidDate, isValidTimeZone } from '../domain/calendar.js';
import { isCountryCode } from '../domain/countries.js';
import { canonicalFacilityId } from '../domain/facility-id.js';
import { textProblem, textProblemMessage, type TextKind } from '../domain/text-hygiene.js';
import '../shared/zod-messages.js';

// Schemas use zod/mini (functional checks) so handlers bundle only the parts they use;
// scripts/zod-classic-guard.sh keeps the classic API out of functions/.

export const countryCode = z
  .string()
  .check(z.length(2, 'Use an ISO 3166-1 alpha-2 country code, e.g. CN'), z.refine(isCountryCode, 'Unknown country code (ISO 3166-1 alpha-2 expected)'));

export const calendarDate = z.string().check(z.refine(isValidDate, { message: 'Use a calendar date YYYY-MM-DD', params: { code: 'calendar_date' } }));

export const timeZone = z.string().check(z.refine(isValidTimeZone, 'Unknown IANA time zone, e.g. Asia/Shanghai'));

/** An instant with an explicit offset: a local time without one would be ambiguous. */
export const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time with offset, e.g. 2026-11-23T08:30:00+08:00' });

/** Identifiers chosen by people (facility slugs, room numbers): safe in keys and URLs. */
export const slug = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'Use 1-40 letters, digits, - or _'));
/** A facility id: a slug, case-insensitive, stored in its canonical lower case (`FA` is `fa`). */
export const facilityIdSchema = z.pipe(slug, z.transform(canonicalFacilityId));
export const roomNumber = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/, 'Use 1-12 letters, digits or -'));

/**
 * A trimmed string of at most `max` characters holding no character that is never
 * right in text (domain/text-hygiene.ts): `name` for names printed on documents,
 * `line` for one line of free text, `text` for notes that may span lines;
 * `missing` is the message when the field is absent or not a string.
 */
export function cleanText(max: number, kind: TextKind = 'line', missing?: string) {
  return z.string(missing ? { message: missing } : undefined).check(
    z.trim(),
    z.maxLength(max),
    z.superRefine((s, ctx) => {
      const problem = textProblem(s, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: textProblemMessage(problem), params: { code: problem.code } });
    }),
  );
}
