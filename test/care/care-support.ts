import type { TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';

// Helpers for the daily-care tests: facilities in a fixed-offset zone chosen so that
// "now" falls in a wanted local time range (check deadlines depend on the hour),
// stays that arrived some days ago, and direct reads of the items a use case wrote.

/** The calendar date of `at` in `timeZone`. */
export function dateIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * An Etc/GMT±N zone (fixed offset) whose local time now lies in [from, to) (HH:MM).
 * Etc names are inverted: Etc/GMT-8 is UTC+8.
 */
export function zoneWithLocalTime(from: string, to: string, now = new Date()): string {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const utc = now.getUTCHours() * 60 + now.getUTCMinutes();
  for (let offset = -12; offset <= 14; offset++) {
    const local = (((utc + offset * 60) % 1440) + 1440) % 1440;
    if (local >= minutes(from) && local < minutes(to)) return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  throw new Error(`No whole-hour zone has a local time in ${from}..${to} now`);
}

export async function facilityIn(api: TestApi, rooms: number, timeZone: string): Promise<FacilityFixture> {
  return facilityWithRooms(api, rooms, { timeZone });
}

export { stayArrived } from '../support/fixtures.js';

export { itemsOf, remindersOf } from '../support/items.js';

export function issuePaths(body: { issues?: { path: string }[] }): string[] {
  return (body.issues ?? []).map((i) => i.path).sort();
}
