import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, newLab, result, sampleId, stayArrived, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';
import { releasableStay } from '../release/release-support.js';

// Cross-facility access on EVERY staff/admin route of the route table, with REAL
// resources of facility A (an active stay with a check, a situation and a departure,
// a released stay with its documents and its room in cleaning, a releasable stay,
// a matched and an unmatched lab sample) called by staff of facility B with bodies
// that would succeed for A's own staff. test/api/access.test.ts checks the 403 with
// placeholder ids (x1) for routes naming a facility or stay; this file uses real ids
// for every parameter (document ids, lab/sample ids, room numbers) and the body's
// stayId on assign, and re-reads everything of A afterwards: nothing changed.
//
// 403: the path names a facility or a stay of A (the guard refuses before the body
//      is parsed), or the route is admin-only.
// 404: B's OWN stay in the path with A's document id: the document is addressed by
//      an id that reveals nothing, and it is not on that stay's file.
// 404: assign or unassign of a sample matched to A's stay or naming A's person: the
//      same answer as an unknown sample, nothing about the person or the stay of A.

let api: TestApi;
let a: FacilityFixture;
let b: FacilityFixture;
let lab: TestLab;
let active: StayFixture; // A: active, with a check, a situation and a departure
let released: StayFixture; // A: released, documents issued, room in cleaning
let releasable: StayFixture; // A: could be released today
let stayOfB: StayFixture; // B's own stay
let documentIds: string[];
let activeCheckId: string;
const unmatchedSample = sampleId('UNM');
const matchedSample = sampleId('MAT');
const PERSON = { nameNative: '欧阳娜娜', nameLatin: 'OUYANG Nana' };

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  a = await facilityWithRooms(api, 6);
  b = await facilityWithRooms(api, 3);
  active = await stayArrived(api, a, 3, PERSON);
  const ok = (label: string, res: { status: number; text: string }, status: number) => {
    if (res.status !== status) throw new Error(`${label}: ${res.status} ${res.text}`);
  };
  const check = await api.call('POST', `/stays/${active.stayId}/checks`, { token: a.staff, body: { temperatureC: 36.6, slot: 'morning' } });
  ok('check', check, 201);
  activeCheckId = check.body.check.checkId;
  ok('situation', await api.call('POST', `/stays/${active.stayId}/situations`, { token: a.staff, body: { kind: 'complaint', text: 'Noise at night' } }), 201);
  const departure = { destination: { city: 'Paris', country: 'FR' }, mode: 'flight', number: 'AF123', departureAt: new Date(Date.now() + 20 * 86_400_000).toISOString() };
  ok('departure', await api.call('PUT', `/stays/${active.stayId}/departure`, { token: a.staff, body: departure }), 200);
  const matched = await deliver(api, lab, { results: [result({ sampleId: matchedSample, stayId: active.stayId })] });
  if (matched.body?.results?.[0]?.status !== 'stored') throw new Error(`matched sample: ${matched.text}`);
  const unmatched = await deliver(api, lab, { results: [result({ sampleId: unmatchedSample, document: { type: 'passport', number: 'NOBODY123', country: 'CN' } })] });
  if (unmatched.body?.results?.[0]?.status !== 'unmatched') throw new Error(`unmatched sample: ${unmatched.text}`);
  released = await releasableStay(api, a, lab, PERSON);
  const rel = await api.call('POST', `/stays/${released.stayId}/release`, { token: a.staff });
  ok('release', rel, 200);
  documentIds = (rel.body.documents as { documentId: string }[]).map((d) => d.documentId);
  releasable = await releasableStay(api, a, lab, PERSON);
  stayOfB = await stayArrived(api, b, 1);
}, 120_000);
afterAll(() => api.close());

interface Probe {
  method?: string;
  path: string;
  body?: unknown;
  status: number;
  /** What else to check about the answer (200 probes). */
  then?: (res: { body: any }) => void;
}

