import { randomBytes } from 'node:crypto';
import type { LabScope } from '../../functions/domain/lab-scope.js';
import { signedHeaders } from '../../functions/domain/lab-signature.js';
import { putLab } from '../../functions/entities/lab.js';
import { resetLabSecrets } from '../../functions/ports/lab-secrets.js';
import { resetIntegrationConfig } from '../../functions/shared/integration-config.js';
import type { TestApi } from '../support/api.js';

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

/**
 * Makes these labs (and only these) known to the webhook of this process. They serve
 * every facility unless `scope` says otherwise (a test of lab scope sets it).
 */
export async function useLabs(...labs: TestLab[]): Promise<void> {
  process.env.LAB_SECRETS = JSON.stringify(Object.fromEntries(labs.map((l) => [l.labId, l.secret])));
  resetIntegrationConfig();
  resetLabSecrets();
  await Promise.all(labs.map((l) => scopeLab(l.labId, { all: true })));
}

/** What an administrator sets with PUT /labs/{labId}/facilities, written directly. */
export async function scopeLab(labId: string, scope: LabScope): Promise<void> {
  await putLab({ labId, scope, updatedAt: new Date().toISOString(), updatedBy: 'test-setup' });
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

export { stayArrived, type StayFixture } from '../support/fixtures.js';
export { itemsOf, remindersOf } from '../support/items.js';
import { itemsOf } from '../support/items.js';

export const dueItemsOf = (stayId: string) => itemsOf(`STAY#${stayId}`, 'DUE#');
export const sampleItems = (labId: string, id: string) => itemsOf(`SAMPLE#${labId}#${id}`);
