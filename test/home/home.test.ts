import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseDue, retestDue } from '../../functions/use-cases/due-jobs.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, stayArrived, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf, remindersOf } from '../support/items.js';
import { deliver, hoursAgo, newLab, result, useLabs, type TestLab } from '../lab/lab-support.js';
import { fetchBytes, pdfText } from '../release/release-support.js';
import { homeOf, homeRegistration, homeStay, programme, team, tokenFor, type ProgrammeFixture } from './home-support.js';

// Home isolation end to end against DynamoDB Local: programmes without rooms, home
// addresses and their teams, each path a hotel stay takes (registration, manifest,
// checks, lab results, jobs, schedule changes, release, documents) for a stay
// without a room, the "14 + 7" continuation, reassignment and the release gate.

let api: TestApi;
let p: ProgrammeFixture;
let hotel: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  p = await programme(api);
  hotel = await facilityWithRooms(api, 12, { name: '国际酒店', nameEn: 'International Hotel' });
});
afterAll(() => api.close());

async function download(d: { documentId: string; key: string; type?: string }) {
  const got = await fetchBytes(`${api.url}/documents/${d.documentId}.pdf?key=${encodeURIComponent(d.key)}`);
  // HOME_PDF_DIR=/tmp/x keeps the PDFs for a look with pdftoppm.
  if (process.env.HOME_PDF_DIR) writeFileSync(`${process.env.HOME_PDF_DIR}/${d.type ?? 'doc'}-${d.documentId}.pdf`, got.bytes);
  return got;
}
const get = (path: string, token = p.staff) => api.call('GET', path, { token });
const codes = (body: { reasons?: { code: string }[]; issues?: { code: string }[] }) => [...(body.reasons ?? []), ...(body.issues ?? [])].map((r) => r.code).sort();

describe('programmes and teams', () => {
  it('a programme is a facility of kind home_programme, with the policy and no rooms', async () => {
    const f = await get(`/facilities/${p.facilityId}`);
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ kind: 'home_programme', level: 'street', timeZone: 'Asia/Shanghai', policy: { stayDays: 14, retestDays: [12], documentDay: 13 } });
    const rooms = await api.call('POST', `/facilities/${p.facilityId}/rooms`, { token: p.admin, body: { rooms: ['101'] } });
    expect(rooms.status).toBe(409);
    expect(codes(rooms.body)).toEqual(['home_programme_has_no_rooms']);
  });

  it('teams list their three named members and their grid cells; a cell belongs to one team', async () => {
    const list = await get(`/facilities/${p.facilityId}/teams`);
    expect(list.body.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['a', 'b']);
    expect(list.body.teams[0]).toMatchObject({ gridCells: ['G-01', 'G-02'], members: { cadre: { name: '李娜' }, doctor: { name: '王建国', staffSub: p.doctorSub }, police: { name: '赵警官' } } });
    const clash = await api.call('POST', `/facilities/${p.facilityId}/teams`, { token: p.admin, body: team('c', ['G-09', 'G-03']) });
    expect(clash.status).toBe(409);
    expect(clash.body.reasons).toEqual([expect.objectContaining({ code: 'grid_cell_taken', message: 'Grid cell G-03 is covered by team b.' })]);
    // Nothing of the refused team was written (G-09 is still free).
    const free = await api.call('POST', `/facilities/${p.facilityId}/teams`, { token: p.admin, body: team('c', ['G-09']) });
    expect(free.status).toBe(201);
  });

  it('a hotel has no teams, and staff cannot create them', async () => {
    expect((await api.call('GET', `/facilities/${hotel.facilityId}/teams`, { token: hotel.staff })).status).toBe(400);
    expect((await api.call('POST', `/facilities/${p.facilityId}/teams`, { token: p.staff, body: team('d', ['G-10']) })).status).toBe(403);
  });
});

