import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../functions/shared/db.js';
import type { TxItems } from '../functions/shared/transact.js';
import { signToken } from '../local/jwt.js';
import type { LocalStack } from '../local/local-stack.js';
import { round, summarise, timed, type Summary } from './stats.js';

// Issue 14's figures, each against a baseline measured in the same run:
// - a 500-row manifest (POST /stays/batch, households included) against the very
//   check-in transactions it wrote, replayed bare (same items, sizes and conditions,
//   for twin stays in a twin facility) at the same concurrency (16);
// - its dry run, which reads but writes nothing;
// - racing single check-ins without a room number (first free room) at concurrency
//   32, p99 against a bare replay of their own transactions at concurrency 32.

export interface ManifestFigures {
  rows: number;
  created: number;
  manifestMs: number;
  dryRunMs: number;
  bareMs: number;
  bareConcurrency: number;
  ratio: number;
  transactions: number;
  racing: { concurrency: number; n: number; checkin: Summary; bare: Summary; ratioP99: number; ratioP50: number };
}

type Tx = { TransactItems: Record<string, unknown>[] };
const own = new AsyncLocalStorage<true>();

/** Keeps every TransactWriteItems the handlers send (they run in this process), not the bench's own. */
let captures = 0;
function capture() {
  const seen: Tx[] = [];
  let on = false;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (on && !own.getStore() && context.commandName === 'TransactWriteItemsCommand') seen.push(structuredClone(args.input as Tx));
      return result;
    },
    { step: 'initialize', name: `manifestBenchCapture${captures++}` },
  );
  return { seen, start: () => void (on = true), stop: () => void (on = false) };
}

/** The same transaction for twin records: every id naming this run's facility and stays renamed. */
function twin(tx: Tx, from: string, to: string): TxItems {
  return JSON.parse(JSON.stringify(tx).split(from).join(to).replace(/"(S[0-9A-Z]{10,})"/g, '"$1T"').replace(/STAY#(S[0-9A-Z]{10,})/g, 'STAY#$1T').replace(/OCC#(S[0-9A-Z]{10,})/g, 'OCC#$1T').replace(/DOC#passport#CN#(M[0-9A-Z]+)/g, 'DOC#passport#CN#$1T')).TransactItems as TxItems;
}

function person(i: number, run: string, household?: string) {
  return {
    person: {
      nameNative: '张伟',
      nameLatin: 'ZHANG Wei',
      sex: i % 2 ? 'M' : 'F',
      birthDate: '1985-03-02',
      nationality: 'CN',
      document: { type: 'passport', number: `M${run}${i}`, country: 'CN' },
      phone: '+86 138 0000 0000',
      language: 'zh',
    },
    category: 'inbound',
    arrival: { arrivedAt: new Date().toISOString(), flightNumber: 'CA934', originCountry: 'FR' },
    ...(household ? { household } : {}),
  };
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function facility(stack: LocalStack, admin: string, id: string, rooms: unknown) {
  await post(`${stack.url}/facilities`, admin, { facilityId: id, name: `Bench ${id}`, timeZone: 'Asia/Shanghai' });
  const added = await post(`${stack.url}/facilities/${id}/rooms`, admin, rooms);
  if (added.status !== 201) throw new Error(`rooms: ${added.status}`);
}

export async function benchManifest(stack: LocalStack, opts: { rows?: number; racing?: number } = {}): Promise<ManifestFigures> {
  const rows = opts.rows ?? 500;
  const admin = signToken(stack.keys.privateKey, { sub: 'bench', role: 'admin', facilities: [] });
  const run = String(Date.now() % 1_000_000);
  const id = `mf-${run}`;
  const twinId = `mt-${run}`;
  // Rooms of 1-4 beds; a household of 2-3 every 10 rows (about a quarter of the people), the rest alone.
  const roomSpec = { rooms: Array.from({ length: rows + 20 }, (_, i) => ({ number: String(1000 + i), capacity: (i % 4) + 1 })) };
  for (const f of [id, twinId, `${id}w`]) await facility(stack, admin, f, roomSpec);
  const staff = signToken(stack.keys.privateKey, { sub: 'bench', role: 'staff', facilities: [id, `${id}w`] });
  const manifest = Array.from({ length: rows }, (_, i) => person(i, run, i % 10 < 3 ? `H${Math.floor(i / 10)}` : undefined));
  // Warm up the same path (JIT in Node and DynamoDB Local) on another facility.
  await post(`${stack.url}/facilities/${id}w/stays/batch`, staff, manifest.slice(0, 40).map((r, i) => person(i, `${run}w`, (r as { household?: string }).household)));

  let t = performance.now();
  const dry = await post(`${stack.url}/facilities/${id}/stays/batch?dryRun=true`, staff, manifest);
  const dryRunMs = performance.now() - t;
  if (dry.status !== 200) throw new Error(`dry run: ${dry.status}`);

  const cap = capture();
  cap.start();
  t = performance.now();
  const real = await post(`${stack.url}/facilities/${id}/stays/batch`, staff, manifest);
  const manifestMs = performance.now() - t;
  cap.stop();
  if (real.status !== 200) throw new Error(`manifest: ${real.status} ${JSON.stringify(real.body).slice(0, 300)}`);
  const created = Number(real.body.created);
  if (created !== rows) throw new Error(`manifest: ${created} of ${rows} created`);

  // The same transactions, bare, at the same concurrency as the manifest's own.
  const bareConcurrency = 16;
  const txs = cap.seen.map((tx) => twin(tx, id, twinId));
  t = performance.now();
  await timed(txs.length, bareConcurrency, async (i) => void (await own.run(true, () => db().send(new TransactWriteCommand({ TransactItems: txs[i] })))));
  const bareMs = performance.now() - t;

  // Racing single check-ins: no room named, everyone wants the first free room.
  const racingN = opts.racing ?? 320;
  const rid = `mr-${run}`;
  const rtwin = `mq-${run}`;
  for (const f of [rid, rtwin]) await facility(stack, admin, f, { range: { from: 1, to: racingN + 40 } });
  const rstaff = signToken(stack.keys.privateKey, { sub: 'bench', role: 'staff', facilities: [rid] });
  const concurrency = 32;
  const rcap = capture();
  rcap.start();
  const checkin: number[] = [];
  await timed(racingN, concurrency, async (i) => {
    const s = performance.now();
    const res = await post(`${stack.url}/facilities/${rid}/stays`, rstaff, person(i, `${run}r`));
    checkin.push(performance.now() - s);
    if (res.status !== 201) throw new Error(`racing check-in: ${res.status}`);
  });
  rcap.stop();
  const rtxs = rcap.seen.map((tx) => twin(tx, rid, rtwin));
  const bare = await timed(rtxs.length, concurrency, async (i) => void (await own.run(true, () => db().send(new TransactWriteCommand({ TransactItems: rtxs[i] })))));
  const c = summarise(checkin);
  const b = summarise(bare);
  return {
    rows,
    created,
    manifestMs: round(manifestMs),
    dryRunMs: round(dryRunMs),
    bareMs: round(bareMs),
    bareConcurrency,
    ratio: round(manifestMs / bareMs),
    transactions: txs.length,
    racing: { concurrency, n: racingN, checkin: c, bare: b, ratioP99: round(c.p99 / b.p99), ratioP50: round(c.p50 / b.p50) },
  };
}
