import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFacilityStats } from '../../functions/entities/facility-stats.js';
import { findStaysByDocument } from '../../functions/entities/stay.js';
import { handler as retentionHandler } from '../../functions/handlers/retention.js';
import { jobs } from '../../functions/routes.js';
import { retention } from '../../functions/use-cases/retention.js';
import { transferStay } from '../../functions/use-cases/transfer-stay.js';
import { scheduledEvent } from '../../local/job-timers.js';
import { addDays, zonedInstant } from '../jobs/job-support.js';
import { dueItemsOf, itemsOf, newLab, stayArrived, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';
import { fetchBytes, releasableStay } from '../release/release-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';

// Retention: stays closed RETENTION_DAYS (180 by default) days ago lose their
// personal data (stay item, situations, check notes, departure, document
// snapshots), anonymous monthly counts are kept, and everything that reads a stay
// still answers. Runs at future clocks (the job's clock is the event time).

const TZ = 'Asia/Shanghai';
const N = 180;
let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

interface Closed extends StayFixture {
  secrets: string[];
}
let released: Closed & { documents: { documentId: string; key: string; type: string }[] };
let transferred: Closed;
let recent: StayFixture;
let active: StayFixture;
let closedDate: string;

const person = (nameNative: string, nameLatin: string, phone: string, birthDate: string) => ({ nameNative, nameLatin, phone, birthDate });

async function addSituation(stayId: string, text: string) {
  const res = await api.call('POST', `/stays/${stayId}/situations`, { token: f.staff, body: { kind: 'complaint', text } });
  if (res.status !== 201) throw new Error(`situation: ${res.status} ${res.text}`);
}

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 8, { timeZone: TZ });
  lab = newLab('retention');
  await useLabs(lab);

  // Released, with a situation, a check note and a return-travel plan.
  const r = await releasableStay(api, f, lab, person('欧阳娜娜', 'OUYANG Nana', '+86 139 2222 3333', '1991-06-15'));
  await addSituation(r.stayId, 'Situation text of Ouyang: quarrel with neighbour');
  const check = await api.call('POST', `/stays/${r.stayId}/checks`, { token: f.staff, body: { slot: 'evening', temperatureC: 36.5, symptoms: [], note: 'Check note of Ouyang: sleeps badly' } });
  if (check.status !== 201 && check.status !== 200) throw new Error(`check: ${check.status} ${check.text}`);
  const dep = await api.call('PUT', `/stays/${r.stayId}/departure`, {
    token: f.staff,
    body: { destination: { city: 'Marseille', country: 'FR' }, mode: 'flight', number: 'AF111', departureAt: `${r.schedule.releaseDate}T10:00:00+08:00` },
  });
  if (dep.status !== 200 && dep.status !== 201) throw new Error(`departure: ${dep.status} ${dep.text}`);
  const rel = await api.call('POST', `/stays/${r.stayId}/release`, { token: f.staff });
  if (rel.status !== 200) throw new Error(`release: ${rel.status} ${rel.text}`);
  released = { ...r, documents: rel.body.documents, secrets: ['欧阳娜娜', 'OUYANG Nana', '+86 139 2222 3333', '1991-06-15', r.document.number, 'Situation text of Ouyang', 'Check note of Ouyang', 'Marseille'] };

  // Transferred to hospital, with a situation.
  const t = await stayArrived(api, f, 5, person('司马光', 'SIMA Guang', '+86 139 4444 5555', '1975-11-20'));
  await addSituation(t.stayId, 'Situation text of Sima: chest pain');
  const extended = await api.call('PUT', `/stays/${t.stayId}/schedule`, { token: f.staff, body: { stayDays: 21, retestDays: [12, 19], documentDay: 20, reason: 'Reason naming Sima: his wife tested positive' } });
  if (extended.status !== 200) throw new Error(`schedule: ${extended.status} ${extended.text}`);
  const tr = await api.call('POST', `/stays/${t.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital of Sima', note: 'Transfer note of Sima' } });
  if (tr.status !== 200) throw new Error(`transfer: ${tr.status} ${tr.text}`);
  transferred = { ...t, schedule: extended.body.schedule, secrets: ['司马光', 'SIMA Guang', '+86 139 4444 5555', '1975-11-20', t.document.number, 'Situation text of Sima', 'Hospital of Sima', 'Transfer note of Sima', 'Reason naming Sima'] };

  // Closed 30 days later than those two: still within the retention period at the run below.
  recent = await stayArrived(api, f, 4, person('诸葛亮', 'ZHUGE Liang', '+86 139 6666 7777', '1981-04-04'));
  await transferStay({ subject: 'staff-test', role: 'staff', facilities: [f.facilityId] }, recent.stayId, { destination: 'Later hospital' }, new Date(Date.now() + 30 * 86_400_000));
  // Still in observation.
  active = await stayArrived(api, f, 2, person('上官婉儿', 'SHANGGUAN Wan-er', '+86 139 8888 9999', '1990-01-01'));

  closedDate = (await dueItemsOf(released.stayId)).find((d) => d.kind === 'PURGE')!.dueDate;
}, 120_000);
afterAll(() => api.close());

const run = (date: string, time = '03:30') => retention({ now: zonedInstant(date, time, TZ), facilityIds: [f.facilityId] });

/** Everything stored about a stay: its partition and its documents. */
async function storedText(stayId: string, documentIds: string[] = []): Promise<string> {
  const items = [...(await itemsOf(`STAY#${stayId}`))];
  for (const id of documentIds) items.push(...(await itemsOf(`DOCUMENT#${id}`)));
  return JSON.stringify(items);
}