describe('registration of a home stay', () => {
  it('takes the home address instead of a room and gives the team of the grid cell', async () => {
    const s = await homeStay(api, p, 0, 'G-02');
    expect(s.stay).toMatchObject({ facilityId: p.facilityId, home: homeOf('G-02'), teamId: 'a', status: 'active' });
    expect(s.stay.roomNumber).toBeUndefined();
    const ledger = await get(`/stays/${s.stayId}/schedule-ledger`);
    expect(ledger.body).toMatchObject({ endDate: s.schedule.endDate, entries: [{ event: 'check_in', newEndDate: s.schedule.endDate }] });
    const audit = await api.call('GET', `/stays/${s.stayId}/audit`, { token: p.admin });
    expect(audit.body.entries[0]).toMatchObject({ action: 'check_in', changes: { gridCell: 'G-02', teamId: 'a' } });
  });

  it('refuses in one answer: no team for the cell, a room number, a bad cell code', async () => {
    const body = { ...homeRegistration(0, 'G-77'), roomNumber: '101' };
    const res = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['roomNumber']);
    const noTeam = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body: homeRegistration(0, 'G-77') });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.issues).toEqual([expect.objectContaining({ path: 'home.gridCell', code: 'no_team_for_grid_cell' })]);
    const bad = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body: { ...homeRegistration(0), home: { address: '', community: '', gridCell: 'G 1' } } });
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['home.address', 'home.community', 'home.gridCell']);
  });

  it('a hotel refuses a home address; a home programme refuses a body without one', async () => {
    const inHotel = await api.call('POST', `/facilities/${hotel.facilityId}/stays`, { token: hotel.staff, body: homeRegistration(0) });
    expect(inHotel.status).toBe(400);
    expect(inHotel.body.issues.map((i: { path: string }) => i.path)).toEqual(['home']);
    const noHome = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body: registration() });
    expect(noHome.status).toBe(400);
    expect(noHome.body.issues.map((i: { path: string }) => i.path)).toContain('home');
  });

  it('a manifest registers home rows, each with its team, and reports refused rows', async () => {
    const rows = [homeRegistration(0, 'G-01'), homeRegistration(0, 'G-03'), homeRegistration(0, 'G-99')];
    const res = await api.call('POST', `/facilities/${p.facilityId}/stays/batch`, { token: p.staff, body: rows });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, refused: 1 });
    expect(res.body.rows.slice(0, 2).map((r: { teamId: string }) => r.teamId)).toEqual(['a', 'b']);
    expect(res.body.rows[2].problem.issues[0].code).toBe('no_team_for_grid_cell');
  });
});

describe('care, lab results and jobs for a stay without a room', () => {
  it('a check is recorded; a fever raises the urgent reminder naming the grid cell', async () => {
    const s = await homeStay(api, p, 2, 'G-01');
    const res = await api.call('POST', `/stays/${s.stayId}/checks`, { token: p.staff, body: { slot: 'morning', temperatureC: 37.8, symptoms: ['cough'], measuredAt: hoursAgo(24) } });
    expect(res.status).toBe(201);
    expect(res.body.check).toMatchObject({ gridCell: 'G-01', alert: true });
    expect(res.body.check.roomNumber).toBeUndefined();
    const reminder = (await remindersOf(p.facilityId)).find((r) => r.reminderId === res.body.reminderId);
    expect(reminder).toMatchObject({ kind: 'fever_or_symptom', urgent: true, title: 'Fever or symptom: home, grid cell G-01', lines: [{ stayId: s.stayId, gridCell: 'G-01' }] });
  });

  it('a lab result by document lands on the home stay; a positive marks it positive', async () => {
    const s = await homeStay(api, p, 3, 'G-01');
    const doc = s.body.person.document;
    const sent = await deliver(api, lab, { results: [result({ document: doc, collectedAt: hoursAgo(2), resultedAt: hoursAgo(1), result: 'positive' })] });
    expect(sent.status).toBe(200);
    expect(sent.body.results[0]).toMatchObject({ status: 'stored', stayId: s.stayId });
    expect((await get(`/stays/${s.stayId}`)).body.status).toBe('positive');
    const reminder = (await remindersOf(p.facilityId)).find((r) => r.kind === 'positive_result' && r.lines[0]?.stayId === s.stayId);
    expect(reminder?.title).toBe('Positive result: home, grid cell G-01');
  });

  it('retest-due and release-due list home stays by grid cell', async () => {
    const due = await homeStay(api, p, 11, 'G-03');
    const ended = await homeStay(api, p, 14, 'G-03');
    const now = new Date();
    await retestDue({ now, facilityIds: [p.facilityId] });
    await releaseDue({ now, facilityIds: [p.facilityId] });
    const reminders = await remindersOf(p.facilityId);
    const retest = reminders.find((r) => r.kind === 'retest_due' || r.kind === 'retest_overdue');
    expect(retest?.lines).toContainEqual(expect.objectContaining({ stayId: due.stayId, gridCell: 'G-03', day: 12 }));
    const expired = reminders.find((r) => r.kind === 'expired_isolation');
    expect(expired?.lines).toContainEqual(expect.objectContaining({ stayId: ended.stayId, gridCell: 'G-03' }));
  });

  it('a schedule change moves the end date and enters the ledger with old, new, reason and who', async () => {
    const s = await homeStay(api, p, 1, 'G-01');
    const res = await api.call('PUT', `/stays/${s.stayId}/schedule`, { token: p.staff, body: { stayDays: 21, reason: '密接者同住人确诊，延长观察' } });
    expect(res.status).toBe(200);
    const ledger = (await get(`/stays/${s.stayId}/schedule-ledger`)).body;
    expect(ledger.endDate).toBe(res.body.schedule.endDate);
    expect(ledger.entries).toHaveLength(2);
    expect(ledger.entries[1]).toMatchObject({ event: 'schedule_changed', oldEndDate: s.schedule.endDate, newEndDate: res.body.schedule.endDate, reason: '密接者同住人确诊，延长观察' });
    expect(ledger.entries[1].actor).toMatch(/^staff-/);
  });
});

