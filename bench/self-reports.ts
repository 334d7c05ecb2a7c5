import { BatchWriteCommand, QueryCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { pathToFileURL } from 'node:url';
import { facilityItem, type Facility } from '../functions/entities/facility.js';
import { hashSecret, linkItems, newSecret } from '../functions/entities/personal-link.js';
import { newWatchItem, watchKeys } from '../functions/entities/report-watch.js';
import { stayItem, type Stay } from '../functions/entities/stay.js';
import { addDays, localDate } from '../functions/domain/calendar.js';
import { localTimeOfDay } from '../functions/domain/checks.js';
import { DEFAULT_POLICY, scheduleFromDay1 } from '../functions/domain/schedule.js';
import { slotDeadline, slotDeadlines } from '../functions/domain/self-report.js';
import { mapWithConcurrency } from '../functions/shared/concurrency.js';
import { resetConfig } from '../functions/shared/config.js';
import { db, resetDb, tableName } from '../functions/shared/db.js';
import { missedReports } from '../functions/use-cases/missed-reports.js';
import { createTable } from '../local/create-table.js';
import { startDynamoLocal } from '../local/dynamodb-local.js';
import { startLocalStack } from '../local/local-stack.js';
import { freePort } from '../test/support/free-port.js';

// `npm run bench -- --only selfreport`:
//  1. 1,500 people at home with personal links; 3,000 self-reports (morning and
//     evening of each) through HTTP at concurrency 32, against a same-run baseline of
//     GET /me/stay (the same chain, the same link lookup and rate limits, no write);
//     then every report is looked for in the table: zero lost.
//  2. Items the missed-reports job reads at a slot deadline with 20 slots due, in a
//     table of 1,000 stays and one of 50,000 (watches of reported slots are off the
//     index): flat; the baseline is what a Scan of the table reads.

const CONCURRENCY = 32;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
function lat(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
}

/** A zone where it is now afternoon: both of today's slots can be reported. */
function afternoonZone(now: Date): string {
  const zones = ['Asia/Shanghai', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Pacific/Auckland', 'Asia/Kolkata', 'Asia/Tokyo', 'Atlantic/Azores', 'America/Sao_Paulo'];
  return zones.find((z) => localTimeOfDay(now, z) >= '12:30' && localTimeOfDay(now, z) <= '23:00') ?? 'Asia/Shanghai';
}

const facility = (id: string, timeZone: string, name: string): Facility => ({ facilityId: id, name, timeZone, policy: DEFAULT_POLICY, createdAt: new Date().toISOString(), createdBy: 'bench' });

function stay(n: number, facilityId: string, day1Date: string, status: Stay['status'] = 'active'): Stay {
  const at = new Date().toISOString();
  return {
    stayId: `S${String(n).padStart(12, '0')}`,
    facilityId,
    roomNumber: `H${n}`,
    status,
    category: 'close_contact',
    person: { nameNative: `居家${n}`, nameLatin: `HOME ${n}`, sex: 'F', birthDate: '1980-01-01', nationality: 'CN', document: { type: 'id_card', number: `B${n}`, country: 'CN' }, phone: '+8613800000000', language: 'zh' },
    arrival: { arrivedAt: at },
    specialConditions: [],
    policy: DEFAULT_POLICY,
    schedule: scheduleFromDay1(day1Date, DEFAULT_POLICY),
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    version: 1,
  };
}

async function write(items: Iterable<Record<string, unknown>>): Promise<number> {
  const batches: Record<string, unknown>[][] = [];
  let cur: Record<string, unknown>[] = [];
  for (const i of items) {
    cur.push(i);
    if (cur.length === 25) {
      batches.push(cur);
      cur = [];
    }
  }
  if (cur.length) batches.push(cur);
  await mapWithConcurrency(batches, 6, async (batch) => {
    let req = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let a = 0; req.length; a++) {
      const out: BatchWriteCommandOutput = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: req } }));
      req = (out.UnprocessedItems?.[tableName()] ?? []) as typeof req;
      if (req.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** a)));
    }
  });
  return batches.reduce((n, b) => n + b.length, 0);
}