const departure = () => ({ destination: { city: 'Seoul', country: 'KR' }, mode: 'flight', number: 'KE806', departureAt: new Date(Date.now() + 9 * 86_400_000).toISOString() });

/** For each staff/admin route: calls by staff of B on resources of A, with bodies A's own staff could use. */
const probes: Record<string, () => Probe[]> = {
  'POST /facilities': () => [{ path: '/facilities', body: { facilityId: evilFacility, name: 'Evil', timeZone: 'Asia/Shanghai' }, status: 403 }],
  'GET /facilities': () => [
    {
      path: '/facilities',
      status: 200,
      then: (res) => expect(res.body.facilities.map((f: { facilityId: string }) => f.facilityId)).toEqual([b.facilityId]),
    },
  ],
  'GET /facilities/{facilityId}': () => [{ path: `/facilities/${a.facilityId}`, status: 403 }],
  'PUT /facilities/{facilityId}': () => [{ method: 'PUT', path: `/facilities/${a.facilityId}`, body: { authority: { name: 'Forged authority' } }, status: 403 }], // admin only
  'POST /facilities/{facilityId}/rooms': () => [{ path: `/facilities/${a.facilityId}/rooms`, body: { range: { from: 900, to: 901 } }, status: 403 }],
  'GET /facilities/{facilityId}/board': () => [{ path: `/facilities/${a.facilityId}/board`, status: 403 }],
  'POST /facilities/{facilityId}/stays': () => [{ path: `/facilities/${a.facilityId}/stays`, body: registration(), status: 403 }],
  'POST /facilities/{facilityId}/stays/batch': () => [{ path: `/facilities/${a.facilityId}/stays/batch`, body: [registration()], status: 403 }],
  'GET /facilities/{facilityId}/stays': () => [{ path: `/facilities/${a.facilityId}/stays?status=active`, status: 403 }],
  'GET /stays/{stayId}': () => [{ path: `/stays/${active.stayId}`, status: 403 }],
  'POST /stays/{stayId}/release': () => [{ path: `/stays/${releasable.stayId}/release`, status: 403 }],
  'POST /stays/{stayId}/transfer': () => [{ path: `/stays/${active.stayId}/transfer`, body: { destination: 'Evil hospital' }, status: 403 }],
  'POST /facilities/{facilityId}/rooms/{roomNumber}/free': () => [{ path: `/facilities/${a.facilityId}/rooms/${released.roomNumber}/free`, status: 403 }],
  'POST /facilities/{facilityId}/rooms/{roomNumber}/inspect': () => [{ path: `/facilities/${a.facilityId}/rooms/${released.roomNumber}/inspect`, status: 403 }],
  'POST /facilities/{facilityId}/rooms/readiness': () => [{ path: `/facilities/${a.facilityId}/rooms/readiness`, body: { action: 'inspect', rooms: [released.roomNumber] }, status: 403 }],
  'PUT /facilities/{facilityId}/room-policy': () => [{ path: `/facilities/${a.facilityId}/room-policy`, body: { inspectionRequired: true }, status: 403 }],
  'POST /facilities/{facilityId}/stays/import': () => [{ path: `/facilities/${a.facilityId}/stays/import?dryRun=true`, body: { fileName: 'm.csv', contentBase64: Buffer.from('姓名,性别\n').toString('base64') }, status: 403 }],
  'POST /facilities/{facilityId}/stays/import/refused': () => [{ path: `/facilities/${a.facilityId}/stays/import/refused`, body: { fileName: 'm.csv', contentBase64: 'eA==', rows: [{ row: 2, reason: 'x' }] }, status: 403 }],
  'GET /facilities/{facilityId}/stays/import/template': () => [{ path: `/facilities/${a.facilityId}/stays/import/template`, status: 403 }],
  'GET /stays/{stayId}/documents': () => [{ path: `/stays/${released.stayId}/documents`, status: 403 }],
  'GET /stays/{stayId}/documents/{documentId}': () =>
    documentIds.flatMap((d) => [
      { path: `/stays/${released.stayId}/documents/${d}`, status: 403 },
      { path: `/stays/${stayOfB.stayId}/documents/${d}`, status: 404 },
    ]),
  'POST /stays/{stayId}/documents/{documentId}/revoke': () =>
    documentIds.flatMap((d) => [
      { path: `/stays/${released.stayId}/documents/${d}/revoke`, body: { reason: 'Revoked by another hotel' }, status: 403 },
      { path: `/stays/${stayOfB.stayId}/documents/${d}/revoke`, body: { reason: 'Revoked by another hotel' }, status: 404 },
    ]),
  'POST /stays/{stayId}/documents/{documentId}/reissue': () =>
    documentIds.flatMap((d) => [
      { path: `/stays/${released.stayId}/documents/${d}/reissue`, body: { reason: 'Reissued by another hotel' }, status: 403 },
      { path: `/stays/${stayOfB.stayId}/documents/${d}/reissue`, body: { reason: 'Reissued by another hotel' }, status: 404 },
    ]),
  'POST /stays/{stayId}/documents/issue': () => [{ path: `/stays/${released.stayId}/documents/issue`, body: { type: 'release_notice' }, status: 403 }],
  'POST /stays/{stayId}/health-signoff': () => [{ path: `/stays/${released.stayId}/health-signoff`, body: { doctorName: 'Dr Forged', note: 'signed off by another hotel' }, status: 403 }],
  'GET /stays/{stayId}/audit': () => [
    { path: `/stays/${active.stayId}/audit`, status: 403 },
    { path: `/stays/${stayOfB.stayId}/audit`, status: 403 }, // admin only, even for B's own stay
  ],
  'POST /stays/{stayId}/checks': () => [
    { path: `/stays/${active.stayId}/checks`, body: { temperatureC: 39.1, slot: 'evening', note: 'forged' }, status: 403 },
    { path: `/stays/${active.stayId}/checks?replace=true`, body: { temperatureC: 39.1, slot: 'morning' }, status: 403 },
  ],
  'GET /stays/{stayId}/checks': () => [{ path: `/stays/${active.stayId}/checks`, status: 403 }],
  'POST /stays/{stayId}/checks/{checkId}/correction': () => [
    { path: `/stays/${active.stayId}/checks/${activeCheckId}/correction`, body: { temperatureC: 39.1, reason: 'forged by another hotel' }, status: 403 },
    // B's own stay with A's check id: no such check on B's file.
    { path: `/stays/${stayOfB.stayId}/checks/${activeCheckId}/correction`, body: { temperatureC: 39.1, reason: 'forged by another hotel' }, status: 404 },
  ],
  'POST /stays/{stayId}/situations': () => [{ path: `/stays/${active.stayId}/situations`, body: { kind: 'other', text: 'forged' }, status: 403 }],
  'GET /stays/{stayId}/situations': () => [{ path: `/stays/${active.stayId}/situations`, status: 403 }],
  'PUT /stays/{stayId}/departure': () => [{ method: 'PUT', path: `/stays/${active.stayId}/departure`, body: departure(), status: 403 }],
  'PUT /stays/{stayId}/schedule': () => [{ method: 'PUT', path: `/stays/${active.stayId}/schedule`, body: { stayDays: 21, retestDays: [12, 19], documentDay: 20, reason: 'probe' }, status: 403 }],
  'GET /facilities/{facilityId}/today': () => [{ path: `/facilities/${a.facilityId}/today`, status: 403 }],
  'GET /facilities/{facilityId}/exports/board': () => [{ path: `/facilities/${a.facilityId}/exports/board`, status: 403 }],
  'GET /facilities/{facilityId}/exports/today': () => [{ path: `/facilities/${a.facilityId}/exports/today?lang=en`, status: 403 }],
  'GET /facilities/{facilityId}/exports/departures': () => [{ path: `/facilities/${a.facilityId}/exports/departures`, status: 403 }],
  'GET /facilities/{facilityId}/transport': () => [
    { path: `/facilities/${a.facilityId}/transport`, status: 403 },
    { path: `/facilities/${a.facilityId}/transport?format=csv`, status: 403 },
  ],
  'GET /lab/unmatched': () => [{ path: '/lab/unmatched', status: 403 }],
  'POST /lab/unmatched/{labId}/{sampleId}/assign': () => [
    // A's unmatched sample is not B's to give to A's stay…
    { path: `/lab/unmatched/${lab.labId}/${unmatchedSample}/assign`, body: { stayId: active.stayId }, status: 403 },
    // …and a result matched to A's stay cannot be taken over for B's stay: the same 404 as an unknown sample.
    { path: `/lab/unmatched/${lab.labId}/${matchedSample}/assign`, body: { stayId: stayOfB.stayId }, status: 404 },
    // Nor can B take A's unmatched sample (naming someone else) for its own stay.
    { path: `/lab/unmatched/${lab.labId}/${unmatchedSample}/assign`, body: { stayId: stayOfB.stayId }, status: 404 },
  ],
  'POST /lab/samples/{labId}/{sampleId}/unassign': () => [
    { path: `/lab/samples/${lab.labId}/${matchedSample}/unassign`, body: { reason: 'Unassigned by another hotel' }, status: 404 },
    { path: `/lab/samples/${lab.labId}/${unmatchedSample}/unassign`, body: { reason: 'Unassigned by another hotel' }, status: 404 },
  ],
  'GET /lab/samples/{labId}/{sampleId}': () => [{ path: `/lab/samples/${lab.labId}/${matchedSample}`, status: 403 }],
  'PUT /labs/{labId}/facilities': () => [{ method: 'PUT', path: `/labs/${lab.labId}/facilities`, body: { facilities: [b.facilityId] }, status: 403 }],
  'GET /stays/{stayId}/tests': () => [{ path: `/stays/${active.stayId}/tests`, status: 403 }],
  'GET /stays/{stayId}/release': () => [{ path: `/stays/${active.stayId}/release`, status: 403 }],
  'GET /facilities/{facilityId}/reminders': () => [{ path: `/facilities/${a.facilityId}/reminders`, status: 403 }],
  'PUT /facilities/{facilityId}/reminders/{reminderId}/handled': () => [{ method: 'PUT', path: `/facilities/${a.facilityId}/reminders/fever_or_symptom-probe/handled`, body: { note: 'probe' }, status: 403 }],
  'PUT /facilities/{facilityId}/transport/pickups': () => [{ method: 'PUT', path: `/facilities/${a.facilityId}/transport/pickups`, body: { date: '2026-12-03', time: '07:30', plates: [] }, status: 403 }],
  'GET /facilities/{facilityId}/vehicles': () => [{ path: `/facilities/${a.facilityId}/vehicles`, status: 403 }],
  'PUT /facilities/{facilityId}/vehicles': () => [{ method: 'PUT', path: `/facilities/${a.facilityId}/vehicles`, body: { vehicles: [{ plate: 'EVIL1', seats: 4 }] }, status: 403 }],
  'GET /facilities/{facilityId}/stats': () => [{ path: `/facilities/${a.facilityId}/stats`, status: 403 }],
  // Home isolation: a programme is admin's; A's teams, worklists and stays are not B's.
  'POST /home-programmes': () => [{ path: '/home-programmes', body: { facilityId: evilFacility, name: 'Evil', timeZone: 'Asia/Shanghai', level: 'district' }, status: 403 }],
  'POST /facilities/{facilityId}/teams': () => [
    {
      path: `/facilities/${a.facilityId}/teams`,
      body: { teamId: 'evil', name: 'Evil', members: { cadre: { name: 'A', phone: '+86 139 0000 0001' }, doctor: { name: 'B', phone: '+86 139 0000 0002' }, police: { name: 'C', phone: '+86 139 0000 0003' } }, gridCells: ['G-99'] },
      status: 403,
    },
  ],
  'GET /facilities/{facilityId}/teams': () => [{ path: `/facilities/${a.facilityId}/teams`, status: 403 }],
  'PUT /facilities/{facilityId}/teams/{teamId}': () => [{ method: 'PUT', path: `/facilities/${a.facilityId}/teams/t1`, body: { name: 'Evil' }, status: 403 }],
  'GET /facilities/{facilityId}/teams/{teamId}/worklist': () => [{ path: `/facilities/${a.facilityId}/teams/t1/worklist`, status: 403 }],
  'PUT /stays/{stayId}/team': () => [{ method: 'PUT', path: `/stays/${active.stayId}/team`, body: { teamId: 'evil', reason: 'probe' }, status: 403 }],
  'POST /stays/{stayId}/continue-at-home': () => [
    { path: `/stays/${active.stayId}/continue-at-home`, body: { programmeId: 'evil', home: { address: '1 Long Road', community: 'Evil', gridCell: 'G-99' }, reason: 'probe' }, status: 403 },
  ],
  'POST /stays/{stayId}/end-check': () => [{ path: `/stays/${active.stayId}/end-check`, body: { fit: true }, status: 403 }],
  'GET /stays/{stayId}/schedule-ledger': () => [{ path: `/stays/${active.stayId}/schedule-ledger`, status: 403 }],
  // Corrections of A's stay: the person's data, a move, a no-show's cancellation are not B's.
  'PUT /stays/{stayId}/person': () => [{ path: `/stays/${active.stayId}/person`, body: { person: { phone: '+86 139 0000 0000' }, reason: 'probe' }, status: 403 }],
  'POST /stays/{stayId}/move': () => [{ path: `/stays/${active.stayId}/move`, body: { roomNumber: '101', reason: 'probe' }, status: 403 }],
  'POST /stays/{stayId}/cancel': () => [{ path: `/stays/${active.stayId}/cancel`, body: { reason: 'probe' }, status: 403 }],
  // The person's own page: links, confirmations, requests and follow-ups of A's stays are not B's.
  'POST /stays/{stayId}/personal-link': () => [{ path: `/stays/${active.stayId}/personal-link`, status: 403 }],
  'GET /stays/{stayId}/personal-link': () => [{ path: `/stays/${active.stayId}/personal-link`, status: 403 }],
  'POST /stays/{stayId}/personal-link/revoke': () => [{ path: `/stays/${active.stayId}/personal-link/revoke`, status: 403 }],
  'POST /stays/{stayId}/checks/{checkId}/confirm': () => [{ path: `/stays/${active.stayId}/checks/${activeCheckId}/confirm`, status: 403 }],
  'GET /facilities/{facilityId}/requests': () => [{ path: `/facilities/${a.facilityId}/requests`, status: 403 }],
  'POST /stays/{stayId}/requests/{requestId}': () => [{ path: `/stays/${active.stayId}/requests/R-probe`, body: { status: 'done' }, status: 403 }],
  'GET /facilities/{facilityId}/follow-ups': () => [{ path: `/facilities/${a.facilityId}/follow-ups`, status: 403 }],
  'POST /stays/{stayId}/follow-ups/{followUpId}/done': () => [{ path: `/stays/${active.stayId}/follow-ups/2026-12-02-morning/done`, body: { note: 'probe' }, status: 403 }],
  // Accounts are administrators' only: staff of B can neither read them nor give themselves A.
  'GET /accounts': () => [{ path: '/accounts', status: 403 }],
  'POST /accounts': () => [{ path: '/accounts', body: { username: 'evil.staff', name: 'Evil', role: 'staff', facilities: [a.facilityId] }, status: 403 }],
  'PUT /accounts/{username}': () => [{ method: 'PUT', path: '/accounts/admin', body: { role: 'staff', facilities: [b.facilityId] }, status: 403 }],
  'POST /accounts/{username}/disable': () => [{ path: '/accounts/admin/disable', status: 403 }],
  'POST /accounts/{username}/enable': () => [{ path: '/accounts/admin/enable', status: 403 }],
  'POST /accounts/{username}/reset-password': () => [{ path: '/accounts/admin/reset-password', status: 403 }],
  'GET /accounts/{username}/audit': () => [{ path: '/accounts/admin/audit', status: 403 }],
};
const evilFacility = uniqueId('evil');

