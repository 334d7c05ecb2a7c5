import * as z from 'zod/mini';
import { CHECK_SLOTS, hasOneDecimalAtMost, SYMPTOMS, TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/checks.js';
import { DEPARTURE_MODES, SITUATION_KINDS } from '../domain/care-kinds.js';
import { crossFieldRule } from '../shared/validation.js';
import { calendarDate, cleanText, countryCode, instant } from './common.js';

// Inputs of daily care: temperature checks, special situations, return travel,
// and the queries of the daily sheet and the transport plan.

const temperatureC = z.number({ message: 'Give the temperature in °C as a number, e.g. 36.6' }).check(
  z.gte(TEMPERATURE_MIN_C, `The temperature must be at least ${TEMPERATURE_MIN_C.toFixed(1)} °C`),
  z.lte(TEMPERATURE_MAX_C, `The temperature must be at most ${TEMPERATURE_MAX_C.toFixed(1)} °C`),
  z.refine(hasOneDecimalAtMost, { message: 'Use one decimal, e.g. 36.6', params: { code: 'one_decimal' } }),
);
const symptoms = z.array(z.enum(SYMPTOMS)).check(
  z.maxLength(SYMPTOMS.length),
  z.refine((s) => new Set(s).size === s.length, 'List each symptom once'),
);
const CORRECTION_WHY = 'Say why the reading is corrected (kept with the check and in the audit trail)';
const correctionReason = cleanText(500, 'line', CORRECTION_WHY).check(z.minLength(3, CORRECTION_WHY));

export const RecordCheckInput = z.strictObject({
  temperatureC,
  symptoms: z._default(symptoms, []),
  /** Free text about the symptoms (e.g. what "other" is). */
  note: z.optional(cleanText(500, 'text')),
  slot: z.enum(CHECK_SLOTS),
  /** Local date of the check in the facility time zone; defaults to the date of measuredAt. */
  date: z.optional(calendarDate),
  /** When the temperature was taken; defaults to now. */
  measuredAt: z.optional(instant),
  /** With ?replace=true over a recorded check: why (the earlier reading is kept as history). */
  reason: z.optional(correctionReason),
});
export type RecordCheckInput = z.infer<typeof RecordCheckInput>;

/** POST /stays/{stayId}/checks/{checkId}/correction: the corrected values and why. */
export const CorrectCheckInput = z.strictObject({ temperatureC: z.optional(temperatureC), symptoms: z.optional(symptoms), reason: correctionReason });
export type CorrectCheckInput = z.infer<typeof CorrectCheckInput>;

/** `?replace=true` re-enters the check already recorded for that slot, with a `reason`; the earlier reading is kept (otherwise 409). */
export const RecordCheckQuery = z.strictObject({ replace: z.optional(z.enum(['true', 'false'])) });

export const AddSituationInput = z.strictObject({
  kind: z.enum(SITUATION_KINDS),
  text: cleanText(2000, 'text').check(z.minLength(1, 'Describe the situation')),
});
export type AddSituationInput = z.infer<typeof AddSituationInput>;

const FLIGHT_NUMBER = /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/;
/** China Railway style: an optional letter class (G, D, C, Z, T, K, Y, S) then digits; plain digits elsewhere. */
const TRAIN_NUMBER = /^[A-Z]{0,2}\d{1,5}$/;
/** A plate or bus line: letters (any script, e.g. 京A12345), digits, spaces and dashes. */
const ROAD_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,15}$/u;

export const SetDepartureInput = z
  .strictObject({
    destination: z.strictObject({
      city: cleanText(80).check(z.minLength(1, 'Give the destination city')),
      country: countryCode,
    }),
    mode: z.enum(DEPARTURE_MODES),
    number: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(16))),
    departureAt: instant,
  })
  .check(
    crossFieldRule<{ mode: string; number?: string }>((v, add) => {
      const n = typeof v.number === 'string' && v.number.trim() !== '' ? v.number.trim().toUpperCase() : undefined;
      if ((v.mode === 'flight' || v.mode === 'train') && !n) add(['number'], 'number_required', `Give the ${v.mode} number`);
      else if (n && v.mode === 'flight' && !FLIGHT_NUMBER.test(n)) add(['number'], 'flight_number', 'Use an IATA flight number, e.g. CA936');
      else if (n && v.mode === 'train' && !TRAIN_NUMBER.test(n)) add(['number'], 'train_number', 'Use a train number, e.g. G1234');
      else if (n && (v.mode === 'car' || v.mode === 'bus') && !ROAD_NUMBER.test(n)) add(['number'], 'road_number', 'Use letters, digits, spaces or - (a plate or line number)');
    }),
  );
export type SetDepartureInput = z.infer<typeof SetDepartureInput>;

export const TodaySheetQuery = z.strictObject({ date: z.optional(calendarDate) });

/** Window lengths that divide a day evenly, so windows line up with midnight. */
const WINDOW_MINUTES = [30, 60, 90, 120, 180, 240, 360, 480, 720] as const;

export const TransportQuery = z.strictObject({
  date: z.optional(calendarDate),
  format: z._default(z.enum(['json', 'csv']), 'json'),
  windowMinutes: z._default(
    z.coerce.number().check(
      z.int(),
      z.refine((m) => (WINDOW_MINUTES as readonly number[]).includes(m), `Use one of ${WINDOW_MINUTES.join(', ')} minutes`),
    ),
    120,
  ),
});
export type TransportQuery = z.infer<typeof TransportQuery>;

/** Excel exports: headers and state names in the page's language. */
const exportLang = { lang: z._default(z.enum(['zh', 'en']), 'zh') };
export const BoardExportQuery = z.strictObject(exportLang);
export const TodayExportQuery = z.extend(TodaySheetQuery, exportLang);
export const TransportExportQuery = z.extend(z.omit(TransportQuery, { format: true }), exportLang);
export type ExportLang = 'zh' | 'en';
