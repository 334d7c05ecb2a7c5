import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedHeaders } from '../../functions/domain/lab-signature.js';
import { resetConfig } from '../../functions/shared/config.js';
import { resetNotifier } from '../../functions/ports/notifier.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, newLab, result, useLabs, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';

// Logs carry ids and codes, never personal data. Everything the handlers and jobs
// write (functions/shared/logger.ts writes JSON lines to stdout/stderr; the local
// notifier writes reminders to stdout) is captured at LOG_LEVEL=debug while the
// whole life of a stay runs with distinctive personal data: registration, a manifest
// with refused rows, a check with a note, a situation, a departure, lab results by
// document (matched, unmatched, positive, unsigned), the reminder jobs, a release and
// document downloads, and error paths whose problem bodies may echo the values.

const PERSON = {
  nameNative: '龙傲天测试',
  nameLatin: 'QUIXOTEZ Zebulon',
  sex: 'M',
  birthDate: '1977-07-17',
  nationality: 'CN',
  document: { type: 'passport', number: 'QZ7788990', country: 'CN' },
  phone: '+86 139 8765 4321',
  language: 'zh',
};
const RELEASED = { ...PERSON, nameNative: '沐春风测试', nameLatin: 'VELAZQUEZ Xiomara', birthDate: '1966-06-16', document: { type: 'passport', number: 'QZ5566112', country: 'CN' }, phone: '+86 137 1122 3344' };
// A resident ID card with its real check digit (birth date and sex agree with it).
const POSITIVE = { ...PERSON, nameNative: '柳如烟测试', nameLatin: 'KRZYSZTOF Wolfgang', birthDate: '1955-05-15', document: { type: 'id_card', number: '110101195505150013', country: 'CN' }, phone: '+86 135 9988 7766' };
const NOTE = 'Nosebleed after Zanzibar ferry';
const SITUATION = 'Quarrelled with neighbour about xylophone';
const CITY = 'Ouagadougou-Zeta';
const TRANSFER_NOTE = 'Ambulance 120 via Yellowknife gate';

/** Every form a secret could be logged in (as given, normalised, digits only). */
const SECRETS = [
  ...[PERSON, RELEASED, POSITIVE].flatMap((p) => [p.nameNative, p.nameLatin, p.nameLatin.toUpperCase(), p.nameLatin.split(' ')[0]!, p.birthDate, p.document.number, p.phone, p.phone.replace(/\D/g, ''), p.phone.replace(/\s/g, '')]),
  NOTE,
  SITUATION,
  CITY,
  TRANSFER_NOTE,
  'QZNOBODY77',
  'QZBAD!PHONE',
];

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;
const captured: string[] = [];
const previousLevel = process.env.LOG_LEVEL;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  resetConfig();
  resetNotifier();
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 8);
  const capture = (stream: NodeJS.WriteStream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as never);
  capture(process.stdout);
  capture(process.stderr);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
  if (previousLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = previousLevel;
  resetConfig();
});

