import { BatchWriteCommand, ScanCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { pathToFileURL } from 'node:url';
import { openDueItem, type DueItem } from '../functions/entities/due-item.js';
import { facilityItem, type Facility } from '../functions/entities/facility.js';
import { stayItem, type Stay } from '../functions/entities/stay.js';
import { addDays } from '../functions/domain/calendar.js';
import { DEFAULT_POLICY, dayOfStay, scheduleFromDay1 } from '../functions/domain/schedule.js';
import type { Notifier } from '../functions/ports/notifier.js';
import { mapWithConcurrency } from '../functions/shared/concurrency.js';
import { resetConfig } from '../functions/shared/config.js';
import { db, resetDb, tableName } from '../functions/shared/db.js';
import { deliverReminders } from '../functions/use-cases/deliver-reminders.js';
import { releaseDue, retestDue } from '../functions/use-cases/due-jobs.js';
import { createTable } from '../local/create-table.js';
import { startDynamoLocal } from '../local/dynamodb-local.js';
import { freePort } from '../test/support/free-port.js';

// Items read by the scheduled jobs as the table grows: the same number of stays is
// due (20 per kind) in a table of 1,000 stays and in one of 50,000, and each job
// reports the items it read. The baseline, measured in the same run, is what a job
// that scanned the table would read. Items are written straight to DynamoDB Local
// with BatchWriteItem and the entity item builders (check-in through HTTP would
// take far too long at this size). `npx tsx bench/jobs.ts` runs it on its own.

const TIME_ZONE = 'Asia/Shanghai';
/** The job clock: 08:00 in Shanghai on the bench date. */
const DATE = '2026-12-04';
const NOW = new Date(`${DATE}T08:00:00+08:00`);
const FACILITIES = 4;

export interface JobFigure {
  itemsRead: number;
  ms: number;
  flagged: number;
  /** itemsRead / items a Scan reads (the baseline). */
  ratioToScan: number;
}

export interface SizeFigures {
  stays: number;
  tableItems: number;
  seedSeconds: number;
  'retest-due': JobFigure;
  'release-due': JobFigure;
  'deliver-reminders': JobFigure;
  /** Baseline: items a Scan of the table reads (what a job without the sparse index would pay). */
  scanBaseline: { itemsRead: number; ms: number };
}

function facility(i: number): Facility {
  return { facilityId: `bench-f${i}`, name: `Bench hotel ${i}`, timeZone: TIME_ZONE, policy: DEFAULT_POLICY, createdAt: NOW.toISOString(), createdBy: 'bench' };
}

function stay(n: number, facilityId: string, day1Date: string, status: Stay['status']): Stay {
  const at = NOW.toISOString();
  return {
    stayId: `SB${String(n).padStart(8, '0')}`,
    facilityId,
    roomNumber: String(1000 + (n % 9000)),
    status,
    category: 'inbound',
    person: {
      nameNative: '张伟',
      nameLatin: 'ZHANG Wei',
      sex: 'M',
      birthDate: '1985-03-02',
      nationality: 'CN',
      document: { type: 'passport', number: `B${String(n).padStart(9, '0')}`, country: 'CN' },
      phone: '+86 138 0000 0000',
      language: 'zh',
    },
    arrival: { arrivedAt: `${day1Date}T10:00:00+08:00`, flightNumber: 'CA936', originCountry: 'FR' },
    specialConditions: [],
    policy: DEFAULT_POLICY,
    schedule: scheduleFromDay1(day1Date, DEFAULT_POLICY),
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    version: 1,
  };
}

/** The stay's three due items; those not in `open` are written resolved/closed (no GSI3 keys), as the app leaves them. */
function dueItems(s: Stay, open: ReadonlySet<DueItem['kind']>) {
  const base = { stayId: s.stayId, facilityId: s.facilityId, roomNumber: s.roomNumber };
  const day = (d: string) => dayOfStay(s.schedule.day1Date, d);
  const items: DueItem[] = [
    { ...base, kind: 'RETEST', dueDate: s.schedule.retestDates[0]!, day: day(s.schedule.retestDates[0]!) },
    { ...base, kind: 'DOCUMENT', dueDate: s.schedule.documentDate, day: day(s.schedule.documentDate) },
    { ...base, kind: 'END', dueDate: s.schedule.endDate, day: day(s.schedule.endDate) },
  ];
  return items.map((d) => {
    const item: Record<string, unknown> = openDueItem(d);
    if (open.has(d.kind)) return item;
    const { GSI3PK: _pk, GSI3SK: _sk, ...closed } = item;
    return { ...closed, state: s.status === 'active' ? 'resolved' : 'closed' };
  });
}

/** Every item of a table holding `total` stays of which `due` per kind are due on DATE. */
function* seedItems(total: number, due: number): Generator<Record<string, unknown>> {
  for (let i = 0; i < FACILITIES; i++) yield facilityItem(facility(i));
  const all = new Set<DueItem['kind']>(['RETEST', 'DOCUMENT', 'END']);
  for (let n = 0; n < total; n++) {
    const fid = facility(n % FACILITIES).facilityId;
    let s: Stay;
    let open: Set<DueItem['kind']>;
    if (n < due) {
      // Day 12 today: the retest is due.
      s = stay(n, fid, addDays(DATE, -11), 'active');
      open = all;
    } else if (n < 2 * due) {
      // Day 13 today: documents due; the retest sample came yesterday.
      s = stay(n, fid, addDays(DATE, -12), 'active');
      open = new Set(['DOCUMENT', 'END']);
    } else if (n < 3 * due) {
      // Ended three days ago, never released: expired isolation (its document item is past, still open).
      s = stay(n, fid, addDays(DATE, -16), 'active');
      open = new Set(['DOCUMENT', 'END']);
    } else if (n % 2 === 0) {
      // In observation, everything due later.
      s = stay(n, fid, addDays(DATE, -(n % 11)), 'active');
      open = all;
    } else {
      // Released long ago: its items are closed.
      s = stay(n, fid, addDays(DATE, -(17 + (n % 380))), 'released');
      open = new Set();
    }
    yield stayItem(s);
    yield* dueItems(s, open);
  }
}

async function seed(total: number, due: number): Promise<number> {
  const batches: Record<string, unknown>[][] = [];
  let current: Record<string, unknown>[] = [];
  for (const item of seedItems(total, due)) {
    current.push(item);
    if (current.length === 25) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  await mapWithConcurrency(batches, 6, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const out: BatchWriteCommandOutput = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      if (requests.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  });
  return batches.reduce((n, b) => n + b.length, 0);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

async function scanCount(): Promise<number> {
  let scanned = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT', ExclusiveStartKey: start }));
    scanned += out.ScannedCount ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return scanned;
}

const silent: Notifier = { name: 'bench', send: async () => undefined, sendToPerson: async () => undefined };

async function measure(endpoint: string, total: number, due: number): Promise<SizeFigures> {
  const table = `bench-jobs-${total}`;
  await createTable(endpoint, table);
  process.env.TABLE_NAME = table;
  resetConfig();
  resetDb();
  const [tableItems, seedMs] = await timed(() => seed(total, due));
  const ctx = { now: NOW };
  const [retest, retestMs] = await timed(() => retestDue(ctx));
  const [release, releaseMs] = await timed(() => releaseDue(ctx));
  const [deliver, deliverMs] = await timed(() => deliverReminders(NOW, silent));
  const [scanned, scanMs] = await timed(scanCount);
  const ratio = (n: number) => Math.round((n / scanned) * 1e5) / 1e5;
  return {
    stays: total,
    tableItems,
    seedSeconds: Math.round(seedMs / 100) / 10,
    'retest-due': { itemsRead: retest.itemsRead, ms: retestMs, flagged: retest.dueToday + retest.overdue, ratioToScan: ratio(retest.itemsRead) },
    'release-due': { itemsRead: release.itemsRead, ms: releaseMs, flagged: release.expired + release.documentsDue, ratioToScan: ratio(release.itemsRead) },
    'deliver-reminders': { itemsRead: deliver.itemsRead, ms: deliverMs, flagged: deliver.delivered, ratioToScan: ratio(deliver.itemsRead) },
    scanBaseline: { itemsRead: scanned, ms: scanMs },
  };
}

export async function benchJobReads(opts: { sizes?: number[]; due?: number } = {}): Promise<{ date: string; duePerKind: number; sizes: Record<string, SizeFigures> }> {
  const sizes = opts.sizes ?? [1_000, 50_000];
  const due = opts.due ?? 20;
  const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
  const dynamo = await startDynamoLocal({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  try {
    const figures: Record<string, SizeFigures> = {};
    for (const total of sizes) figures[String(total)] = await measure(dynamo.endpoint, total, due);
    return { date: DATE, duePerKind: due, sizes: figures };
  } finally {
    resetDb();
    await dynamo.stop();
    for (const [key, value] of [['DYNAMODB_ENDPOINT', saved.endpoint], ['TABLE_NAME', saved.table]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetConfig();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.LOG_LEVEL ??= 'silent';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const result = await benchJobReads(sizes.length ? { sizes } : {});
  const rows = Object.values(result.sizes).flatMap((s) =>
    (['retest-due', 'release-due', 'deliver-reminders'] as const).map((job) => `| ${s.stays} | ${s.tableItems} | ${job} | ${s[job].flagged} | ${s[job].itemsRead} | ${s[job].ms} | ${s.scanBaseline.itemsRead} |`),
  );
  console.log(
    [
      `Items read by the jobs on ${result.date} (${result.duePerKind} stays due per kind), DynamoDB Local:`,
      '',
      '| stays | table items | job | flagged / delivered | items read | ms | baseline: items a Scan reads |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
}
