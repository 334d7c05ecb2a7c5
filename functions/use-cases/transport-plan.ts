import { placeFields, placeSortKey } from '../domain/place.js';
import { departuresOn, DEPARTURE_MODES, type DepartureEntry, type DepartureMode } from '../entities/departure.js';
import { localDate } from '../domain/calendar.js';
import { toCsv } from '../domain/csv.js';
import { getVehicles, pickupsOn, type PickupAssignment, type Vehicle } from '../entities/vehicle.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

// Return-transport plan (DOMAIN: grouped by mode and departure time so vehicles can
// be arranged): a day's departures, one group per mode and time window in the
// facility's local time (2-hour windows by default, aligned on midnight).

export interface TransportGroup {
  mode: DepartureMode;
  /** Local window [from, to), HH:MM. */
  window: { from: string; to: string };
  count: number;
  /** People per flight or train number in this window (vehicles often go per flight). */
  byNumber: { number: string; count: number }[];
  people: TransportPerson[];
}

export interface TransportPerson {
  stayId: string;
  roomNumber?: string;
  gridCell?: string;
  nameNative: string;
  nameLatin: string;
  localTime: string;
  departureAt: string;
  number?: string;
  destination: { city: string; country: string };
  pickupAt?: string;
  pickupTime?: string;
}

/**
 * The people one vehicle run takes: everyone of the date picked up at the same time,
 * whatever their mode (a train at 09:10 and a flight at 10:30 share the 07:30 bus).
 */
export interface PickupGroup {
  /** Facility-local pickup time HH:MM. */
  time: string;
  count: number;
  modes: DepartureMode[];
  people: TransportPerson[];
  vehicles: Vehicle[];
  seats: number;
  /** People beyond the assigned seats (someone was added after the vehicles were assigned). */
  short: number;
}

