import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabDeliveryInput } from '../../functions/schemas/lab.js';
import { parseInput } from '../../functions/shared/validation.js';
import { ingestLabResults } from '../../functions/use-cases/ingest-lab-results.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { dueItemsOf, itemsOf, newLab, remindersOf, scopeLab, stayArrived, type StayFixture } from './lab-support.js';

// Property: a batch of lab results, shuffled, with repeats, split into deliveries
// some of which race each other, leaves exactly the same final state (samples,
// current versions, history, the stays' results, statuses, due items, reminders and
// audit counts) as one clean delivery of the same batch. Each run builds two
// identical worlds (same arrival days, same sample ids, a lab of their own) and
// compares them after mapping world-specific ids to placeholders.

let api: TestApi;
let clean: FacilityFixture;
let messy: FacilityFixture;
const STAYS = 3;
const RUNS = 18;

beforeAll(async () => {
  api = await startApi();
  clean = await facilityWithRooms(api, STAYS * RUNS + 2);
  messy = await facilityWithRooms(api, STAYS * RUNS + 2);
});
afterAll(() => api.close());

type Subject = { by: 'stayId' | 'document'; stay: number } | { by: 'unknown_stay' | 'unknown_document' };
interface ModelVersion {
  sample: number;
  subject: Subject;
  collectedMinutesAgo: number;
  resultedMinutesAgo: number;
  result: 'negative' | 'positive' | 'inconclusive';
  ct?: number;
}

const subject: fc.Arbitrary<Subject> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ by: fc.constantFrom('stayId' as const, 'document' as const), stay: fc.integer({ min: 0, max: STAYS - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ by: fc.constantFrom('unknown_stay' as const, 'unknown_document' as const) }) },
);

// Few distinct times, so equal resultedAt with different content happens (ordered by hash then).
const version: fc.Arbitrary<ModelVersion> = fc.record(
  {
    sample: fc.integer({ min: 0, max: 3 }),
    subject,
    collectedMinutesAgo: fc.constantFrom(30 * 60, 20 * 60, 5 * 60, 90),
    resultedMinutesAgo: fc.constantFrom(60, 40, 20),
    result: fc.constantFrom('negative' as const, 'negative' as const, 'positive' as const, 'inconclusive' as const),
    ct: fc.option(fc.constantFrom(22, 35.5), { nil: undefined }),
  },
  { requiredKeys: ['sample', 'subject', 'collectedMinutesAgo', 'resultedMinutesAgo', 'result'] },
);

const scenario = fc
  .record({
    arrivals: fc.array(fc.constantFrom(9, 10, 11, 12), { minLength: STAYS, maxLength: STAYS }),
    // Two reports of a sample differing only in whom they name (or ct) would be ordered by a
    // hash over world-specific ids: such a tie is deterministic in each world but not
    // comparable between the two, so the model leaves it out.
    versions: fc.uniqueArray(version, { minLength: 1, maxLength: 9, selector: (v) => `${v.sample}|${v.collectedMinutesAgo}|${v.resultedMinutesAgo}|${v.result}` }),
  })
  .chain((s) =>
    fc.record({
      arrivals: fc.constant(s.arrivals),
      versions: fc.constant(s.versions),
      // The messy delivery: every version 1-3 times, shuffled, cut into 1-4 deliveries.
      repeats: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: s.versions.length, maxLength: s.versions.length }),
      order: fc.array(fc.nat(), { minLength: s.versions.length * 3, maxLength: s.versions.length * 3 }),
      cuts: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
      racing: fc.boolean(),
    }),
  );

interface World {
  labId: string;
  facility: FacilityFixture;
  stays: StayFixture[];
}

async function makeWorld(facility: FacilityFixture, arrivals: number[]): Promise<World> {
  const stays: StayFixture[] = [];
  for (const days of arrivals) stays.push(await stayArrived(api, facility, days));
  const labId = newLab('prop').labId;
  await scopeLab(labId, { all: false, facilities: [facility.facilityId] });
  return { labId, facility, stays };
}

function toInput(w: World, v: ModelVersion, now: number) {
  const at = (m: number) => new Date(now - m * 60_000).toISOString();
  const s = v.subject;
  const who =
    s.by === 'stayId'
      ? { stayId: w.stays[s.stay]!.stayId }
      : s.by === 'document'
        ? { document: w.stays[s.stay]!.document }
        : s.by === 'unknown_stay'
          ? { stayId: 'SUNKNOWN00000' }
          : { document: { type: 'passport', number: 'Z0000000', country: 'CN' } };
  return { sampleId: `P${v.sample}`, ...who, collectedAt: at(v.collectedMinutesAgo), resultedAt: at(v.resultedMinutesAgo), result: v.result, method: 'RT-PCR', ...(v.ct !== undefined ? { ct: v.ct } : {}) };
}