describe('reassignment', () => {
  it('moves the stay to the other team in one transaction, audited; the worklists follow', async () => {
    const s = await homeStay(api, p, 1, 'G-01', { nameNative: '陈静', nameLatin: 'CHEN Jing' });
    const before = await get(`/facilities/${p.facilityId}/teams/a/worklist`);
    expect(before.body.notReported.map((x: { stayId: string }) => x.stayId)).toContain(s.stayId);
    const res = await api.call('PUT', `/stays/${s.stayId}/team`, { token: p.staff, body: { teamId: 'b', reason: '原小组人手不足' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ teamId: 'b', previousTeamId: 'a' });
    expect((await get(`/stays/${s.stayId}`)).body.teamId).toBe('b');
    const a = await get(`/facilities/${p.facilityId}/teams/a/worklist`);
    const b = await get(`/facilities/${p.facilityId}/teams/b/worklist`);
    expect(a.body.notReported.map((x: { stayId: string }) => x.stayId)).not.toContain(s.stayId);
    expect(b.body.notReported.map((x: { stayId: string }) => x.stayId)).toContain(s.stayId);
    const audit = await api.call('GET', `/stays/${s.stayId}/audit`, { token: p.admin });
    expect(audit.body.entries.at(-1)).toMatchObject({ action: 'team_reassigned', changes: { from: 'a', to: 'b', reason: '原小组人手不足' } });
    const same = await api.call('PUT', `/stays/${s.stayId}/team`, { token: p.staff, body: { teamId: 'b', reason: 'again' } });
    expect(codes(same.body)).toEqual(['same_team']);
    const unknown = await api.call('PUT', `/stays/${s.stayId}/team`, { token: p.staff, body: { teamId: 'zz', reason: 'typo team' } });
    expect(unknown.status).toBe(400);
  });

  it('a hotel stay has no team', async () => {
    const s = await stayArrived(api, hotel, 0);
    const res = await api.call('PUT', `/stays/${s.stayId}/team`, { token: hotel.staff, body: { teamId: 'a', reason: 'not possible' } });
    expect(codes(res.body)).toEqual(['not_a_home_stay']);
  });
});

describe('the team worklist', () => {
  let q: ProgrammeFixture;
  beforeAll(async () => {
    q = await programme(api);
  });

  it('per team: not reported this slot, fevers, tests due, the load; per member only their part', async () => {
    const quiet = await homeStay(api, q, 4, 'G-01', { nameNative: '刘洋', nameLatin: 'LIU Yang' });
    const feverish = await homeStay(api, q, 4, 'G-02', { nameNative: '孙丽', nameLatin: 'SUN Li' });
    const retest = await homeStay(api, q, 11, 'G-01', { nameNative: '周强', nameLatin: 'ZHOU Qiang' });
    await homeStay(api, q, 4, 'G-03'); // team b's
    await api.call('POST', `/stays/${feverish.stayId}/checks`, { token: q.staff, body: { slot: 'morning', temperatureC: 38.1, symptoms: [], measuredAt: hoursAgo(24) } });

    const w = await api.call('GET', `/facilities/${q.facilityId}/teams/a/worklist`, { token: q.staff });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ teamId: 'a', load: { people: 3, positive: 0, gridCells: 2 } });
    const ids = (list: { stayId: string }[]) => list.map((x) => x.stayId).sort();
    expect(ids(w.body.notReported)).toEqual([quiet.stayId, feverish.stayId, retest.stayId].sort());
    expect(w.body.fever).toEqual([expect.objectContaining({ stayId: feverish.stayId, nameNative: '孙丽', gridCell: 'G-02', readings: [expect.objectContaining({ temperatureC: 38.1, slot: 'morning' })] })]);
    expect(w.body.testsDue).toEqual([expect.objectContaining({ stayId: retest.stayId, overdue: false, dayOfStay: 12 })]);
    expect(w.body.release).toEqual({ ready: [], waiting: [] });

    const police = await api.call('GET', `/facilities/${q.facilityId}/teams/a/worklist?member=police`, { token: q.staff });
    expect(police.body.member).toEqual({ role: 'police', name: '赵警官', phone: '+86 139 0000 0003' });
    expect(Object.keys(police.body)).toContain('notReported');
    expect(police.body.fever).toBeUndefined();
    const doctor = await api.call('GET', `/facilities/${q.facilityId}/teams/a/worklist?member=doctor`, { token: q.staff });
    expect(doctor.body.notReported).toBeUndefined();
    expect(doctor.body.testsDue).toHaveLength(1);
  });

  it('refuses an unknown member role and another programme\'s staff', async () => {
    expect((await api.call('GET', `/facilities/${q.facilityId}/teams/a/worklist?member=mayor`, { token: q.staff })).status).toBe(400);
    expect((await api.call('GET', `/facilities/${q.facilityId}/teams/a/worklist`, { token: p.staff })).status).toBe(403);
    expect((await api.call('GET', `/facilities/${q.facilityId}/teams/nope/worklist`, { token: q.staff })).status).toBe(404);
  });
});