async function timedFetch(url: string, init: RequestInit): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t };
  } catch {
    return { status: 0, ms: performance.now() - t };
  }
}

export interface SelfReportFigures {
  people: number;
  timeZone: string;
  reports: { n: number; status201: number; other: number; p50: number; p95: number; p99: number; max: number; throughputRps: number };
  baseline: { n: number; status200: number; p50: number; p95: number; p99: number; max: number };
  ratioP50: number;
  ratioP99: number;
  stored: number;
  lost: number;
  job: { stays: number; tableItems: number; due: number; itemsRead: number; steps: number; ms: number; scanItems: number }[];
}

async function reportLoad(people: number): Promise<Omit<SelfReportFigures, 'job'>> {
  process.env.PERSONAL_LINK_RATE = '100000';
  process.env.PERSONAL_CLIENT_RATE = '100000';
  const stack = await startLocalStack({ port: 0, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'bench-selfreport', jobs: false, ephemeralKey: true });
  try {
    const now = new Date();
    const tz = afternoonZone(now);
    const today = localDate(now, tz);
    const f = facility('bench-home', tz, '居家隔离 金水区');
    const secrets: string[] = [];
    const items: Record<string, unknown>[] = [facilityItem(f)];
    for (let n = 0; n < people; n++) {
      const s = stay(n, f.facilityId, addDays(today, -(n % 10)));
      const secret = newSecret();
      secrets.push(secret);
      items.push(stayItem(s), ...linkItems({ stayId: s.stayId, facilityId: f.facilityId, hash: hashSecret(secret), state: 'active', issuedAt: s.createdAt, issuedBy: 'bench', generation: 1 }));
    }
    await write(items);
    const get = (i: number) => timedFetch(`${stack.url}/me/stay`, { headers: { 'x-personal-key': secrets[i % people]! } });
    // Warm-up, then baseline and reports interleaved by phase (same server, same table).
    await mapWithConcurrency(Array.from({ length: 200 }, (_, i) => i), CONCURRENCY, (i) => get(i));
    const baseline: { status: number; ms: number }[] = [];
    const t0 = performance.now();
    await mapWithConcurrency(Array.from({ length: 2 * people }, (_, i) => i), CONCURRENCY, async (i) => void baseline.push(await get(i)));
    void t0;
    const tasks = Array.from({ length: 2 * people }, (_, i) => ({ i: i % people, slot: i < people ? 'morning' : 'evening' }));
    const results: { status: number; ms: number }[] = [];
    const t1 = performance.now();
    await mapWithConcurrency(tasks, CONCURRENCY, async (t) => {
      results.push(
        await timedFetch(`${stack.url}/me/reports`, {
          method: 'POST',
          headers: { 'x-personal-key': secrets[t.i]!, 'content-type': 'application/json' },
          body: JSON.stringify({ slot: t.slot, temperatureC: 36.4 + (t.i % 5) / 10, symptoms: [] }),
        }),
      );
    });
    const wall = performance.now() - t1;
    let stored = 0;
    await mapWithConcurrency(Array.from({ length: people }, (_, i) => i), 16, async (n) => {
      const out = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': `STAY#S${String(n).padStart(12, '0')}`, ':p': `CHECK#${today}#` }, ConsistentRead: true }));
      stored += (out.Items ?? []).filter((c) => c.source === 'self').length;
    });
    const r = lat(results.map((x) => x.ms));
    const b = lat(baseline.map((x) => x.ms));
    const ok = results.filter((x) => x.status === 201).length;
    return {
      people,
      timeZone: tz,
      reports: { ...r, status201: ok, other: results.length - ok, throughputRps: round(results.length / (wall / 1000)) },
      baseline: { ...b, status200: baseline.filter((x) => x.status === 200).length },
      ratioP50: round(r.p50 / b.p50, 2),
      ratioP99: round(r.p99 / b.p99, 2),
      stored,
      lost: ok - stored,
    };
  } finally {
    await stack.stop();
    delete process.env.PERSONAL_LINK_RATE;
    delete process.env.PERSONAL_CLIENT_RATE;
    resetConfig();
  }
}