const protectedRoutes = routes.filter((r) => r.access === 'staff' || r.access === 'admin');

/** Everything of A (and B's stay) as an admin reads it: compared before and after the probes. */
async function snapshot(): Promise<Record<string, unknown>> {
  const paths = [
    ...[active, released, releasable].flatMap((s) => [`/stays/${s.stayId}`, `/stays/${s.stayId}/audit`, `/stays/${s.stayId}/tests`, `/stays/${s.stayId}/documents`]),
    `/stays/${active.stayId}/checks`,
    `/stays/${active.stayId}/situations`,
    `/stays/${stayOfB.stayId}`,
    `/stays/${stayOfB.stayId}/tests`,
    `/stays/${stayOfB.stayId}/audit`,
    `/facilities/${a.facilityId}`,
    `/facilities/${a.facilityId}/board`,
    `/facilities/${a.facilityId}/stays?status=active`,
    `/facilities/${a.facilityId}/reminders`,
    `/facilities/${a.facilityId}/transport`,
    `/facilities/${a.facilityId}/vehicles`,
    `/facilities/${evilFacility}`,
    `/lab/samples/${lab.labId}/${matchedSample}`,
    `/lab/samples/${lab.labId}/${unmatchedSample}`,
    ...documentIds.map((d) => `/verify/${d}`),
  ];
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const res = await api.call('GET', path, { token: a.admin, headers: { accept: 'application/json' } });
    const { requestId: _, ...body } = typeof res.body === 'object' && res.body !== null ? res.body : { text: res.body };
    out[path] = { status: res.status, body };
  }
  return out;
}

