import { placeFields, placeSortKey } from '../domain/place.js';
import { departuresOn, DEPARTURE_MODES, type DepartureEntry, type DepartureMode } from '../entities/departure.js';
import { localDate } from '../domain/calendar.js';
import { toCsv } from '../domain/csv.js';
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
}

export interface TransportPlan {
  facilityId: string;
  date: string;
  timeZone: string;
  windowMinutes: number;
  total: number;
  byMode: Record<DepartureMode, number>;
  groups: TransportGroup[];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

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
    g.people.push({
      stayId: e.stayId,
      ...placeFields(e),
      nameNative: e.nameNative,
      nameLatin: e.nameLatin,
      localTime: e.localTime,
      departureAt: e.departureAt,
      ...(e.number ? { number: e.number } : {}),
      destination: e.destination,
    });
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
  const entries = await departuresOn(facilityId, date);
  const byMode = Object.fromEntries(DEPARTURE_MODES.map((m) => [m, 0])) as Record<DepartureMode, number>;
  for (const e of entries) byMode[e.mode]++;
  return { facilityId, date, timeZone: facility.timeZone, windowMinutes: q.windowMinutes, total: entries.length, byMode, groups: groupDepartures(entries, q.windowMinutes) };
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