const stayItem = async (stayId: string) => (await itemsOf(`STAY#${stayId}`, 'STAY')).find((i) => i.SK === 'STAY')!;

describe('closing a stay', () => {
  it('opens a PURGE due item keyed by facility and facility-local close date (sparse GSI3)', async () => {
    for (const s of [released, transferred]) {
      const purge = (await dueItemsOf(s.stayId)).filter((d) => d.kind === 'PURGE');
      expect(purge).toEqual([expect.objectContaining({ state: 'open', dueDate: closedDate, GSI3PK: `FACILITY#${f.facilityId}#DUE#PURGE`, GSI3SK: `${closedDate}#${s.stayId}` })]);
    }
    const later = (await dueItemsOf(recent.stayId)).find((d) => d.kind === 'PURGE')!;
    expect(later.dueDate > closedDate).toBe(true);
    expect((await dueItemsOf(active.stayId)).some((d) => d.kind === 'PURGE')).toBe(false);
  });

  it('the job is in the jobs list (daily) so the CDK stack and `npm run job -- retention` pick it up', () => {
    expect(jobs.find((j) => j.name === 'retention')).toMatchObject({ handler: 'retention', schedule: 'cron(30 3 * * ? *)' });
  });
});

describe('the retention job', () => {
  it(`leaves stays closed less than ${N} days ago alone`, async () => {
    const before = await stayItem(released.stayId);
    const early = await run(addDays(closedDate, N - 1), '23:59');
    expect(early).toMatchObject({ job: 'retention', retentionDays: N, due: 0, anonymized: 0 });
    expect(await stayItem(released.stayId)).toEqual(before);
  });

  it(`anonymizes the released and the transferred stay ${N} days after they closed`, async () => {
    // Through the Lambda handler, as EventBridge (or `npm run job -- retention --at`) runs it.
    const event = { ...scheduledEvent('retention', zonedInstant(addDays(closedDate, N), '03:30', TZ)), detail: { facilityIds: [f.facilityId] } };
    const res = await retentionHandler(event);
    expect(res).toMatchObject({ job: 'retention', due: 2, anonymized: 2, skipped: 0 });
    expect(res.anonymizedStayIds).toEqual([released.stayId, transferred.stayId].sort());
    expect(res.itemsRead).toBeGreaterThan(0);
  });

  it('no name, phone, birth date, document number or free text is left in their partitions or documents', async () => {
    for (const [s, docs] of [
      [released, released.documents.map((d) => d.documentId)],
      [transferred, []],
    ] as const) {
      const text = await storedText(s.stayId, [...docs]);
      for (const secret of s.secrets) expect(text, `${s.stayId}: ${secret}`).not.toContain(secret);
      const item = await stayItem(s.stayId);
      expect(item.anonymizedAt).toBeDefined();
      expect(item.GSI2PK).toBeUndefined();
      // Nothing of the person; kept: ids, status, category, schedule, room (what the counts and the record need).
      expect(item.person).toEqual({});
      expect(item).toMatchObject({ stayId: s.stayId, facilityId: f.facilityId, roomNumber: s.roomNumber, category: 'inbound', schedule: s.schedule });
      expect(item.arrival).toBeUndefined();
      expect(item.specialConditions).toBeUndefined();
      expect(await findStaysByDocument(s.document as Parameters<typeof findStaysByDocument>[0])).toEqual([]);
      expect(await itemsOf(`DOC#${s.document.type}#${s.document.country}#${s.document.number}`)).toEqual([]);
      const purge = (await dueItemsOf(s.stayId)).find((d) => d.kind === 'PURGE')!;
      expect(purge).toMatchObject({ state: 'resolved' });
      expect(purge.GSI3PK).toBeUndefined();
    }
    const items = await itemsOf(`STAY#${released.stayId}`);
    expect(items.some((i) => String(i.SK).startsWith('SITUATION#') || i.SK === 'DEPARTURE')).toBe(false);
    // The temperature log stays (no note), and so do the test results.
    expect(items.filter((i) => String(i.SK).startsWith('CHECK#'))).toEqual([expect.objectContaining({ temperatureC: 36.5 })]);
    expect(items.some((i) => String(i.SK).startsWith('TEST#'))).toBe(true);
  });

  it('leaves the recently closed and the active stay untouched', async () => {
    for (const s of [recent, active]) {
      const item = await stayItem(s.stayId);
      expect(item.anonymizedAt).toBeUndefined();
      expect(item.person.document.number).toBe(s.document.number);
      expect(item.GSI2PK).toBe(`DOC#${s.document.type}#${s.document.country}#${s.document.number}`);
    }
    expect((await dueItemsOf(recent.stayId)).find((d) => d.kind === 'PURGE')).toMatchObject({ state: 'open' });
  });

  it('keeps anonymous counts per facility and month', async () => {
    const stats = await listFacilityStats(f.facilityId);
    expect(stats).toEqual([
      expect.objectContaining({ month: closedDate.slice(0, 7), stays: 2, byStatus: { released: 1, transferred: 1 }, byCategory: { inbound: 2 } }),
    ]);
    const res = await api.call('GET', `/facilities/${f.facilityId}/stats`, { token: f.staff });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ facilityId: f.facilityId, total: { stays: 2, byStatus: { released: 1, transferred: 1 }, byCategory: { inbound: 2 } } });
    expect(res.body.months).toEqual([expect.objectContaining({ month: closedDate.slice(0, 7), stays: 2 })]);
  });

  it('running it again changes nothing', async () => {
    const before = await Promise.all([released, transferred].map((s) => storedText(s.stayId)));
    const statsBefore = await listFacilityStats(f.facilityId);
    const again = await run(addDays(closedDate, N), '04:30');
    expect(again).toMatchObject({ due: 0, anonymized: 0, skipped: 0 });
    const next = await run(addDays(closedDate, N + 1));
    expect(next).toMatchObject({ due: 0, anonymized: 0 });
    expect(await Promise.all([released, transferred].map((s) => storedText(s.stayId)))).toEqual(before);
    expect(await listFacilityStats(f.facilityId)).toEqual(statsBefore);
  });

  it('the recently closed stay goes once its own period is over', async () => {
    const later = (await dueItemsOf(recent.stayId)).find((d) => d.kind === 'PURGE')!.dueDate;
    const res = await run(addDays(later, N));
    expect(res).toMatchObject({ due: 1, anonymized: 1, anonymizedStayIds: [recent.stayId] });
    expect(JSON.stringify(await itemsOf(`STAY#${recent.stayId}`))).not.toContain('诸葛亮');
    const stats = await listFacilityStats(f.facilityId);
    expect(stats.reduce((n, s) => n + s.stays, 0)).toBe(3);
  });
});

