import * as z from 'zod/mini';
import { CHECK_SLOTS, hasOneDecimalAtMost, SYMPTOMS, TEMPERATURE_MAX_C, TEMPERATURE_MIN_C } from '../domain/checks.js';
import { DEPARTURE_MODES, REMINDER_KINDS, SITUATION_KINDS } from '../domain/care-kinds.js';
import { REMINDER_STATES } from '../domain/reminder-view.js';
import { crossFieldRule } from '../shared/validation.js';
import { calendarDate, cleanText, countryCode, instant } from './common.js';
import { PageQuery } from './page.js';

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

/** A pickup further ahead of the train or flight is a typo (a wrong day). */
export const PICKUP_MAX_LEAD_HOURS = 12;

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
    /** When the vehicle picks the person up at the facility (the train or flight leaves at `departureAt`). */
    pickupAt: z.optional(instant),
  })
  .check(
    crossFieldRule<{ mode: string; number?: string; departureAt: string; pickupAt?: string }>((v, add) => {
      const pickup = typeof v.pickupAt === 'string' ? Date.parse(v.pickupAt) : NaN;
      const departure = typeof v.departureAt === 'string' ? Date.parse(v.departureAt) : NaN;
      if (!Number.isNaN(pickup) && !Number.isNaN(departure)) {
        if (pickup >= departure) add(['pickupAt'], 'pickup_after_departure', 'The pickup must be before the departure');
        else if (departure - pickup > PICKUP_MAX_LEAD_HOURS * 3600_000) add(['pickupAt'], 'pickup_too_early', `The pickup must be at most ${PICKUP_MAX_LEAD_HOURS} hours before the departure`);
      }
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

/** GET /facilities/{facilityId}/reminders: a page, optionally only open / handled / closed ones, of one kind, about a room or person. */
export const ReminderQuery = z.strictObject({
  ...PageQuery.shape,
  state: z._default(z.enum([...REMINDER_STATES, 'all']), 'all'),
  kind: z.optional(z.enum(REMINDER_KINDS)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(60))),
});
export type ReminderQuery = z.infer<typeof ReminderQuery>;

/** PUT /facilities/{facilityId}/reminders/{reminderId}/handled: who and when come from the request, the note is optional. */
export const HandleReminderInput = z.strictObject({
  note: z.optional(cleanText(500)),
});
export type HandleReminderInput = z.infer<typeof HandleReminderInput>;

const plate = cleanText(20).check(z.minLength(1, 'Give the plate or name of the vehicle'));
const MAX_VEHICLES = 50;

/** PUT /facilities/{facilityId}/vehicles: the whole list (plates unique); `version` as read, so a concurrent edit is refused, not overwritten. */
export const VehiclesInput = z
  .strictObject({
    vehicles: z.array(
      z.strictObject({
        plate,
        seats: z.int().check(z.gte(1, 'A vehicle has at least 1 seat'), z.lte(80, 'At most 80 seats')),
        note: z.optional(cleanText(100)),
      }),
    ).check(z.maxLength(MAX_VEHICLES, `At most ${MAX_VEHICLES} vehicles`)),
    version: z.optional(z.int().check(z.gte(0))),
  })
  .check(
    crossFieldRule<{ vehicles: { plate: string }[] }>((v, add) => {
      if (!Array.isArray(v.vehicles)) return;
      const seen = new Set<string>();
      v.vehicles.forEach((x, i) => {
        const p = typeof x?.plate === 'string' ? x.plate.trim().toUpperCase() : '';
        if (p && seen.has(p)) add(['vehicles', i, 'plate'], 'duplicate_vehicle', 'This plate is listed twice');
        seen.add(p);
      });
    }),
  );
export type VehiclesInput = z.infer<typeof VehiclesInput>;

/** PUT /facilities/{facilityId}/transport/pickups: the vehicles of one pickup (a departure date and a pickup time); `plates: []` clears it. */
export const PickupInput = z
  .strictObject({
    date: calendarDate,
    time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time HH:MM, e.g. 07:30')),
    plates: z.array(plate).check(z.maxLength(20, 'At most 20 vehicles for one pickup')),
  })
  .check(
    crossFieldRule<{ plates: string[] }>((v, add) => {
      if (!Array.isArray(v.plates)) return;
      v.plates.forEach((p, i) => {
        if (typeof p === 'string' && v.plates!.findIndex((q) => typeof q === 'string' && q.trim().toUpperCase() === p.trim().toUpperCase()) < i) add(['plates', i], 'duplicate_vehicle', 'This vehicle is listed twice');
      });
    }),
  );
export type PickupInput = z.infer<typeof PickupInput>;
/** Excel exports: headers and state names in the page's language. */
const exportLang = { lang: z._default(z.enum(['zh', 'en']), 'zh') };
export const BoardExportQuery = z.strictObject(exportLang);
export const TodayExportQuery = z.extend(TodaySheetQuery, exportLang);
export const TransportExportQuery = z.extend(z.omit(TransportQuery, { format: true }), exportLang);
export type ExportLang = 'zh' | 'en';
