import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { signedHeaders } from '../../functions/domain/lab-signature.js';
import { resetLabSecrets } from '../../functions/ports/lab-secrets.js';
import { db, tableName } from '../../functions/shared/db.js';
import { resetIntegrationConfig } from '../../functions/shared/integration-config.js';
import type { TestApi } from '../support/api.js';
import { registration, type FacilityFixture } from '../support/fixtures.js';

// Helpers for the lab webhook tests: labs with secrets (through the LAB_SECRETS
// environment variable, the local adapter), signed deliveries, stays that arrived
// some days ago, and direct reads of what was stored.

export interface TestLab {
  labId: string;
  secret: string;
}

export function newLab(prefix = 'lab'): TestLab {
  return { labId: `${prefix}-${randomBytes(4).toString('hex')}`, secret: randomBytes(32).toString('hex') };
}

/** Makes these labs (and only these) known to the webhook of this process. */
export function useLabs(...labs: TestLab[]): void {
  process.env.LAB_SECRETS = JSON.stringify(Object.fromEntries(labs.map((l) => [l.labId, l.secret])));
  resetIntegrationConfig();
  resetLabSecrets();
}

export async function deliver(api: TestApi, lab: TestLab, body: unknown, opts: { nowMs?: number; headers?: Record<string, string> } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return api.call('POST', '/lab/results', { rawBody: raw, headers: { 'content-type': 'application/json', ...signedHeaders(lab.labId, lab.secret, raw, opts.nowMs), ...opts.headers } });
}

export const hoursAgo = (h: number, now = Date.now()) => new Date(now - h * 3600_000).toISOString();

let serial = 0;
export function sampleId(prefix = 'SMP'): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${(serial++).toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;
}

export function result(overrides: Record<string, unknown> = {}) {
  return { sampleId: sampleId(), collectedAt: hoursAgo(6), resultedAt: hoursAgo(1), result: 'negative', method: 'RT-PCR', ...overrides };
}

export interface StayFixture {
  stayId: string;
  roomNumber: string;
  document: { type: string; number: string; country: string };
  schedule: { day1Date: string; retestDates: string[]; documentDate: string; endDate: string; releaseDate: string };
}

/** Registers a stay that arrived `daysAgo` days ago. */
export async function stayArrived(api: TestApi, f: FacilityFixture, daysAgo: number, person: Record<string, unknown> = {}): Promise<StayFixture> {
  const arrivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const body = registration({ arrival: { arrivedAt, flightNumber: 'CA936', originCountry: 'FR' } }, person);
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return { stayId: res.body.stayId, roomNumber: res.body.roomNumber, document: (body.person as { document: StayFixture['document'] }).document, schedule: res.body.schedule };
}

export async function itemsOf(pk: string, prefix = ''): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :p)' : 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export const remindersOf = (facilityId: string) => itemsOf(`FACILITY#${facilityId}`, 'REMINDER#');
export const dueItemsOf = (stayId: string) => itemsOf(`STAY#${stayId}`, 'DUE#');
export const sampleItems = (labId: string, id: string) => itemsOf(`SAMPLE#${labId}#${id}`);
