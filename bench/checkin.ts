import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { signToken } from '../local/jwt.js';
import type { LocalStack } from '../local/local-stack.js';
import { db, tableName } from '../functions/shared/db.js';
import { round, summarise, timed, type Summary } from './stats.js';

// Check-in latency through the whole local path (HTTP, JWT check, middy, zod,
// the check-in transaction) against a bare TransactWriteItems of the same seven
// items straight to DynamoDB Local, measured in the same run at the same concurrency.

export interface CheckinFigures {
  concurrency: number;
  checkin: Summary;
  bareTransaction: Summary;
  ratioP50: number;
  ratioP99: number;
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
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

/** The same seven writes as a check-in (room, guard, stay, three due items, audit), with no conditions that could fail. */
function bareItems(i: number, run: string) {
  const stay = `SB${run}${i}`;
  const put = (PK: string, SK: string, extra: Record<string, unknown> = {}) => ({ Put: { TableName: tableName(), Item: { PK, SK, ...extra, payload: 'x'.repeat(300) } } });
  return [
    { Update: { TableName: tableName(), Key: { PK: `FACILITY#bare${run}`, SK: `ROOM#${i}` }, UpdateExpression: 'SET #s = :o', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':o': 'occupied' } } },
    put(`DOC#passport#CN#BARE${run}${i}`, 'ACTIVE_STAY'),
    put(`STAY#${stay}`, 'STAY', { GSI1PK: `FACILITY#bare${run}#STAYS`, GSI1SK: stay, GSI2PK: `DOC#bare${run}${i}`, GSI2SK: stay }),
    put(`STAY#${stay}`, 'DUE#RETEST', { GSI3PK: `bare${run}`, GSI3SK: stay }),
    put(`STAY#${stay}`, 'DUE#DOCUMENT', { GSI3PK: `bare${run}`, GSI3SK: stay }),
    put(`STAY#${stay}`, 'DUE#END', { GSI3PK: `bare${run}`, GSI3SK: stay }),
    put(`STAY#${stay}`, `AUDIT#${i}`),
  ];
}

export async function benchCheckin(stack: LocalStack, opts: { perRun?: number; concurrencies?: number[] } = {}): Promise<CheckinFigures[]> {
  const perRun = opts.perRun ?? 160;
  const figures: CheckinFigures[] = [];
  const admin = signToken(stack.keys.privateKey, { sub: 'bench', role: 'admin', facilities: [] });
  for (const concurrency of opts.concurrencies ?? [1, 16]) {
    const run = `c${concurrency}${Date.now() % 100000}`;
    const facilityId = `bench-${run}`;
    await post(`${stack.url}/facilities`, admin, { facilityId, name: `Bench ${run}`, timeZone: 'Asia/Shanghai' });
    await post(`${stack.url}/facilities/${facilityId}/rooms`, admin, { range: { from: 1000, to: 1000 + perRun + 20 } });
    const staff = signToken(stack.keys.privateKey, { sub: 'bench', role: 'staff', facilities: [facilityId] });
    // Warm up both paths (JIT in Node and in DynamoDB Local) before measuring.
    const warm = 20;
    await timed(warm, concurrency, async (i) => void (await post(`${stack.url}/facilities/${facilityId}/stays`, staff, registration(perRun + i - warm + 20, run))));
    await timed(warm, concurrency, async (i) => void (await db().send(new TransactWriteCommand({ TransactItems: bareItems(perRun + 1000 + i, run) }))));
    let failures = 0;
    const checkin = await timed(perRun, concurrency, async (i) => {
      if ((await post(`${stack.url}/facilities/${facilityId}/stays`, staff, registration(i, run))) !== 201) failures++;
    });
    if (failures) throw new Error(`${failures} check-ins failed during the benchmark`);
    const bare = await timed(perRun, concurrency, async (i) => void (await db().send(new TransactWriteCommand({ TransactItems: bareItems(i, run) }))));
    const c = summarise(checkin);
    const b = summarise(bare);
    figures.push({ concurrency, checkin: c, bareTransaction: b, ratioP50: round(c.p50 / b.p50), ratioP99: round(c.p99 / b.p99) });
  }
  return figures;
}
