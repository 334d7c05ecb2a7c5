import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TxItems } from '../functions/shared/transact.js';
import { signToken } from '../local/jwt.js';
import type { LocalStack } from '../local/local-stack.js';
import { db, tableName } from '../functions/shared/db.js';
import { round, summarise, timed, type Summary } from './stats.js';

// Check-in latency through the whole local path (HTTP, JWT check, middy, zod,
// the check-in transaction) against a bare TransactWriteItems of as many items as
// the check-in's own transaction holds (counted from it, not assumed) straight to DynamoDB Local, measured in the same run at the same concurrency.
// Check-ins and baselines alternate (check-in i, then bare i) so that drift on a
// shared machine (DynamoDB Local's JIT, other processes) hits both alike. Two
// baselines: synthetic items of the same count (300-byte payloads, no conditions),
// and a replay of the check-in's own transaction (same items, sizes, conditions and
// indexes, on a twin facility) which isolates what our code adds around the write.
// Every DynamoDB call the check-ins make is counted by command.

export interface CheckinFigures {
  concurrency: number;
  checkin: Summary;
  bareTransaction: Summary;
  ratioP50: number;
  ratioP99: number;
  /** The check-in's own TransactItems replayed straight to DynamoDB. */
  replay?: Summary;
  replayRatioP50?: number;
  replayRatioP99?: number;
  /** DynamoDB commands per check-in (e.g. TransactWriteItemsCommand: 1). */
  dbCallsPerCheckin?: Record<string, number>;
  /** Items in a check-in's transaction (and so in each bare one). */
  items?: number;
}

type Tx = { TransactItems: Record<string, unknown>[] };

/** Marks the bench's own baseline calls, which the watch below does not count. */
const own = new AsyncLocalStorage<true>();
const sendOwn = (items: TxItems) => own.run(true, () => db().send(new TransactWriteCommand({ TransactItems: items })));

/**
 * Watches the process's DynamoDB client (the local stack runs the handlers in this
 * process): counts commands and keeps each check-in transaction, by stay id.
 */
function watchDb() {
  const counts: Record<string, number> = {};
  const transactions = new Map<string, Tx>();
  let on = false;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (on && !own.getStore()) {
        const name = String(context.commandName);
        counts[name] = (counts[name] ?? 0) + 1;
        const input = args.input as Tx;
        // Seen before or after the document client's marshalling: plain or {S: ...} values.
        const str = (v: unknown) => (typeof v === 'object' && v !== null && 'S' in v ? String((v as { S: unknown }).S) : typeof v === 'string' ? v : undefined);
        const stay = input.TransactItems?.map((t) => (t.Put as { Item?: Record<string, unknown> } | undefined)?.Item).find((i) => str(i?.SK) === 'STAY');
        const stayId = str(stay?.stayId);
        if (name === 'TransactWriteItemsCommand' && stayId) transactions.set(stayId, structuredClone(input));
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchWatch' },
  );
  return {
    counts,
    transactions,
    start: () => void (on = true),
    stop: () => void (on = false),
  };
}

/** The same transaction for another stay, person and facility: every string naming the old ones renamed. */
function replayOf(tx: Tx, renames: [string, string][]): Tx {
  let text = JSON.stringify(tx);
  for (const [from, to] of renames) text = text.split(from).join(to);
  return JSON.parse(text) as Tx;
}

function registration(i: number, run: string) {
  return {
    person: {
      nameNative: '张伟',
      nameLatin: 'ZHANG Wei',
      sex: 'M',
      birthDate: '1985-03-02',
      nationality: 'CN',
      document: { type: 'passport', number: `B${run}${i}`, country: 'CN' },
      phone: '+86 138 0000 0000',
      language: 'zh',
    },
    category: 'inbound',
    arrival: { arrivedAt: new Date().toISOString(), flightNumber: 'CA936', originCountry: 'FR' },
    roomNumber: String(1000 + i),
  };
}

async function post(url: string, token: string, body: unknown): Promise<number> {
  return (await postJson(url, token, body)).status;
}

async function postJson(url: string, token: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * `count` writes shaped like a check-in's (room, guard, stay, three due items, then audit,
 * ledger, ...), with no conditions that could fail; `count` is the check-in's own item count.
 */
