import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/shared/db.js';
import type { TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';

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

/** Registers a stay that arrived `daysAgo` days ago (day 1 = that date); returns its id and room. */
export async function stayArrived(
  api: TestApi,
  f: FacilityFixture,
  daysAgo: number,
  overrides: Record<string, unknown> = {},
  person: Record<string, unknown> = {},
): Promise<{ stayId: string; roomNumber: string; day1Date: string; schedule: Record<string, any> }> {
  const arrivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const body = registration({ arrival: { arrivedAt, flightNumber: 'CA936', originCountry: 'FR' }, ...overrides }, person);
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return { stayId: res.body.stayId, roomNumber: res.body.roomNumber, day1Date: res.body.schedule.day1Date, schedule: res.body.schedule };
}

/** Items of a partition whose sort key starts with `prefix` (base table). */
export async function itemsOf(pk: string, prefix: string): Promise<Record<string, any>[]> {
  const out = await db().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': prefix } }),
  );
  return out.Items ?? [];
}

export async function remindersOf(facilityId: string): Promise<Record<string, any>[]> {
  return itemsOf(`FACILITY#${facilityId}`, 'REMINDER#');
}

export function issuePaths(body: { issues?: { path: string }[] }): string[] {
  return (body.issues ?? []).map((i) => i.path).sort();
}
