import { placeFields, placeSortKey } from '../domain/place.js';
import { isAnonymized, queryFacilityStays, type Stay } from '../entities/stay.js';
import { addDays, localDate } from '../domain/calendar.js';
import type { DayCheckStatus } from '../domain/checks.js';
import { localTimeOfDay } from '../domain/checks.js';
import { dayOfStay } from '../domain/schedule.js';
import type { Principal } from '../shared/principal.js';
import { checksOn } from './check-status.js';
import { isOpen } from './care-context.js';
import { loadFacilityFor } from './load-facility.js';

// The daily facility sheet: who is here on a date (people in open stays whose
// observation covers it), their room and day of stay, what each meal must take into
// account (diet, ethnicity), birthdays (staff bring a cake), special conditions
// needing 24-hour medical standby, retests due, and the temperature checks.

/** Longest possible stay (policy maximum): bounds the day-1 range of stays present on a date. */
const MAX_STAY_DAYS = 60;

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];
/** On the arrival day a meal is served when the person arrived before this local time. */
export const MEAL_CUTOFFS: Readonly<Record<Meal, string>> = { breakfast: '09:00', lunch: '13:00', dinner: '19:00' };
/** Conditions that need a 24-hour medical standby (DOMAIN: chronic illness, pregnancy). */
export const STANDBY_CONDITIONS = ['pregnancy', 'chronic_illness'] as const;

export interface SheetOccupant {
  stayId: string;
  roomNumber?: string;
  gridCell?: string;
  nameNative: string;
  nameLatin: string;
  sex: string;
  age: number;
  language: string;
  category: string;
  status: string;
  dayOfStay: number;
  diet?: string;
  ethnicity?: string;
  specialConditions: string[];
  medicalStandby: boolean;
  birthday: boolean;
  retestDue: boolean;
  documentsDue: boolean;
  lastDay: boolean;
  meals: Meal[];
  checks: DayCheckStatus;
}

export interface MealPlan {
  meal: Meal;
  portions: number;
  /** People with a diet or ethnicity note for this meal. */
  notes: { stayId: string; roomNumber?: string; gridCell?: string; nameNative: string; diet?: string; ethnicity?: string }[];
}

export interface TodaySheet {
  facilityId: string;
  facilityName: string;
  date: string;
  timeZone: string;
  summary: { occupants: number; birthdays: number; medicalStandby: number; retestsDue: number; documentsDue: number; missingChecks: number; alerts: number };
  occupants: SheetOccupant[];
  meals: MealPlan[];
  birthdays: { stayId: string; roomNumber?: string; gridCell?: string; nameNative: string; nameLatin: string; turns: number }[];
  medicalStandby: { stayId: string; roomNumber?: string; gridCell?: string; nameNative: string; conditions: string[] }[];
  retestsDue: { stayId: string; roomNumber?: string; gridCell?: string; nameNative: string; dayOfStay: number }[];
}

