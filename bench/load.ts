import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { signToken } from '../local/jwt.js';
import { startLocalStack, type LocalStack } from '../local/local-stack.js';
import { signedHeaders } from '../functions/domain/lab-signature.js';
import { resetLabSecrets } from '../functions/ports/lab-secrets.js';
import { roomFromItem } from '../functions/entities/room.js';
import { db, tableName } from '../functions/shared/db.js';
import { resetIntegrationConfig } from '../functions/shared/integration-config.js';
import { freePort } from '../test/support/free-port.js';
import { percentile, round } from './stats.js';

// Load, loopback only and bounded: 2,000 registrations across 10 facilities (single
// check-ins and flight manifests) and 5,000 signed lab-result deliveries (with exact
// re-deliveries, supersessions and out-of-order older reports) at concurrency 32,
// next to a trivial route measured at the same concurrency in the same run. Then
// every record is counted back with Queries (per facility, per stay, per sample):
// exactly the stays, rooms, samples and results that were sent, none lost, none doubled.
//
// `npx tsx bench/load.ts` runs it alone on its own in-memory stack and prints JSON.

export interface LoadOptions {
  /** A started local stack; without it one is started (in-memory DynamoDB Local) and stopped. */
  stack?: LocalStack;
  facilities?: number;
  stays?: number;
  labResults?: number;
  concurrency?: number;
  /** Requests of the baseline route(s). */
  baselineRequests?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface PhaseFigures {
  requests: number;
  records: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  /** Network errors (no HTTP answer at all). */
  failed: number;
  wallMs: number;
  throughputRps: number;
  latencyMs: Latency;
  /** Per kind of request where a phase mixes them. */
  byKind?: Record<string, { requests: number; latencyMs: Latency }>;
  /** Phase-specific tallies (statuses the API answered per record). */
  detail?: Record<string, unknown>;
  /**
   * Latency ratios to the same-concurrency baselines measured in this run: GET /verify of
   * an unknown id (HTTP + middy + one GetItem: the main baseline) and the web page GET /.
   */
  ratioToBaseline?: { verify: { p50: number; p99: number }; webPage: { p50: number; p99: number } };
}

export interface LoadFigures {
  concurrency: number;
  facilities: number;
  baseline: { webPage: PhaseFigures; verifyUnknown: PhaseFigures };
  setup: { facilities: number; roomsPerFacility: number; wallMs: number };
  registration: PhaseFigures;
  labResults: PhaseFigures;
  verification: { ok: boolean; wallMs: number; counted: Record<string, number>; problems: string[] };
  ok: boolean;
  totalWallMs: number;
}

interface Sample {
  status: number; // 0: network error
  ms: number;
  kind: string;
}

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN), mean: round(mean) };
}

function phase(samples: Sample[], wallMs: number, records: number): PhaseFigures {
  const count = (lo: number, hi: number) => samples.filter((s) => s.status >= lo && s.status < hi).length;
  const kinds = [...new Set(samples.map((s) => s.kind))];
  return {
    requests: samples.length,
    records,
    status2xx: count(200, 300),
    status4xx: count(400, 500),
    status5xx: count(500, 600),
    failed: samples.filter((s) => s.status === 0).length,
    wallMs: Math.round(wallMs),
    throughputRps: round(samples.length / (wallMs / 1000), 1),
    latencyMs: latency(samples.map((s) => s.ms)),
    ...(kinds.length > 1
      ? { byKind: Object.fromEntries(kinds.map((k) => { const of = samples.filter((s) => s.kind === k); return [k, { requests: of.length, latencyMs: latency(of.map((s) => s.ms)) }]; })) }
      : {}),
  };
}

/** Runs `tasks` with `concurrency` workers; returns the wall time in ms. */
async function pool<T>(tasks: T[], concurrency: number, run: (task: T, i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        await run(tasks[i] as T, i);
      }
    }),
  );
  return performance.now() - t0;
}

async function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; ms: number; body: any }> {
  const t = performance.now();
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    const ms = performance.now() - t;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (the web page)
    }
    return { status: res.status, ms, body };
  } catch (err) {
    return { status: 0, ms: performance.now() - t, body: String(err) };
  }
}