describe('cross-facility: staff of B on real resources of A', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await snapshot();
  });

  it('has a probe for every staff and admin route (add one when you add a route)', () => {
    expect(Object.keys(probes).sort()).toEqual(protectedRoutes.map(routeKey).sort());
  });

  it.each(protectedRoutes.map((r) => [routeKey(r), r] as const))('%s', async (key, route) => {
    const list = probes[key];
    if (!list) throw new Error(`No cross-facility probe for ${key}: add one to this file`);
    for (const p of list()) {
      const res = await api.call(p.method ?? route.method, p.path, { token: b.staff, ...(p.body !== undefined ? { body: p.body } : {}) });
      expect(res.status, `${route.method} ${p.path} -> ${res.text.slice(0, 200)}`).toBe(p.status);
      p.then?.(res);
      // A refusal says nothing about A's person.
      for (const secret of [PERSON.nameNative, PERSON.nameLatin, active.document.number, released.document.number]) expect(res.text).not.toContain(secret);
    }
  });

  it('changed nothing of A (nor attached anything of A to B)', async () => {
    const after = await snapshot();
    expect(after).toEqual(before);
    // The snapshot saw real things, not a page of 404s.
    expect((before[`/stays/${active.stayId}`] as { status: number }).status).toBe(200);
    expect((before[`/stays/${active.stayId}/checks`] as { body: { checks: unknown[] } }).body).toBeTruthy();
    expect((before[`/facilities/${evilFacility}`] as { status: number }).status).toBe(404);
    expect((before[`/stays/${active.stayId}/checks`] as { body: { checks: unknown[] } }).body.checks).toHaveLength(1);
    for (const d of documentIds) expect((before[`/verify/${d}`] as { body: { status: string } }).body.status).toBe('valid');
  });
});