/** Is `date` the birthday of someone born on `birthDate`? Leap-day birthdays fall on 28 February in other years. */
export function isBirthday(birthDate: string, date: string): boolean {
  const born = birthDate.slice(5);
  const day = date.slice(5);
  if (born === day) return true;
  const year = Number(date.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return born === '02-29' && !leap && day === '02-28';
}

/** Age in whole years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) || isBirthday(birthDate, date) ? years : years - 1;
}

function mealsOn(stay: Stay, date: string, timeZone: string): Meal[] {
  if (date !== stay.schedule.day1Date) return [...MEALS];
  const arrivalDate = localDate(stay.arrival.arrivedAt, timeZone);
  if (arrivalDate !== date) return arrivalDate < date ? [...MEALS] : [];
  const time = localTimeOfDay(stay.arrival.arrivedAt, timeZone);
  return MEALS.filter((m) => time < MEAL_CUTOFFS[m]);
}

async function staysPresentOn(facilityId: string, date: string): Promise<Stay[]> {
  const stays: Stay[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    // No end-date filter: a person past the end date who is not released yet is still
    // in the room and eats (an open stay is present on every date since day 1).
    const page = await queryFacilityStays({ facilityId, fromDay1: addDays(date, -(MAX_STAY_DAYS - 1)), toDay1: date, limit: 200, startKey });
    // Anonymized stays are closed long ago: never on a day's sheet.
    for (const s of page.stays) if (!isAnonymized(s)) stays.push(s);
    startKey = page.lastKey;
  } while (startKey);
  return stays.filter(isOpen);
}

export async function todaySheet(principal: Principal, facilityId: string, q: { date?: string }, now = new Date()): Promise<TodaySheet> {
  const facility = await loadFacilityFor(principal, facilityId);
  const tz = facility.timeZone;
  const date = q.date ?? localDate(now, tz);
  const stays = (await staysPresentOn(facilityId, date)).sort((a, b) => placeSortKey(placeFields(a)).localeCompare(placeSortKey(placeFields(b)), 'en', { numeric: true }));

  const occupants = stays.map((s): SheetOccupant => {
    const standby = s.specialConditions.filter((c) => (STANDBY_CONDITIONS as readonly string[]).includes(c));
    return {
      stayId: s.stayId,
      ...placeFields(s),
      nameNative: s.person.nameNative,
      nameLatin: s.person.nameLatin,
      sex: s.person.sex,
      age: ageOn(s.person.birthDate, date),
      language: s.person.language,
      category: s.category,
      status: s.status,
      dayOfStay: dayOfStay(s.schedule.day1Date, date),
      ...(s.diet ? { diet: s.diet } : {}),
      ...(s.ethnicity ? { ethnicity: s.ethnicity } : {}),
      specialConditions: s.specialConditions,
      medicalStandby: standby.length > 0,
      birthday: isBirthday(s.person.birthDate, date),
      retestDue: s.schedule.retestDates.includes(date),
      documentsDue: s.schedule.documentDate === date,
      lastDay: s.schedule.endDate === date,
      meals: mealsOn(s, date, tz),
      checks: checksOn(s, date, tz, now),
    };
  });

  const meals = MEALS.map((meal): MealPlan => {
    const served = occupants.filter((o) => o.meals.includes(meal));
    return {
      meal,
      portions: served.length,
      notes: served
        .filter((o) => o.diet || o.ethnicity)
        .map((o) => ({ stayId: o.stayId, ...placeFields(o), nameNative: o.nameNative, ...(o.diet ? { diet: o.diet } : {}), ...(o.ethnicity ? { ethnicity: o.ethnicity } : {}) })),
    };
  });
  const birthdays = occupants
    .filter((o) => o.birthday)
    .map((o) => ({ stayId: o.stayId, ...placeFields(o), nameNative: o.nameNative, nameLatin: o.nameLatin, turns: o.age }));
  const medicalStandby = occupants
    .filter((o) => o.medicalStandby)
    .map((o) => ({ stayId: o.stayId, ...placeFields(o), nameNative: o.nameNative, conditions: o.specialConditions.filter((c) => (STANDBY_CONDITIONS as readonly string[]).includes(c)) }));
  const retestsDue = occupants.filter((o) => o.retestDue).map((o) => ({ stayId: o.stayId, ...placeFields(o), nameNative: o.nameNative, dayOfStay: o.dayOfStay }));

  return {
    facilityId,
    facilityName: facility.name,
    date,
    timeZone: tz,
    summary: {
      occupants: occupants.length,
      birthdays: birthdays.length,
      medicalStandby: medicalStandby.length,
      retestsDue: retestsDue.length,
      documentsDue: occupants.filter((o) => o.documentsDue).length,
      missingChecks: occupants.reduce((n, o) => n + o.checks.missing.length, 0),
      alerts: occupants.filter((o) => o.checks.alert).length,
    },
    occupants,
    meals,
    birthdays,
    medicalStandby,
    retestsDue,
  };
}