const JOB_DATE = '2026-12-04';
const JOB_TZ = 'Asia/Shanghai';

async function jobReads(sizes: number[], due: number): Promise<SelfReportFigures['job']> {
  const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
  const dynamo = await startDynamoLocal({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  const out: SelfReportFigures['job'] = [];
  try {
    for (const total of sizes) {
      const table = `bench-missed-${total}`;
      await createTable(dynamo.endpoint, table);
      process.env.TABLE_NAME = table;
      resetConfig();
      resetDb();
      const facilities = [0, 1, 2, 3].map((i) => facility(`home-${i}`, JOB_TZ, `居家 ${i}`));
      const deadline = slotDeadline(JOB_DATE, 'morning', slotDeadlines(undefined), JOB_TZ).toISOString();
      function* items(): Generator<Record<string, unknown>> {
        for (const f of facilities) yield facilityItem(f);
        for (let n = 0; n < total; n++) {
          const f = facilities[n % facilities.length]!;
          const s = stay(n, f.facilityId, addDays(JOB_DATE, -(n % 10)));
          yield stayItem(s);
          const w = newWatchItem({ stayId: s.stayId, facilityId: f.facilityId, date: JOB_DATE, slot: 'morning', deadlineAt: deadline, step: 0, state: 'watching', createdAt: s.createdAt });
          if (n < due) yield w;
          else {
            // Reported: the watch is off the job's index.
            const { GSI3PK: _p, GSI3SK: _s, ...reported } = w;
            yield { ...reported, state: 'reported', reportedAt: s.createdAt };
          }
        }
      }
      const tableItems = await write(items());
      const t = performance.now();
      const result = await missedReports({ now: new Date(deadline) });
      const ms = Math.round(performance.now() - t);
      let scanItems = 0;
      const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db().send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }));
        scanItems += page.ScannedCount ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      out.push({ stays: total, tableItems, due: result.due, itemsRead: result.itemsRead, steps: result.steps[1], ms, scanItems });
      void watchKeys;
    }
    return out;
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

export async function benchSelfReports(opts: { people?: number; sizes?: number[]; due?: number } = {}): Promise<SelfReportFigures> {
  const load = await reportLoad(opts.people ?? 1_500);
  const job = await jobReads(opts.sizes ?? [1_000, 50_000], opts.due ?? 20);
  return { ...load, job };
}

export function renderSelfReports(f: SelfReportFigures): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    '## Self-reports from home: 3,000 a day at concurrency 32, and the missed-reports job',
    '',
    `${f.people} people at home with personal links (facility time zone ${f.timeZone}); each sends the morning and the evening report through \`POST /me/reports\` (${CONCURRENCY} at once). Baseline, same run and server: \`GET /me/stay\` with the same links (same chain, link lookup and two rate-limit counters, no transaction). Then each stay's checks are read back: lost = answered 201 but not stored.`,
    '',
    row(['requests', '201', 'other', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'baseline GET p50 / p99 ms', 'ratio p50', 'ratio p99', 'stored', 'lost']),
    row(Array(13).fill('---')),
    row([f.reports.n, f.reports.status201, f.reports.other, f.reports.p50, f.reports.p95, f.reports.p99, f.reports.max, f.reports.throughputRps, `${f.baseline.p50} / ${f.baseline.p99}`, f.ratioP50, f.ratioP99, f.stored, f.lost]),
    '',
    `Items the missed-reports job reads at the morning deadline (${JOB_DATE} 10:00 ${JOB_TZ}), ${f.job[0]?.due ?? 20} slots unreported, every other slot reported (its watch off the index); baseline: the items a Scan reads.`,
    '',
    row(['stays', 'table items', 'due slots', 'step-1 reminders', 'items read', 'ms', 'baseline: Scan items', 'ratio']),
    row(Array(8).fill('---')),
    ...f.job.map((j) => row([j.stays, j.tableItems, j.due, j.steps, j.itemsRead, j.ms, j.scanItems, round(j.itemsRead / j.scanItems, 5)])),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.LOG_LEVEL ??= 'silent';
  const figures = await benchSelfReports();
  console.log(renderSelfReports(figures));
}