function bareItems(i: number, run: string, count: number) {
  const stay = `SB${run}${i}`;
  const put = (PK: string, SK: string, extra: Record<string, unknown> = {}) => ({ Put: { TableName: tableName(), Item: { PK, SK, ...extra, payload: 'x'.repeat(300) } } });
  const items = [
    { Update: { TableName: tableName(), Key: { PK: `FACILITY#bare${run}`, SK: `ROOM#${i}` }, UpdateExpression: 'SET #s = :o', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':o': 'occupied' } } },
    put(`DOC#passport#CN#BARE${run}${i}`, 'ACTIVE_STAY'),
    put(`STAY#${stay}`, 'STAY', { GSI1PK: `FACILITY#bare${run}#STAYS`, GSI1SK: stay, GSI2PK: `DOC#bare${run}${i}`, GSI2SK: stay }),
    put(`STAY#${stay}`, 'DUE#RETEST', { GSI3PK: `bare${run}`, GSI3SK: stay }),
    put(`STAY#${stay}`, 'DUE#DOCUMENT', { GSI3PK: `bare${run}`, GSI3SK: stay }),
    put(`STAY#${stay}`, 'DUE#END', { GSI3PK: `bare${run}`, GSI3SK: stay }),
  ];
  for (let k = items.length; k < count; k++) items.push(put(`STAY#${stay}`, `ENTRY#${k}#${i}`));
  return items.slice(0, count);
}

export async function benchCheckin(stack: LocalStack, opts: { perRun?: number; concurrencies?: number[] } = {}): Promise<CheckinFigures[]> {
  const perRun = opts.perRun ?? 160;
  const figures: CheckinFigures[] = [];
  const admin = signToken(stack.keys.privateKey, { sub: 'bench', role: 'admin', facilities: [] });
  const watch = watchDb();
  for (const concurrency of opts.concurrencies ?? [1, 16]) {
    const run = `c${concurrency}${Date.now() % 100000}`;
    const facilityId = `bench-${run}`;
    // The twin facility the replayed transactions claim rooms of (same rooms, all free).
    const twinId = `twin-${run}`;
    for (const id of [facilityId, twinId]) {
      await post(`${stack.url}/facilities`, admin, { facilityId: id, name: `Bench ${id}`, timeZone: 'Asia/Shanghai' });
      await post(`${stack.url}/facilities/${id}/rooms`, admin, { range: { from: 1000, to: 1000 + perRun + 20 } });
    }
    const staff = signToken(stack.keys.privateKey, { sub: 'bench', role: 'staff', facilities: [facilityId] });
    // Warm up both paths (JIT in Node and in DynamoDB Local) before measuring; the
    // warm-up check-ins' transactions give the item count the bare ones copy.
    const warm = 20;
    watch.start();
    const warmStays: string[] = [];
    await timed(warm, concurrency, async (i) => {
      const res = await postJson(`${stack.url}/facilities/${facilityId}/stays`, staff, registration(perRun + i - warm + 20, run));
      if (res.status === 201) warmStays.push(String(res.body.stayId));
    });
    const itemCount = (stayId: string | undefined) => (stayId ? watch.transactions.get(stayId)?.TransactItems.length : undefined);
    const txItems = itemCount(warmStays[0]);
    if (!txItems) throw new Error('The warm-up check-ins wrote no transaction the bench could see');
    await timed(warm, concurrency, async (i) => void (await sendOwn(bareItems(perRun + 1000 + i, run, txItems) as TxItems)));
    let failures = 0;
    const checkin: number[] = [];
    const bare: number[] = [];
    const replay: number[] = [];
    const stays: string[] = [];
    const counted = { ...watch.counts };
    await timed(perRun, concurrency, async (i) => {
      let t = performance.now();
      const res = await postJson(`${stack.url}/facilities/${facilityId}/stays`, staff, registration(i, run));
      checkin.push(performance.now() - t);
      if (res.status !== 201) failures++;
      else stays[i] = String(res.body.stayId);
      t = performance.now();
      await sendOwn(bareItems(i, run, itemCount(stays[i]) ?? txItems) as TxItems);
      bare.push(performance.now() - t);
      // The very transaction check-in i wrote, for another stay, person and facility.
      const stayId = stays[i];
      const tx = stayId ? watch.transactions.get(stayId) : undefined;
      if (!stayId || !tx) return;
      const items = replayOf(tx, [
        [stayId, `${stayId}R`],
        [`B${run}${i}`.toUpperCase(), `R${run}${i}`.toUpperCase()],
        [facilityId, twinId],
      ]).TransactItems;
      t = performance.now();
      await sendOwn(items as TxItems);
      replay.push(performance.now() - t);
    });
    watch.stop();
    if (failures) throw new Error(`${failures} check-ins failed during the benchmark`);
    const calls = Object.fromEntries(
      Object.entries(watch.counts)
        .map(([k, v]) => [k, round((v - (counted[k] ?? 0)) / perRun)] as const)
        .filter(([, v]) => v > 0),
    );
    const c = summarise(checkin);
    const b = summarise(bare);
    const r = summarise(replay);
    figures.push({
      concurrency,
      checkin: c,
      bareTransaction: b,
      ratioP50: round(c.p50 / b.p50),
      ratioP99: round(c.p99 / b.p99),
      replay: r,
      replayRatioP50: round(c.p50 / r.p50),
      replayRatioP99: round(c.p99 / r.p99),
      dbCallsPerCheckin: calls,
      items: txItems,
    });
  }
  return figures;
}