describe('logs carry no personal data', () => {
  it('runs the life of a stay with distinctive personal data and logs none of it', { timeout: 120_000 }, async () => {
    const staff = f.staff;
    const expectStatus = (label: string, res: { status: number; text: string }, ...want: number[]) => expect(want, `${label}: ${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);

    // Registration, then the same person again (409) and bad fields echoing values (400).
    const arrivedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const reg = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: staff, body: registration({ arrival: { arrivedAt, flightNumber: 'CA936', originCountry: 'FR' }, notes: NOTE }, PERSON) });
    expectStatus('register', reg, 201);
    const stayId = reg.body.stayId as string;
    expectStatus('same person again', await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: staff, body: registration({}, PERSON) }), 409);
    const bad = await api.call('POST', `/facilities/${f.facilityId}/stays`, {
      token: staff,
      body: registration({ category: SITUATION }, { nameLatin: PERSON.nameNative, phone: 'QZBAD!PHONE', birthDate: '2999-01-01', document: { type: 'passport', number: `${PERSON.document.number}!!`, country: 'QQ' } }),
    });
    expectStatus('bad fields', bad, 400);
    expectStatus('not JSON', await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: staff, rawBody: `{"person":{"nameNative":"${PERSON.nameNative}"`, headers: { 'content-type': 'application/json' } }), 400);
    expectStatus('wrong type', await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: staff, rawBody: `name=${PERSON.nameLatin}`, headers: { 'content-type': 'text/plain' } }), 415, 400);

    // A manifest: one good row, the registered person again, and an invalid row.
    const batch = await api.call('POST', `/facilities/${f.facilityId}/stays/batch`, {
      token: staff,
      body: [registration({}, { ...POSITIVE }), registration({}, PERSON), registration({}, { ...PERSON, document: { type: 'passport', number: 'QZNOBODY77', country: 'CN' }, phone: 'QZBAD!PHONE' })],
    });
    expectStatus('batch', batch, 200, 207);
    expect(batch.body.refused).toBe(2);
    const positiveStayId = batch.body.rows[0].stayId as string;

    // Care: a check with a note, a bad check echoing it, a situation, a departure.
    expectStatus('check', await api.call('POST', `/stays/${stayId}/checks`, { token: staff, body: { temperatureC: 37.9, slot: 'morning', symptoms: ['other'], note: NOTE } }), 201);
    expectStatus('bad check', await api.call('POST', `/stays/${stayId}/checks`, { token: staff, body: { temperatureC: NOTE, slot: 'evening', note: NOTE.repeat(30) } }), 400);
    expectStatus('situation', await api.call('POST', `/stays/${stayId}/situations`, { token: staff, body: { kind: 'complaint', text: SITUATION } }), 201);
    expectStatus('bad situation', await api.call('POST', `/stays/${stayId}/situations`, { token: staff, body: { kind: SITUATION, text: SITUATION } }), 400);
    const departure = { destination: { city: CITY, country: 'BF' }, mode: 'flight', number: 'AF123', departureAt: new Date(Date.now() + 15 * 86_400_000).toISOString() };
    expectStatus('departure', await api.call('PUT', `/stays/${stayId}/departure`, { token: staff, body: departure }), 200);
    expectStatus('bad departure', await api.call('PUT', `/stays/${stayId}/departure`, { token: staff, body: { ...departure, number: CITY } }), 400);

    // Lab: by document (matched), by an unknown document (unmatched), a positive, an unsigned and a bad delivery.
    const byDoc = await deliver(api, lab, { results: [result({ document: PERSON.document, collectedAt: hoursAgo(5) })] });
    expect(byDoc.body.results[0].status).toBe('stored');
    const unmatched = await deliver(api, lab, { results: [result({ document: { type: 'passport', number: 'QZNOBODY77', country: 'CN' } })] });
    expect(unmatched.body.results[0].status).toBe('unmatched');
    const positive = await deliver(api, lab, { results: [result({ document: POSITIVE.document, result: 'positive', collectedAt: hoursAgo(5) })] });
    expect(positive.body.results[0].status).toBe('stored');
    const raw = JSON.stringify({ results: [result({ document: PERSON.document })] });
    expectStatus('unsigned', await api.call('POST', '/lab/results', { rawBody: raw, headers: { 'content-type': 'application/json', ...signedHeaders(lab.labId, 'f'.repeat(64), raw) } }), 401);
    expectStatus('bad lab body', await deliver(api, lab, { results: [{ ...result({ document: { ...PERSON.document, number: `${PERSON.document.number}!` } }), ct: PERSON.nameLatin }] }), 400);

    // Scheduled jobs that read and write reminders naming people (the local notifier logs them).
    const jobs = ['retest-due', 'release-due', 'deliver-reminders'];
    for (const job of jobs) {
      const { handler } = (await import(`../../functions/handlers/${job}.ts`)) as { handler: (e: unknown) => Promise<unknown> };
      await handler({ time: new Date().toISOString(), detail: { facilityIds: [f.facilityId] } });
    }
    expectStatus('reminders', await api.call('GET', `/facilities/${f.facilityId}/reminders`, { token: staff }), 200);

    // Release with documents, downloads (holder and staff), verification, revoke, transfer.
    const stay = await releasableStay(api, f, lab, RELEASED);
    const released = await api.call('POST', `/stays/${stay.stayId}/release`, { token: staff });
    expectStatus('release', released, 200);
    const doc = released.body.documents[0] as { documentId: string; key: string };
    expectStatus('download', await api.call('GET', `/documents/${doc.documentId}.pdf?key=${encodeURIComponent(doc.key)}`), 200);
    expectStatus('download, wrong key', await api.call('GET', `/documents/${doc.documentId}.pdf?key=${PERSON.document.number}`), 404);
    expectStatus('staff download', await api.call('GET', `/stays/${stay.stayId}/documents/${doc.documentId}`, { token: staff }), 200);
    expectStatus('verify', await api.call('GET', `/verify/${doc.documentId}`), 200);
    expectStatus('revoke', await api.call('POST', `/stays/${stay.stayId}/documents/${doc.documentId}/revoke`, { token: staff, body: { reason: `Wrong name ${RELEASED.nameLatin}` } }), 200);
    expectStatus('transfer', await api.call('POST', `/stays/${positiveStayId}/transfer`, { token: staff, body: { destination: 'Zhengzhou hospital', note: TRANSFER_NOTE } }), 200);

    // Reads that return the personal data.
    for (const path of [`/stays/${stayId}`, `/facilities/${f.facilityId}/board`, `/facilities/${f.facilityId}/today`, `/facilities/${f.facilityId}/transport?format=csv`, `/stays/${stayId}/checks`, `/stays/${stayId}/situations`, `/stays/${stayId}/tests`]) {
      expectStatus(path, await api.call('GET', path, { token: staff }), 200);
    }
    expectStatus('unmatched queue', await api.call('GET', '/lab/unmatched', { token: f.admin }), 200);
    expectStatus('audit', await api.call('GET', `/stays/${stayId}/audit`, { token: f.admin }), 200);

    const logs = captured.join('');
    // The capture saw the handlers' logs (else this test proves nothing).
    expect(logs).toContain('"message":"request"');
    expect(logs).toContain('"message":"lab request refused"');
    expect(logs).toContain('"message":"lab result unmatched"');
    expect(logs).toContain('"message":"job"');
    expect(logs).toContain('"message":"reminder"'); // the positive's urgent reminder, through the local notifier
    // The business metrics (EMF documents, functions/shared/metrics.ts) are searched too.
    for (const metric of ['CheckIns', 'HealthChecks', 'LabResults', 'Releases']) expect(logs).toMatch(new RegExp(`"message":"metric",.*"_aws":.*"${metric}":\\d`));
    expect(logs).toMatch(/"status":400/);
    const leaked = SECRETS.filter((s) => logs.includes(s));
    expect(leaked, `personal data in the logs:\n${captured.filter((l) => leaked.some((s) => l.includes(s))).join('')}`).toEqual([]);
  });
});
