import { randomInt } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFacilityStats } from '../../functions/entities/facility-stats.js';
import { db, tableName } from '../../functions/shared/db.js';
import { handler as releaseDueHandler } from '../../functions/handlers/release-due.js';
import { handler as retestDueHandler } from '../../functions/handlers/retest-due.js';
import { localDate } from '../../functions/domain/calendar.js';
import { retention } from '../../functions/use-cases/retention.js';
import { scheduledEvent } from '../../local/job-timers.js';
import { addDays, zonedInstant } from '../jobs/job-support.js';
import { deliver, dueItemsOf, hoursAgo, newLab, result, sampleId, sampleItems, useLabs, type TestLab } from '../lab/lab-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { itemsOf } from '../support/items.js';
import { facilityWithRooms, stayArrived, type FacilityFixture, type StayFixture } from '../support/fixtures.js';

// The whole file of one person, written through the API as the hotel and the lab
// would (registration with notes, checks with a note and a fever, a situation, a
// schedule change with a reason, return travel, lab results by travel document
// including a superseded report, release with its three documents, the reminders
// all of it raised, the audit trail, and an unmatched sample carrying the same
// document number), then the retention job at a clock past the period, then a Scan
// of the WHOLE table (fine in a test, never on a request path): none of the
// person's values is left in any attribute of any item.

const TZ = 'Asia/Shanghai';
const N = 180;
let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
let stay: StayFixture;
let closedDate: string;
let unmatched: string;
let retest: string;
let documentIds: string[];

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + randomInt(26))).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const TAG = letters(8);
const DOC_DIGITS = digits(8);
const PERSON = {
  nameNative: Array.from({ length: 3 }, () => String.fromCodePoint(0x4e00 + randomInt(0x5000))).join(''),
  nameLatin: `${TAG} Murong`,
  phone: `+86 139 ${digits(4)} ${digits(4)}`,
  birthDate: `19${40 + randomInt(50)}-0${1 + randomInt(9)}-1${randomInt(10)}`,
  // Typed as a clerk might: lower case, a space and a dash (stored normalised).
  document: { type: 'passport', number: `g${DOC_DIGITS.slice(0, 3)} ${DOC_DIGITS.slice(3, 5)}-${DOC_DIGITS.slice(5)}`, country: 'CN' },
};

/** Every form the person's values could take in an attribute. */
const SECRETS = [
  PERSON.nameNative,
  PERSON.nameLatin,
  TAG,
  TAG.toLowerCase(),
  PERSON.phone,
  PERSON.phone.replace(/\s/g, ''),
  PERSON.birthDate,
  PERSON.document.number,
  `G${DOC_DIGITS}`,
  DOC_DIGITS,
];

async function ok(res: Promise<{ status: number; text: string; body: any }>, what: string, statuses = [200, 201]) {
  const r = await res;
  if (!statuses.includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 3, { timeZone: TZ });
  lab = newLab('scan');
  await useLabs(lab);
  const staff = f.staff;
  stay = await stayArrived(api, f, 12, PERSON, { notes: `Registration note ${TAG}`, diet: 'halal', specialConditions: ['chronic_illness'] });
  const id = stay.stayId;
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
  await ok(api.call('POST', `/stays/${id}/checks`, { token: staff, body: { slot: 'morning', temperatureC: 38.6, symptoms: ['cough'], note: `Fever note ${TAG}`, measuredAt: threeDaysAgo.toISOString() } }), 'fever check');
  await ok(api.call('POST', `/stays/${id}/checks`, { token: staff, body: { slot: 'evening', temperatureC: 36.5, symptoms: [], note: `Check note ${TAG}` } }), 'check');
  // A check without a note, corrected with a reason that names the person: the correction history is free text too.
  const yesterday = addDays(localDate(new Date().toISOString(), TZ), -1);
  await ok(api.call('POST', `/stays/${id}/checks`, { token: staff, body: { slot: 'morning', date: yesterday, temperatureC: 36.4, symptoms: [] } }), 'plain check');
  await ok(api.call('POST', `/stays/${id}/checks/${yesterday}-morning/correction`, { token: staff, body: { temperatureC: 36.6, reason: `Misread for ${PERSON.nameLatin}` } }), 'correction');
  await ok(api.call('POST', `/stays/${id}/situations`, { token: staff, body: { kind: 'complaint', text: `Situation ${TAG}: calls ${PERSON.phone}` } }), 'situation');
  await ok(api.call('PUT', `/stays/${id}/schedule`, { token: staff, body: { stayDays: 15, reason: `Reason naming ${PERSON.nameLatin}` } }), 'schedule');
  await ok(
    api.call('PUT', `/stays/${id}/departure`, {
      token: staff,
      body: { destination: { city: `${TAG}ville`, country: 'FR' }, mode: 'flight', number: 'AF111', departureAt: `${addDays(stay.day1Date, 13)}T10:00:00+08:00` },
    }),
    'departure',
  );

  // The jobs' reminders, whose lines name the person: the retest overdue (no sample yet), the documents due today.
  const jobEvent = (name: string) => ({ ...scheduledEvent(name, new Date()), detail: { facilityIds: [f.facilityId] } });
  expect(await retestDueHandler(jobEvent('retest-due'))).toMatchObject({ remindersWritten: 1 });
  expect(await releaseDueHandler(jobEvent('release-due'))).toMatchObject({ remindersWritten: 1 });

  // The retest, matched by travel document (typed by the lab in yet another form), then a correction of it.
  retest = sampleId('RT');
  const labDocument = { type: 'passport', number: `G-${DOC_DIGITS}`, country: 'CN' };
  const first = await ok(deliver(api, lab, { results: [result({ sampleId: retest, document: labDocument, collectedAt: hoursAgo(5), resultedAt: hoursAgo(3), method: 'RT-PCR', ct: 36 })] }), 'retest');
  expect(first.results[0].status).toBe('stored');
  const second = await ok(deliver(api, lab, { results: [result({ sampleId: retest, document: labDocument, collectedAt: hoursAgo(5), resultedAt: hoursAgo(1), method: 'RT-PCR', ct: 38 })] }), 'correction');
  expect(second.results[0].status).toBe('superseded');
  // The same number under another country: no stay, so it waits in the unmatched queue.
  unmatched = sampleId('UN');
  const queued = await ok(deliver(api, lab, { results: [result({ sampleId: unmatched, document: { ...labDocument, country: 'FR' } })] }), 'unmatched');
  expect(queued.results[0].status).toBe('unmatched');

  const released = await ok(api.call('POST', `/stays/${id}/release`, { token: staff }), 'release');
  expect(released.documents).toHaveLength(3);
  documentIds = released.documents.map((d: { documentId: string }) => d.documentId);
  closedDate = (await dueItemsOf(id)).find((d) => d.kind === 'PURGE')!.dueDate;
}, 120_000);
afterAll(() => api.close());