describe('release from home isolation (销号)', () => {
  it('refuses before the end date and without the doctor\'s check; lists each unmet condition', async () => {
    const s = await homeStay(api, p, 5, 'G-01');
    const res = await api.call('POST', `/stays/${s.stayId}/release`, { token: p.staff });
    expect(res.status).toBe(409);
    expect(codes(res.body)).toEqual(['before_end_date', 'end_check_missing', 'retest_missing']);
    const early = await api.call('POST', `/stays/${s.stayId}/end-check`, { token: p.doctor, body: { fit: true } });
    expect(codes(early.body)).toEqual(['before_end_date']);
  });

  it('on the last day: the team doctor records the check, a recent fever blocks, then the notice is issued', async () => {
    const s = await homeStay(api, p, 13, 'G-01', { nameNative: '黄磊', nameLatin: 'HUANG Lei' });
    // Another account cannot record the check of a team whose doctor has one.
    const other = await api.call('POST', `/stays/${s.stayId}/end-check`, { token: p.staff, body: { fit: true } });
    expect(other.status).toBe(403);
    expect(codes(other.body)).toEqual(['not_team_doctor']);
    const check = await api.call('POST', `/stays/${s.stayId}/end-check`, { token: p.doctor, body: { fit: true, note: '体温正常，无症状' } });
    expect(check.status).toBe(200);
    expect(check.body.endCheck).toMatchObject({ doctorName: '王建国', fit: true });

    await deliver(api, lab, { results: [result({ stayId: s.stayId, collectedAt: hoursAgo(30), resultedAt: hoursAgo(26) })] });
    const fever = await api.call('POST', `/stays/${s.stayId}/checks`, { token: p.staff, body: { slot: 'morning', temperatureC: 37.5, symptoms: [], measuredAt: hoursAgo(20) } });
    expect(fever.status).toBe(201);
    const w = await get(`/facilities/${p.facilityId}/teams/a/worklist`);
    expect(w.body.release.waiting).toContainEqual(expect.objectContaining({ stayId: s.stayId, reasons: [expect.objectContaining({ code: 'recent_fever_or_symptom' })] }));
    expect(codes((await api.call('POST', `/stays/${s.stayId}/release`, { token: p.staff })).body)).toEqual(['recent_fever_or_symptom']);

    // Correcting a misread thermometer clears the slot (the original stays on the check).
    const corrected = await api.call('POST', `/stays/${s.stayId}/checks/${fever.body.check.checkId}/correction`, { token: p.staff, body: { temperatureC: 36.5, reason: '体温计读数错误，复测' } });
    expect(corrected.status).toBe(200);
    const ready = await get(`/facilities/${p.facilityId}/teams/a/worklist`);
    expect(ready.body.release.ready.map((x: { stayId: string }) => x.stayId)).toContain(s.stayId);

    const released = await api.call('POST', `/stays/${s.stayId}/release`, { token: p.staff });
    expect(released.status).toBe(200);
    expect(released.body.roomNumber).toBeUndefined();
    expect(released.body.documents.map((d: { type: string }) => d.type).sort()).toEqual(['health_certificate', 'home_release_notice', 'test_report']);
    // The released person leaves the team's list.
    expect((await get(`/facilities/${p.facilityId}/teams/a/worklist`)).body.notReported.map((x: { stayId: string }) => x.stayId)).not.toContain(s.stayId);

    const notice = released.body.documents.find((d: { type: string }) => d.type === 'home_release_notice');
    const pdf = await download(notice);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('解除居家隔离医学观察通知书');
    expect(text).toContain('Notice of Release from Home Medical Observation');
    expect(text).toContain('黄磊');
    expect(text).toContain('和平街道幸福里 3 号楼 2 单元 501');
    expect(text).toContain('王建国');
    expect(text).not.toContain('集中隔离');
    const verify = await fetchBytes(`${api.url}/verify/${notice.documentId}`);
    expect(verify.status).toBe(200);
    expect(verify.bytes.toString('utf8')).toContain('解除居家隔离医学观察通知书');
  });
});