async function ingest(w: World, inputs: unknown[], now: Date) {
  return ingestLabResults(w.labId, parseInput(LabDeliveryInput, { results: inputs }).results, now);
}

/** The world's final state with its own ids (stays, rooms, lab, documents) replaced by placeholders. */
async function snapshot(w: World, sampleCount: number) {
  const replacements: [string, string][] = [[w.labId, '<lab>']];
  w.stays.forEach((s, i) => replacements.push([s.stayId, `<stay${i}>`], [s.document.number, `<doc${i}>`]));
  const placeholder = (value: unknown): unknown => {
    let text = JSON.stringify(value);
    for (const [from, to] of replacements) text = text.split(from).join(to);
    // Room numbers differ between worlds; "room 123" in titles and roomNumber fields.
    w.stays.forEach((s, i) => {
      text = text.split(`"roomNumber":"${s.roomNumber}"`).join(`"roomNumber":"<room${i}>"`).split(`room ${s.roomNumber}`).join(`room <room${i}>`);
    });
    return JSON.parse(text);
  };
  // Hashes cover world-specific ids, so versions are described by their content instead.
  const describe = (v: Record<string, any>) => ({ subject: v.subject, collectedAt: v.collectedAt, resultedAt: v.resultedAt, result: v.result, ct: v.ct ?? null });
  const samples = [];
  for (let i = 0; i < sampleCount; i++) {
    const items = await itemsOf(`SAMPLE#${w.labId}#P${i}`);
    const current = items.find((x) => x.SK === 'SAMPLE');
    samples.push({
      current: current ? { ...describe(current.current), state: current.state, stayId: current.stayId ?? null, reason: current.unmatchedReason ?? null, queued: current.GSI1PK ?? null } : null,
      history: items
        .filter((x) => x.SK.startsWith('VERSION#'))
        .map((v) => placeholder(describe(v)))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    });
  }
  const stays = [];
  for (const s of w.stays) {
    const partition = await itemsOf(`STAY#${s.stayId}`);
    const stay = partition.find((x) => x.SK === 'STAY')!;
    stays.push({
      status: stay.status,
      tests: partition.filter((x) => x.SK.startsWith('TEST#')).map((t) => ({ sk: t.SK, ...describe({ ...t, subject: null }) })),
      due: (await dueItemsOf(s.stayId)).map((d) => ({ sk: d.SK, state: d.state, indexed: d.GSI3PK !== undefined })),
      labAudits: partition.filter((x) => x.SK.startsWith('AUDIT#') && x.action === 'lab_result').length,
    });
  }
  const ids = new Set(w.stays.map((s) => s.stayId));
  const reminders = (await remindersOf(w.facility.facilityId))
    .filter((r) => r.kind === 'positive_result' && ids.has(r.lines[0]?.stayId))
    .map((r) => ({ kind: r.kind, urgent: r.urgent, date: r.date, title: r.title, lines: r.lines, pending: r.GSI2PK === 'OUTBOX' }))
    .map(placeholder)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return placeholder({ samples, stays, reminders });
}

describe('lab results: deliveries in any order, repeated, split and racing, end in the same state', () => {
  it('matches one clean delivery', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const now = new Date();
        const a = await makeWorld(clean, s.arrivals);
        const b = await makeWorld(messy, s.arrivals);
        await ingest(a, s.versions.map((v) => toInput(a, v, now.getTime())), now);

        const copies = s.versions.flatMap((v, i) => Array.from({ length: s.repeats[i]! }, () => v));
        const keyed = copies.map((v, i) => ({ v, k: s.order[i]! }));
        keyed.sort((x, y) => x.k - y.k);
        const shuffled = keyed.map((x) => toInput(b, x.v, now.getTime()));
        const cuts = [...new Set(s.cuts.map((c) => c % (shuffled.length + 1)))].sort((x, y) => x - y);
        const deliveries = [0, ...cuts, shuffled.length].slice(1).map((end, i, all) => shuffled.slice(i === 0 ? 0 : all[i - 1], end)).filter((d) => d.length > 0);
        // Racing: every delivery is also resent at the same moment (a lab retrying on a timeout).
        if (s.racing) await Promise.all([...deliveries, ...deliveries].map((d) => ingest(b, d, now)));
        else for (const d of deliveries) await ingest(b, d, now);

        const samples = Math.max(...s.versions.map((v) => v.sample)) + 1;
        expect(await snapshot(b, samples)).toEqual(await snapshot(a, samples));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});