/** Query every item of a partition (or an index partition), following pages. */
async function queryAll(params: { pk: string; prefix?: string; index?: 'GSI1' }): Promise<Record<string, any>[]> {
  const pkName = params.index ? `${params.index}PK` : 'PK';
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        ...(params.index ? { IndexName: params.index } : { ConsistentRead: true }),
        KeyConditionExpression: params.prefix ? `${pkName} = :pk AND begins_with(SK, :p)` : `${pkName} = :pk`,
        ExpressionAttributeValues: { ':pk': params.pk, ...(params.prefix ? { ':p': params.prefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function benchLoad(opts: LoadOptions = {}): Promise<LoadFigures> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`[load] ${l}\n`));
  const own = !opts.stack;
  const stack =
    opts.stack ??
    (await startLocalStack({ port: 0, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'bench-load', jobs: false, ephemeralKey: true }));
  try {
    return await run(stack, opts, log);
  } finally {
    if (own) await stack.stop();
  }
}

async function run(stack: LocalStack, opts: LoadOptions, log: (l: string) => void): Promise<LoadFigures> {
  const started = performance.now();
  const C = opts.concurrency ?? 32;
  const nFacilities = opts.facilities ?? 10;
  const nStays = opts.stays ?? 2000;
  const nLab = opts.labResults ?? 5000;
  const perFacility = Math.ceil(nStays / nFacilities);
  const roomsPerFacility = perFacility + 30;
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
  const base = stack.url;
  const admin = signToken(stack.keys.privateKey, { sub: 'bench-admin', role: 'admin', facilities: [] });

  // The lab, known to the webhook of this process through LAB_SECRETS (the local adapter).
  const lab = { labId: `bench-lab-${tag.toLowerCase()}`, secret: randomBytes(32).toString('hex') };
  const previousSecrets = process.env.LAB_SECRETS;
  process.env.LAB_SECRETS = JSON.stringify({ ...(previousSecrets ? (JSON.parse(previousSecrets) as Record<string, string>) : {}), [lab.labId]: lab.secret });
  resetIntegrationConfig();
  resetLabSecrets();
  // A lab serves only the facilities an administrator names; the bench lab serves all.
  const scoped = await fetch(`${base}/labs/${lab.labId}/facilities`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ facilities: 'all' }),
  });
  if (scoped.status !== 200) throw new Error(`lab scope: ${scoped.status} ${await scoped.text()}`);

  try {
    // --- Baseline: trivial routes at the same concurrency, warmed first. ----------
    const nBase = opts.baselineRequests ?? 2000;
    const baselineOf = async (path: string, headers: Record<string, string> = {}) => {
      await pool(Array.from({ length: 100 }), C, async () => void (await request(base + path, { headers })));
      const samples: Sample[] = [];
      const wall = await pool(Array.from({ length: nBase }), C, async () => {
        const r = await request(base + path, { headers });
        samples.push({ status: r.status, ms: r.ms, kind: path });
      });
      return phase(samples, wall, 0);
    };
    log(`baseline: ${nBase} x GET / and GET /verify/D0000000000000 at concurrency ${C}`);
    const webPage = await baselineOf('/');
    const verifyUnknown = await baselineOf('/verify/D0000000000000', { accept: 'application/json' });

    // --- Setup: facilities and rooms (not measured). -------------------------------
    const t0 = performance.now();
    const facilities = Array.from({ length: nFacilities }, (_, f) => `load-${tag.toLowerCase()}-${f}`);
    for (const facilityId of facilities) {
      const json = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
      const created = await request(`${base}/facilities`, { method: 'POST', headers: json, body: JSON.stringify({ facilityId, name: `Load ${facilityId}`, timeZone: 'Asia/Shanghai' }) });
      if (created.status !== 201) throw new Error(`facility ${facilityId}: ${created.status} ${JSON.stringify(created.body)}`);
      const rooms = await request(`${base}/facilities/${facilityId}/rooms`, { method: 'POST', headers: json, body: JSON.stringify({ range: { from: 101, to: 100 + roomsPerFacility } }) });
      if (rooms.status !== 201) throw new Error(`rooms ${facilityId}: ${rooms.status} ${JSON.stringify(rooms.body)}`);
    }
    const setupMs = performance.now() - t0;
    log(`setup: ${nFacilities} facilities x ${roomsPerFacility} rooms in ${Math.round(setupMs)} ms`);

    // --- Registration: singles and 20-row manifests, shuffled across facilities. ---
    const arrivedAt = iso(Date.now() - 2 * 86_400_000);
    const person = (i: number) => ({
      person: {
        nameNative: '张伟',
        nameLatin: 'ZHANG Wei',
        sex: i % 2 ? 'M' : 'F',
        birthDate: '1985-03-02',
        nationality: 'CN',
        document: { type: 'passport', number: `L${tag}${i}`, country: 'CN' },
        phone: '+86 138 0000 0000',
        language: 'zh',
      },
      category: 'inbound',
      arrival: { arrivedAt, flightNumber: 'CA936', originCountry: 'FR' },
    });
    const documentOf = (i: number) => ({ type: 'passport', number: `L${tag}${i}`, country: 'CN' });
    type RegTask = { facility: number; people: number[]; batch: boolean };
    const regTasks: RegTask[] = [];
    const BATCH_ROWS = 20;
    const BATCHES_PER_FACILITY = 2;
    let personIndex = 0;
    for (let f = 0; f < nFacilities; f++) {
      const here = Math.min(perFacility, nStays - f * perFacility);
      const batched = Math.min(here, BATCH_ROWS * BATCHES_PER_FACILITY);
      for (let b = 0; b < batched; b += BATCH_ROWS) regTasks.push({ facility: f, people: Array.from({ length: Math.min(BATCH_ROWS, batched - b) }, () => personIndex++), batch: true });
      for (let s = batched; s < here; s++) regTasks.push({ facility: f, people: [personIndex++], batch: false });
    }
    shuffle(regTasks);
    const stayOf: (string | undefined)[] = new Array(nStays);
    const facilityOfPerson: number[] = new Array(nStays);
    const regSamples: Sample[] = [];
    const regDetail = { created: 0, refusedRows: 0, singleRequests: 0, batchRequests: 0 };
    const staffTokens = facilities.map((f) => signToken(stack.keys.privateKey, { sub: `bench-staff-${f}`, role: 'staff', facilities: [f] }));
    log(`registration: ${nStays} people in ${regTasks.length} requests at concurrency ${C}`);
    const regWall = await pool(regTasks, C, async (task) => {
      const facilityId = facilities[task.facility] as string;
      const headers = { authorization: `Bearer ${staffTokens[task.facility]}`, 'content-type': 'application/json' };
      for (const i of task.people) facilityOfPerson[i] = task.facility;
      if (task.batch) {
        regDetail.batchRequests++;
        const r = await request(`${base}/facilities/${facilityId}/stays/batch`, { method: 'POST', headers, body: JSON.stringify(task.people.map(person)) });
        regSamples.push({ status: r.status, ms: r.ms, kind: `batch(${BATCH_ROWS} rows)` });
        if (r.status >= 200 && r.status < 300) {
          for (const row of r.body.rows as { row: number; status: string; stayId?: string }[]) {
            if (row.status === 'created') {
              regDetail.created++;
              stayOf[task.people[row.row] as number] = row.stayId;
            } else regDetail.refusedRows++;
          }
        }
      } else {
        regDetail.singleRequests++;
        const i = task.people[0] as number;
        const r = await request(`${base}/facilities/${facilityId}/stays`, { method: 'POST', headers, body: JSON.stringify(person(i)) });
        regSamples.push({ status: r.status, ms: r.ms, kind: 'single' });
        if (r.status === 201) {
          regDetail.created++;
          stayOf[i] = r.body.stayId;
        } else regDetail.refusedRows++;
      }
    });
    const registration = { ...phase(regSamples, regWall, regDetail.created), detail: regDetail };
    log(`registration: ${regDetail.created} created, ${registration.status5xx} 5xx, ${Math.round(regWall)} ms`);

    // --- Lab results: 2 samples per stay, plus re-deliveries and newer/older reports. ---
    type LabTask = { sample: number; body: string; order: number };
    const nDistinct = Math.min(2 * nStays, Math.round(nLab * 0.8));
    const nExtra = nLab - nDistinct;
    const nResend = Math.floor(nExtra / 2);
    const nNewer = Math.floor((nExtra - nResend) / 2);
    const nOlder = nExtra - nResend - nNewer;
    const now = Date.now();
    const sampleIds = Array.from({ length: nDistinct }, (_, k) => `LS${tag}${k.toString(36).toUpperCase()}`);
    const ownerOf = (k: number) => k % nStays; // person index
    const collected = (k: number) => now - (k < nStays ? 30 : 6) * 3_600_000;
    const versions: { resultedAt: number; ct: number }[][] = sampleIds.map(() => []);
    const result = (k: number, resultedAt: number, ct: number) => {
      const i = ownerOf(k);
      // Every fifth sample names its person by travel document, the others by stay id.
      const subject = k % 5 === 0 ? { document: documentOf(i) } : { stayId: stayOf[i] };
      return JSON.stringify({ results: [{ sampleId: sampleIds[k], ...subject, collectedAt: iso(collected(k)), resultedAt: iso(resultedAt), result: 'negative', method: 'RT-PCR', ct }] });
    };
    const labTasks: LabTask[] = [];
    // Samples picked for extras, spread over the range: resends, newer reports (superseded) and older reports (stale: out of order).
    const stride = Math.max(1, Math.floor(nDistinct / Math.max(1, nExtra)));
    const pick = (j: number) => (j * stride) % nDistinct;
    const newerOf = new Set<number>();
    const olderOf = new Set<number>();
    for (let j = nResend; j < nResend + nNewer; j++) newerOf.add(pick(j));
    for (let j = nResend + nNewer; j < nExtra; j++) olderOf.add(pick(j));
    for (let k = 0; k < nDistinct; k++) {
      if (stayOf[ownerOf(k)] === undefined) continue;
      // Out of order: the first report sent is the newer one (+1 h); the older one comes later.
      const resultedAt = collected(k) + (olderOf.has(k) ? 3 : 2) * 3_600_000;
      versions[k]!.push({ resultedAt, ct: 35 });
      labTasks.push({ sample: k, body: result(k, resultedAt, 35), order: k });
    }
    let extra = 0;
    for (let j = 0; j < nExtra; j++) {
      const k = pick(j);
      if (stayOf[ownerOf(k)] === undefined) continue;
      const first = versions[k]![0]!;
      let body: string;
      if (j < nResend) body = result(k, first.resultedAt, first.ct); // byte for byte the same report
      else if (newerOf.has(k) && j < nResend + nNewer) {
        versions[k]!.push({ resultedAt: first.resultedAt + 3_600_000, ct: 36 });
        body = result(k, first.resultedAt + 3_600_000, 36);
      } else {
        versions[k]!.push({ resultedAt: first.resultedAt - 3_600_000, ct: 37 });
        body = result(k, first.resultedAt - 3_600_000, 37);
      }
      // Sent a little after the first report, while other deliveries are in flight.
      labTasks.push({ sample: k, body, order: k + 2 * C + Math.random() * 200 + 0.5 });
      extra++;
    }
    labTasks.sort((a, b) => a.order - b.order);
    const labSamples: Sample[] = [];
    const labCounts: Record<string, number> = { stored: 0, superseded: 0, duplicate: 0, stale: 0, unmatched: 0 };
    log(`lab: ${labTasks.length} signed deliveries (${nDistinct} samples, ${extra} resends / newer / older reports) at concurrency ${C}`);
    const labWall = await pool(labTasks, C, async (task) => {
      const r = await request(`${base}/lab/results`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(lab.labId, lab.secret, task.body) }, body: task.body });
      labSamples.push({ status: r.status, ms: r.ms, kind: 'delivery' });
      if (r.status === 200) for (const o of r.body.results as { status: string }[]) labCounts[o.status] = (labCounts[o.status] ?? 0) + 1;
    });
    const labResults = { ...phase(labSamples, labWall, labTasks.length), detail: { results: labTasks.length, distinctSamples: nDistinct, resends: nResend, newerReports: nNewer, olderReports: nOlder, answered: labCounts } };
    log(`lab: ${JSON.stringify(labCounts)}, ${labResults.status5xx} 5xx, ${Math.round(labWall)} ms`);

    // --- Verification: count everything back with Queries (not a request path). ----
    const v0 = performance.now();
    const problems: string[] = [];
    const counted = { stays: 0, occupiedRooms: 0, distinctRooms: 0, samples: 0, sampleVersions: 0, testResults: 0 };
    const expectedStays = new Set(stayOf.filter((s): s is string => s !== undefined));
    if (expectedStays.size !== nStays) problems.push(`${nStays - expectedStays.size} registrations did not answer with a stay`);
    const seenStays = new Set<string>();
    const stayRoom = new Map<string, string>();
    for (const facilityId of facilities) {
      const stays = await queryAll({ pk: `FACILITY#${facilityId}#STAYS`, index: 'GSI1' });
      const rooms = (await queryAll({ pk: `FACILITY#${facilityId}`, prefix: 'ROOM#' })).map(roomFromItem).filter((r) => r.state === 'occupied');
      counted.occupiedRooms += rooms.length;
      for (const s of stays) {
        if (seenStays.has(s.stayId)) problems.push(`stay ${s.stayId} listed twice`);
        seenStays.add(s.stayId);
        stayRoom.set(s.stayId, `${facilityId}/${s.roomNumber}`);
        if (!expectedStays.has(s.stayId)) problems.push(`unexpected stay ${s.stayId} in ${facilityId}`);
      }
      // Each occupant by the room that holds them (rooms read through the entity: a household's
      // occupants are one attribute each), so a stay held by two rooms shows.
      const held = rooms.flatMap((r) => r.occupants.map((o) => [o.stayId, `${facilityId}/${r.roomNumber}`] as const));
      const occupants = new Map(held);
      if (occupants.size !== held.length) problems.push(`${facilityId}: a stay occupies two rooms`);
      for (const s of stays) if (occupants.get(s.stayId) !== `${facilityId}/${s.roomNumber}`) problems.push(`${facilityId}: room ${s.roomNumber} does not hold stay ${s.stayId}`);
    }
    counted.stays = seenStays.size;
    counted.distinctRooms = new Set(stayRoom.values()).size;
    if (counted.stays !== nStays) problems.push(`counted ${counted.stays} stays, expected ${nStays}`);
    if (counted.distinctRooms !== counted.stays) problems.push(`${counted.stays - counted.distinctRooms} stays share a room`);
    if (counted.occupiedRooms !== nStays) problems.push(`counted ${counted.occupiedRooms} occupied rooms, expected ${nStays}`);

    // Expected current result per sample: the report with the latest resultedAt.
    const expectedTests = new Map<string, Map<string, number>>(); // stayId -> sampleId -> resultedAt
    await pool(
      sampleIds.map((_, k) => k).filter((k) => versions[k]!.length > 0),
      C,
      async (k) => {
        const items = await queryAll({ pk: `SAMPLE#${lab.labId}#${sampleIds[k]}` });
        const heads = items.filter((it) => it.SK === 'SAMPLE');
        const history = items.filter((it) => String(it.SK).startsWith('VERSION#'));
        counted.samples += heads.length;
        counted.sampleVersions += history.length;
        const latest = Math.max(...versions[k]!.map((x) => x.resultedAt));
        const stayId = stayOf[ownerOf(k)] as string;
        if (heads.length !== 1) problems.push(`sample ${sampleIds[k]}: ${heads.length} sample items`);
        else if (heads[0]!.stayId !== stayId || Date.parse(heads[0]!.current.resultedAt) !== latest) problems.push(`sample ${sampleIds[k]}: wrong stay or current report`);
        if (history.length !== versions[k]!.length) problems.push(`sample ${sampleIds[k]}: ${history.length} versions, expected ${versions[k]!.length}`);
        if (!expectedTests.has(stayId)) expectedTests.set(stayId, new Map());
        expectedTests.get(stayId)!.set(sampleIds[k] as string, latest);
      },
    );
    await pool([...expectedStays], C, async (stayId) => {
      const items = await queryAll({ pk: `STAY#${stayId}` });
      if (items.filter((it) => it.SK === 'STAY').length !== 1) problems.push(`stay ${stayId}: no stay item`);
      const tests = items.filter((it) => String(it.SK).startsWith('TEST#'));
      counted.testResults += tests.length;
      const want = expectedTests.get(stayId) ?? new Map<string, number>();
      if (tests.length !== want.size) problems.push(`stay ${stayId}: ${tests.length} test results, expected ${want.size}`);
      for (const t of tests) if (want.get(t.sampleId) !== Date.parse(t.resultedAt)) problems.push(`stay ${stayId}: result of ${t.sampleId} is not the latest report`);
    });
    const expectedVersions = versions.reduce((n, v) => n + v.length, 0);
    const expectedSamples = versions.filter((v) => v.length > 0).length;
    if (counted.samples !== expectedSamples) problems.push(`counted ${counted.samples} samples, expected ${expectedSamples}`);
    if (counted.sampleVersions !== expectedVersions) problems.push(`counted ${counted.sampleVersions} sample versions, expected ${expectedVersions}`);
    if (counted.testResults !== expectedSamples) problems.push(`counted ${counted.testResults} test results, expected ${expectedSamples}`);
    // What the API answered must add up too: one "stored" per sample, one "duplicate" per resend.
    if (labCounts.stored !== expectedSamples) problems.push(`answered stored ${labCounts.stored}, expected ${expectedSamples}`);
    if (labCounts.duplicate !== nResend) problems.push(`answered duplicate ${labCounts.duplicate}, expected ${nResend}`);
    if ((labCounts.superseded ?? 0) + (labCounts.stale ?? 0) !== nNewer + nOlder) problems.push(`answered superseded+stale ${(labCounts.superseded ?? 0) + (labCounts.stale ?? 0)}, expected ${nNewer + nOlder}`);
    if (labCounts.unmatched) problems.push(`${labCounts.unmatched} results unmatched`);
    if (registration.status5xx || labResults.status5xx) problems.push(`${registration.status5xx + labResults.status5xx} responses were 5xx`);
    if (registration.failed || labResults.failed) problems.push(`${registration.failed + labResults.failed} requests got no answer`);
    const verifyMs = performance.now() - v0;
    log(`verification: ${problems.length ? `${problems.length} problems` : 'all records accounted for'} in ${Math.round(verifyMs)} ms`);

    const ratioTo = (p: PhaseFigures, b: PhaseFigures) => ({ p50: round(p.latencyMs.p50 / b.latencyMs.p50), p99: round(p.latencyMs.p99 / b.latencyMs.p99) });
    const ratio = (p: PhaseFigures) => ({ verify: ratioTo(p, verifyUnknown), webPage: ratioTo(p, webPage) });
    registration.ratioToBaseline = ratio(registration);
    labResults.ratioToBaseline = ratio(labResults);
    return {
      concurrency: C,
      facilities: nFacilities,
      baseline: { webPage, verifyUnknown },
      setup: { facilities: nFacilities, roomsPerFacility, wallMs: Math.round(setupMs) },
      registration,
      labResults,
      verification: { ok: problems.length === 0, wallMs: Math.round(verifyMs), counted, problems: problems.slice(0, 50) },
      ok: problems.length === 0,
      totalWallMs: Math.round(performance.now() - started),
    };
  } finally {
    if (previousSecrets === undefined) delete process.env.LAB_SECRETS;
    else process.env.LAB_SECRETS = previousSecrets;
    resetIntegrationConfig();
    resetLabSecrets();
  }
}

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.LOG_LEVEL = 'silent';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const figures = await benchLoad();
  console.log(JSON.stringify(figures, null, 2));
  if (!figures.ok) process.exitCode = 1;
}