describe('a hotel stay continues at home ("14 + 7")', () => {
  let q: ProgrammeFixture;
  beforeAll(async () => {
    q = await programme(api, { policy: { stayDays: 7, retestDays: [], documentDay: 7 } });
  });

  it('one transaction closes the hotel part and opens the home part with history, schedule and ledger', async () => {
    const staff = api.token('staff', [hotel.facilityId, q.facilityId]);
    const s = await stayArrived(api, hotel, 14);
    const hotelCheck = await api.call('POST', `/stays/${s.stayId}/checks`, { token: staff, body: { slot: 'morning', temperatureC: 36.4, symptoms: [], measuredAt: hoursAgo(26) } });
    expect(hotelCheck.status).toBe(201);
    await deliver(api, lab, { results: [result({ stayId: s.stayId, collectedAt: hoursAgo(48), resultedAt: hoursAgo(40) })] });

    const res = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: staff, body: { programmeId: q.facilityId, home: homeOf('G-02'), reason: '14+7：集中隔离期满，转居家隔离' } });
    expect(res.status).toBe(201);
    const { hotelStay, homeStay: home } = res.body;
    expect(hotelStay).toMatchObject({ stayId: s.stayId, status: 'continued', roomNumber: s.roomNumber, roomState: 'cleaning' });
    expect(home).toMatchObject({ facilityId: q.facilityId, teamId: 'a' });
    // Day numbering continues: day 1 stays, 14 hotel days + 7 at home.
    expect(home.schedule.day1Date).toBe(s.day1Date);
    const homeFile = (await get(`/stays/${home.stayId}`, q.staff)).body;
    expect(homeFile).toMatchObject({ status: 'active', policy: { stayDays: 21, retestDays: [12], documentDay: 21 }, continuesFrom: { stayId: s.stayId, facilityId: hotel.facilityId, roomNumber: s.roomNumber } });
    // The hotel part's check marks came along (the worklist's recent slots span both parts).
    const [homeItem] = await itemsOf(`STAY#${home.stayId}`, 'STAY');
    expect(Object.keys(homeItem?.checkMarks ?? {})).toContain(hotelCheck.body.check.date);
    const hotelFile = (await api.call('GET', `/stays/${s.stayId}`, { token: hotel.staff })).body;
    expect(hotelFile).toMatchObject({ status: 'continued', continuedAs: { stayId: home.stayId, facilityId: q.facilityId } });
    const board = (await api.call('GET', `/facilities/${hotel.facilityId}/board`, { token: hotel.staff })).body;
    expect(board.rooms.find((r: { roomNumber: string }) => r.roomNumber === s.roomNumber).state).toBe('cleaning');

    // The person's one open stay is now the home part: a second check-in is refused.
    const again = await api.call('POST', `/facilities/${hotel.facilityId}/stays`, { token: hotel.staff, body: registration({}, { document: s.document }) });
    expect(codes(again.body)).toEqual(['person_has_open_stay']);
    // The hotel part's due items left the jobs' index; the home part's are open.
    expect((await itemsOf(`STAY#${s.stayId}`, 'DUE#')).filter((d) => d.state === 'open' && d.kind !== 'PURGE')).toHaveLength(0);
    const homeDue = await itemsOf(`STAY#${home.stayId}`, 'DUE#');
    expect(homeDue.filter((d) => d.state === 'open').map((d) => d.kind).sort()).toEqual(['DOCUMENT', 'END']);
    expect(homeDue.filter((d) => d.state === 'resolved')).toEqual([expect.objectContaining({ kind: 'RETEST', resolution: 'hotel_part' })]);

    const ledger = (await get(`/stays/${home.stayId}/schedule-ledger`, q.staff)).body;
    expect(ledger.entries).toEqual([expect.objectContaining({ event: 'continued_from_hotel', oldEndDate: s.schedule.endDate, newEndDate: home.schedule.endDate, reason: '14+7：集中隔离期满，转居家隔离' })]);
    const hotelLedger = (await api.call('GET', `/stays/${s.stayId}/schedule-ledger`, { token: hotel.staff })).body;
    expect(hotelLedger.entries.map((e: { event: string }) => e.event)).toEqual(['check_in', 'continued_at_home']);

    // A result by document after the move lands on the home part.
    const late = await deliver(api, lab, { results: [result({ document: s.document, collectedAt: hoursAgo(1), resultedAt: hoursAgo(0.5) })] });
    expect(late.status, late.text).toBe(200);
    expect(late.body.results[0]).toMatchObject({ status: 'stored', stayId: home.stayId });

    const twice = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: staff, body: { programmeId: q.facilityId, home: homeOf('G-02'), reason: 'second time' } });
    expect(codes(twice.body)).toEqual(['stay_not_active']);
  });

  it('refuses a home stay, a hotel as the programme, a date outside the stay', async () => {
    const staff = api.token('staff', [hotel.facilityId, q.facilityId]);
    const s = await stayArrived(api, hotel, 3);
    const hotelAsProgramme = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: staff, body: { programmeId: hotel.facilityId, home: homeOf(), reason: 'wrong target' } });
    expect(hotelAsProgramme.status).toBe(400);
    const early = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: staff, body: { programmeId: q.facilityId, home: homeOf(), date: s.day1Date, reason: 'too early' } });
    expect(early.body.issues.map((i: { path: string }) => i.path)).toEqual(['date']);
    const noAccess = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: hotel.staff, body: { programmeId: q.facilityId, home: homeOf(), reason: 'no access' } });
    expect(noAccess.status).toBe(403);
    const h = await homeStay(api, q, 1);
    const fromHome = await api.call('POST', `/stays/${h.stayId}/continue-at-home`, { token: staff, body: { programmeId: q.facilityId, home: homeOf(), reason: 'already home' } });
    expect(codes(fromHome.body)).toEqual(['not_a_hotel_stay']);
  });

  it('the home release notice states both parts, from the whole record', async () => {
    const staff = api.token('staff', [hotel.facilityId, q.facilityId]);
    const s = await stayArrived(api, hotel, 20, { nameNative: 'Ελένη Παπαδοπούλου', nameLatin: 'PAPADOPOULOU Eleni', nationality: 'GR', language: 'en' });
    await deliver(api, lab, { results: [result({ stayId: s.stayId, collectedAt: hoursAgo(24 * 9), resultedAt: hoursAgo(24 * 9 - 5) })] });
    const date = new Date(Date.now() - 6 * 86_400_000).toISOString();
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(date));
    const moved = await api.call('POST', `/stays/${s.stayId}/continue-at-home`, { token: staff, body: { programmeId: q.facilityId, home: homeOf('G-01'), date: localDate, reason: '14+7' } });
    expect(moved.status).toBe(201);
    const homeId = moved.body.homeStay.stayId;
    const doctor = tokenFor(api, q.doctorSub, [q.facilityId]);
    expect((await api.call('POST', `/stays/${homeId}/end-check`, { token: doctor, body: { fit: true } })).status).toBe(200);
    const released = await api.call('POST', `/stays/${homeId}/release`, { token: q.staff });
    expect(released.status).toBe(200);
    const notice = released.body.documents.find((d: { type: string }) => d.type === 'home_release_notice');
    const text = pdfText((await download(notice)).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(text).toContain('国际酒店');
    expect(text).toContain('International Hotel');
    expect(text).toContain('centralized at International Hotel');
    // The hotel's day-12 retest counts for the home part: the notice names it.
    expect(text).toContain('tested negative in the nucleic acid retest');
    const report = released.body.documents.find((d: { type: string }) => d.type === 'test_report');
    // The hotel part's result is on the home part's test report.
    expect(pdfText((await download(report)).bytes)).toContain('Negative');
  });
});