export interface TransportPlan {
  facilityId: string;
  date: string;
  timeZone: string;
  windowMinutes: number;
  total: number;
  byMode: Record<DepartureMode, number>;
  groups: TransportGroup[];
  /** Every departure of the date by pickup time across modes, with the vehicles assigned. */
  pickups: PickupGroup[];
  /** Departures without a pickup time yet, by departure time. */
  noPickup: TransportPerson[];
  /** The facility's vehicles (PUT .../vehicles). */
  vehicles: Vehicle[];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function personOf(e: DepartureEntry): TransportPerson {
  return {
    stayId: e.stayId,
    ...placeFields(e),
    nameNative: e.nameNative,
    nameLatin: e.nameLatin,
    localTime: e.localTime,
    departureAt: e.departureAt,
    ...(e.number ? { number: e.number } : {}),
    destination: e.destination,
    ...(e.pickupAt && e.pickupLocalTime ? { pickupAt: e.pickupAt, pickupTime: e.pickupLocalTime } : {}),
  };
}

/** Plates compare without case or surrounding spaces ("京a12345 " is 京A12345). */
export const plateKey = (plate: string) => plate.trim().toUpperCase();

const byDeparture = (a: DepartureEntry, b: DepartureEntry) =>
  a.departureAt.localeCompare(b.departureAt) || placeSortKey(a).localeCompare(placeSortKey(b), 'en', { numeric: true });

/** The date's departures by pickup instant (a pickup the evening before sorts first), each with its vehicles. */
export function groupPickups(entries: readonly DepartureEntry[], assignments: readonly PickupAssignment[], vehicles: readonly Vehicle[]): { pickups: PickupGroup[]; noPickup: TransportPerson[] } {
  const fleet = new Map(vehicles.map((v) => [plateKey(v.plate), v]));
  const groups = new Map<string, { at: string; entries: DepartureEntry[] }>();
  for (const e of entries) {
    if (!e.pickupAt || !e.pickupLocalTime) continue;
    const g = groups.get(e.pickupLocalTime);
    if (!g) groups.set(e.pickupLocalTime, { at: e.pickupAt, entries: [e] });
    else {
      g.entries.push(e);
      if (e.pickupAt < g.at) g.at = e.pickupAt;
    }
  }
  const pickups = [...groups.entries()]
    .sort(([, a], [, b]) => Date.parse(a.at) - Date.parse(b.at))
    .map(([time, g]): PickupGroup => {
      const assigned = assignments.find((a) => a.time === time);
      const cars = (assigned?.plates ?? []).flatMap((p) => fleet.get(plateKey(p)) ?? []);
      const seats = cars.reduce((n, v) => n + v.seats, 0);
      const people = [...g.entries].sort(byDeparture).map(personOf);
      return { time, count: people.length, modes: DEPARTURE_MODES.filter((m) => g.entries.some((e) => e.mode === m)), people, vehicles: cars, seats, short: cars.length ? Math.max(0, people.length - seats) : 0 };
    });
  return { pickups, noPickup: entries.filter((e) => !e.pickupAt).sort(byDeparture).map(personOf) };
}

export function groupDepartures(entries: readonly DepartureEntry[], windowMinutes: number): TransportGroup[] {
  const groups = new Map<string, TransportGroup>();
  const sorted = [...entries].sort(
    (a, b) => a.localTime.localeCompare(b.localTime) || placeSortKey(a).localeCompare(placeSortKey(b), 'en', { numeric: true }),
  );
  for (const e of sorted) {
    const start = Math.floor(minutesOf(e.localTime) / windowMinutes) * windowMinutes;
    const key = `${DEPARTURE_MODES.indexOf(e.mode)}#${String(start).padStart(4, '0')}`;
    let g = groups.get(key);
    if (!g) {
      g = { mode: e.mode, window: { from: hhmm(start), to: hhmm(start + windowMinutes) }, count: 0, byNumber: [], people: [] };
      groups.set(key, g);
    }
    g.count++;
    g.people.push(personOf(e));
    if (e.number) {
      const n = g.byNumber.find((b) => b.number === e.number);
      if (n) n.count++;
      else g.byNumber.push({ number: e.number, count: 1 });
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g);
}

export async function transportPlan(principal: Principal, facilityId: string, q: { date?: string; windowMinutes: number }, now = new Date()): Promise<TransportPlan> {
  const facility = await loadFacilityFor(principal, facilityId);
  const date = q.date ?? localDate(now, facility.timeZone);
  const [entries, assignments, fleet] = await Promise.all([departuresOn(facilityId, date), pickupsOn(facilityId, date), getVehicles(facilityId)]);
  const byMode = Object.fromEntries(DEPARTURE_MODES.map((m) => [m, 0])) as Record<DepartureMode, number>;
  for (const e of entries) byMode[e.mode]++;
  return { facilityId, date, timeZone: facility.timeZone, windowMinutes: q.windowMinutes, total: entries.length, byMode, groups: groupDepartures(entries, q.windowMinutes), ...groupPickups(entries, assignments, fleet.vehicles), vehicles: fleet.vehicles };
}

export const TRANSPORT_CSV_HEADER = [
  'date',
  'mode',
  'window',
  'departure_time',
  'number',
  'room',
  'name_native',
  'name_latin',
  'destination_city',
  'destination_country',
  'stay_id',
] as const;

/** One row per person, in plan order (mode, window, time, room). */
export function transportCsv(plan: TransportPlan): string {
  const rows = plan.groups.flatMap((g) =>
    g.people.map((p) => [
      plan.date,
      g.mode,
      `${g.window.from}-${g.window.to}`,
      p.localTime,
      p.number ?? '',
      p.roomNumber ?? p.gridCell ?? '',
      p.nameNative,
      p.nameLatin,
      p.destination.city,
      p.destination.country,
      p.stayId,
    ]),
  );
  return toCsv(TRANSPORT_CSV_HEADER, rows);
}