describe('after retention, the API still answers', () => {
  it('GET /stays/{id} is 200 with what was kept; the list and the board too', async () => {
    const got = await api.call('GET', `/stays/${released.stayId}`, { token: f.staff });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ stayId: released.stayId, status: 'released', person: {} });
    expect(got.body.anonymizedAt).toBeDefined();
    expect(got.text).not.toContain('OUYANG');
    const list = await api.call('GET', `/facilities/${f.facilityId}/stays?limit=50`, { token: f.staff });
    expect(list.status).toBe(200);
    expect(list.body.stays.map((s: { stayId: string }) => s.stayId)).toContain(transferred.stayId);
    const closedList = await api.call('GET', `/facilities/${f.facilityId}/stays?status=transferred`, { token: f.staff });
    expect(closedList.status).toBe(200);
    expect((await api.call('GET', `/facilities/${f.facilityId}/board`, { token: f.staff })).status).toBe(200);
    expect((await api.call('GET', `/facilities/${f.facilityId}/today`, { token: f.staff })).status).toBe(200);
    expect((await api.call('GET', `/stays/${released.stayId}/documents`, { token: f.staff })).status).toBe(200);
    expect((await api.call('GET', `/stays/${released.stayId}/tests`, { token: f.staff })).status).toBe(200);
    const audit = await api.call('GET', `/stays/${released.stayId}/audit`, { token: f.admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'anonymize', actor: 'job:retention' }));
  });

  it('verification still answers (valid, type, issue date, facility; no holder)', async () => {
    const d = released.documents[0]!;
    const res = await api.call('GET', `/verify/${d.documentId}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'valid', documentId: d.documentId, type: d.type, facility: `Hotel ${f.facilityId}` });
    expect(res.body.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.holderInitials).toBeUndefined();
    expect(res.body.documentNumber).toBeUndefined();
    const page = await api.call('GET', `/verify/${d.documentId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('—');
  });

  it('documents can no longer be downloaded: 404 like an unknown document, for the key holder and for staff', async () => {
    for (const d of released.documents) {
      expect((await fetchBytes(`${api.url}/documents/${d.documentId}.pdf?key=${d.key}`)).status).toBe(404);
      expect((await fetchBytes(`${api.url}/stays/${released.stayId}/documents/${d.documentId}`, { authorization: `Bearer ${f.staff}` })).status).toBe(404);
    }
  });

  it('writes on the anonymized file are refused with 410 Gone', async () => {
    const situation = await api.call('POST', `/stays/${released.stayId}/situations`, { token: f.staff, body: { kind: 'other', text: 'late' } });
    expect(situation.status).toBe(410);
    const d = released.documents[0]!;
    const reissue = await api.call('POST', `/stays/${released.stayId}/documents/${d.documentId}/reissue`, { token: f.staff, body: { reason: 'lost' } });
    expect(reissue.status).toBe(410);
  });
});
