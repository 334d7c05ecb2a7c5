import * as z from 'zod/mini';
import { crossFieldRule } from '../shared/validation.js';
import { calendarDate, cleanText, countryCode, instant, roomNumber } from './common.js';
import { residentIdRules } from './resident-id.js';

export const SPECIAL_CONDITIONS = [
  'chronic_illness',
  'pregnancy',
  'child',
  'elderly',
  'disability',
  'psychological_support',
] as const;

export const TravelDocumentInput = z.strictObject({
  type: z.enum(['passport', 'id_card', 'travel_permit', 'other']),
  number: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,29}$/, 'Use 3-30 letters, digits, spaces or -')),
  country: countryCode,
});

/** The person's fields without the cross-field rules (corrections take any part of them). */
export const PersonFields = z.strictObject({
  nameNative: cleanText(100, 'name').check(z.minLength(1)),
  /** Optional for a Chinese resident ID card only (residentIdRules); the stay then keeps the native name there. */
  nameLatin: z.optional(cleanText(100, 'name').check(z.minLength(1), z.regex(/^[\p{Script=Latin} .,'-]+$/u, 'Use Latin letters, as in the passport'))),
  sex: z.enum(['F', 'M', 'X']),
  birthDate: calendarDate.check(z.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), { message: 'Birth date must be in the past', params: { code: 'birth_date_future' } })),
  nationality: countryCode,
  document: TravelDocumentInput,
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'Use digits, optionally starting with + and a country code')),
  language: z._default(z.enum(['zh', 'en', 'ko']), 'zh'),
});
export const PersonInput = PersonFields.check(residentIdRules);

const ArrivalInput = z.strictObject({
  arrivedAt: instant,
  flightNumber: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'Use an IATA flight number, e.g. CA936'))),
  originCountry: z.optional(countryCode),
});

export const RegisterStayInput = z
  .strictObject({
    person: PersonInput,
    category: z.enum(['inbound', 'close_contact', 'secondary_contact']),
    arrival: ArrivalInput,
    diet: z.optional(cleanText(200)),
    ethnicity: z.optional(cleanText(60)),
    specialConditions: z._default(z.array(z.enum(SPECIAL_CONDITIONS)).check(z.maxLength(SPECIAL_CONDITIONS.length)), []),
    notes: z.optional(cleanText(1000, 'text')),
    roomNumber: z.optional(roomNumber),
  })
  .check(
    crossFieldRule<{ category: string; arrival: { arrivedAt: string; originCountry?: string } }>((v, add) => {
      const arrival = (v.arrival ?? {}) as { arrivedAt?: unknown; originCountry?: unknown };
      if (v.category === 'inbound' && !arrival.originCountry) add(['arrival', 'originCountry'], 'origin_required', 'Inbound travellers need the origin country');
      const arrived = typeof arrival.arrivedAt === 'string' ? Date.parse(arrival.arrivedAt) : NaN;
      if (Number.isNaN(arrived)) return;
      // Manifests are registered ahead of landing, but not days ahead; old arrivals are typos.
      if (arrived > Date.now() + 2 * 86_400_000) add(['arrival', 'arrivedAt'], 'arrival_too_far_ahead', 'Arrival is more than 2 days in the future');
      if (arrived < Date.now() - 60 * 86_400_000) add(['arrival', 'arrivedAt'], 'arrival_too_old', 'Arrival is more than 60 days in the past');
    }),
  );

export type RegisterStayInput = z.infer<typeof RegisterStayInput>;

export const MAX_BATCH_ROWS = 500;

export const ListStaysQuery = z.strictObject({
  status: z.optional(z.enum(['active', 'positive', 'transferred', 'released'])),
  date: z.optional(calendarDate),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