/** Every item of the table, and where in it each secret sits (item keys and attribute path). */
async function findInTable(secrets: string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = (value: unknown, path: string, where: string) => {
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      for (const s of secrets) if (text.includes(s)) found.push(`${where} ${path} holds "${s}"`);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        for (const s of secrets) if (k.includes(s)) found.push(`${where} attribute name ${path}.${k} holds "${s}"`);
        visit(v, `${path}.${k}`, where);
      }
    }
  };
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: tableName(), ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) visit(item, '', `${String(item.PK)} | ${String(item.SK)}:`);
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

describe('retention of a full stay', () => {
  it('before the run, the scan does find the person (the search works)', async () => {
    const found = await findInTable(SECRETS);
    for (const s of [PERSON.nameNative, PERSON.nameLatin, `G${DOC_DIGITS}`, PERSON.phone, PERSON.birthDate]) expect(found.some((line) => line.endsWith(`"${s}"`)), s).toBe(true);
    expect(found.some((line) => line.startsWith(`SAMPLE#${lab.labId}#${unmatched}`))).toBe(true);
  });

  it('a run limited to facilities leaves the unmatched queue alone unless it names the lab', async () => {
    const res = await retention({ now: zonedInstant(addDays(closedDate, N + 1), '03:30', TZ), facilityIds: ['no-such-facility'] });
    expect(res).toMatchObject({ facilities: 0, unmatchedSamplesDeleted: 0 });
    expect((await sampleItems(lab.labId, unmatched)).length).toBe(2);
  });

  it('after the run past the period, no attribute of any item holds any of the person\'s values', async () => {
    // A day past the period for everything: the stay closed and the sample arrived on the same day.
    const res = await retention({ now: zonedInstant(addDays(closedDate, N + 1), '03:30', TZ), facilityIds: [f.facilityId], labIds: [lab.labId] });
    expect(res).toMatchObject({ anonymized: 1, anonymizedStayIds: [stay.stayId], unmatchedSamplesDeleted: 1 });
    // Fever, situation, retest overdue, documents due.
    expect(res.remindersDeleted).toBe(4);
    expect(await findInTable(SECRETS)).toEqual([]);
  });

  it('the unmatched sample is gone with its history; the matched one keeps its result without the number', async () => {
    expect(await sampleItems(lab.labId, unmatched)).toEqual([]);
    const matched = await sampleItems(lab.labId, retest);
    expect(matched).toHaveLength(3); // the sample and both reports
    const sample = matched.find((i) => i.SK === 'SAMPLE')!;
    expect(sample).toMatchObject({ state: 'matched', stayId: stay.stayId, current: { result: 'negative', ct: 38, subject: { document: { type: 'passport', country: 'CN' } } } });
    for (const v of matched.filter((i) => i.SK !== 'SAMPLE')) expect(v.subject.document).toEqual({ type: 'passport', country: 'CN' });
    const tests = await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff });
    expect(tests.status).toBe(200);
    expect(JSON.stringify(tests.body)).toContain(retest);
  });

  it('the anonymised stay keeps only what the monthly counts need, and the counts are there', async () => {
    const got = await api.call('GET', `/stays/${stay.stayId}`, { token: f.staff });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ stayId: stay.stayId, facilityId: f.facilityId, status: 'released', category: 'inbound' });
    for (const gone of ['notes', 'diet', 'specialConditions', 'arrival', 'departure']) expect(got.body[gone], gone).toBeUndefined();
    expect(got.body.person).toEqual({});
    // Its documents keep what verification shows (state, type, issue date, facility), not the flight.
    for (const id of documentIds) {
      const [doc] = await itemsOf(`DOCUMENT#${id}`);
      expect(doc!.snapshot.stay.flightNumber).toBeUndefined();
      expect(doc!.snapshot.holder).toBeUndefined();
      expect(doc!.keyHash).toBeUndefined();
    }
    const stats = await listFacilityStats(f.facilityId);
    expect(stats).toEqual([expect.objectContaining({ month: closedDate.slice(0, 7), stays: 1, byStatus: { released: 1 }, byCategory: { inbound: 1 } })]);
  });
});
