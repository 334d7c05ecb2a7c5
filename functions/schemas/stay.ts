import * as z from 'zod';
import { calendarDate, cleanText, countryCode, instant, roomNumber } from './common.js';

export const SPECIAL_CONDITIONS = [
  'chronic_illness',
  'pregnancy',
  'child',
  'elderly',
  'disability',
  'psychological_support',
] as const;

const TravelDocumentInput = z
  .object({
    type: z.enum(['passport', 'id_card', 'travel_permit', 'other']),
    number: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,29}$/, 'Use 3-30 letters, digits, spaces or -'),
    country: countryCode,
  })
  .strict();

const PersonInput = z
  .object({
    nameNative: cleanText(100, 'name').min(1),
    nameLatin: cleanText(100, 'name').min(1).regex(/^[\p{Script=Latin} .,'-]+$/u, 'Use Latin letters, as in the passport'),
    sex: z.enum(['F', 'M', 'X']),
    birthDate: calendarDate.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'Birth date must be in the past'),
    nationality: countryCode,
    document: TravelDocumentInput,
    phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'Use digits, optionally starting with + and a country code'),
    language: z.enum(['zh', 'en', 'ko']).default('zh'),
  })
  .strict();

const ArrivalInput = z
  .object({
    arrivedAt: instant,
    flightNumber: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'Use an IATA flight number, e.g. CA936').optional(),
    originCountry: countryCode.optional(),
  })
  .strict();

export const RegisterStayInput = z
  .object({
    person: PersonInput,
    category: z.enum(['inbound', 'close_contact', 'secondary_contact']),
    arrival: ArrivalInput,
    diet: cleanText(200).optional(),
    ethnicity: cleanText(60).optional(),
    specialConditions: z.array(z.enum(SPECIAL_CONDITIONS)).max(SPECIAL_CONDITIONS.length).default([]),
    notes: cleanText(1000, 'text').optional(),
    roomNumber: roomNumber.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.category === 'inbound' && !v.arrival.originCountry) {
      ctx.addIssue({ code: 'custom', path: ['arrival', 'originCountry'], message: 'Inbound travellers need the origin country' });
    }
    const arrived = Date.parse(v.arrival.arrivedAt);
    // Manifests are registered ahead of landing, but not days ahead; old arrivals are typos.
    if (arrived > Date.now() + 2 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['arrival', 'arrivedAt'], message: 'Arrival is more than 2 days in the future' });
    if (arrived < Date.now() - 60 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['arrival', 'arrivedAt'], message: 'Arrival is more than 60 days in the past' });
  });

export type RegisterStayInput = z.infer<typeof RegisterStayInput>;

export const MAX_BATCH_ROWS = 500;

export const ListStaysQuery = z
  .object({
    status: z.enum(['active', 'positive', 'transferred', 'released']).optional(),
    date: calendarDate.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .strict();
