import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsOfStaff } from '../../functions/entities/team.js';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { itemsOf } from '../support/items.js';
import { homeRegistration, homeStay, programme, type ProgrammeFixture } from './home-support.js';

// Editing a three-person team: members (name, phone, staff account), grid cells and
// the duty roster, in one audited transaction; a cell another team covers is refused;
// the people already followed keep their team.

let api: TestApi;
let p: ProgrammeFixture;
beforeAll(async () => {
  api = await startApi();
  p = await programme(api);
});
afterAll(() => api.close());

const put = (teamId: string, body: unknown, token = p.admin) => api.call('PUT', `/facilities/${p.facilityId}/teams/${teamId}`, { token, body });

describe('PUT /facilities/{facilityId}/teams/{teamId}', () => {
  it('replaces a member and moves the cells; the staff account follows; the stays keep their team; audited', async () => {
    const before = await homeStay(api, p, 2, 'G-02', { nameNative: '钱多', nameLatin: 'QIAN Duo' });
    const newDoctor = uniqueId('doc');
    const res = await put('a', { members: { doctor: { name: '张医生', phone: '+86 139 0000 0009', staffSub: newDoctor } }, gridCells: ['G-01', 'G-04'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ teamId: 'a', gridCells: ['G-01', 'G-04'], members: { doctor: { name: '张医生', staffSub: newDoctor }, cadre: { name: '李娜' } }, version: 1 });
    const listed = await api.call('GET', `/facilities/${p.facilityId}/teams`, { token: p.staff });
    expect(listed.body.teams.find((t: { teamId: string }) => t.teamId === 'a').members.doctor.name).toBe('张医生');
    // The new doctor's account is a member of team a; the old one no longer.
    expect(await teamsOfStaff(newDoctor)).toEqual([{ facilityId: p.facilityId, teamId: 'a', role: 'doctor' }]);
    expect(await teamsOfStaff(p.doctorSub)).toEqual([]);
    // A new person in G-04 gets team a; G-02 is free now: registration there finds no team.
    expect((await homeStay(api, p, 1, 'G-04')).stay.teamId).toBe('a');
    const orphan = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body: homeRegistration(1, 'G-02') });
    expect(orphan.status).toBe(400);
    // The person already followed from G-02 stays with team a.
    expect((await api.call('GET', `/stays/${before.stayId}`, { token: p.staff })).body.teamId).toBe('a');
    // Team b takes the freed cell.
    expect((await put('b', { gridCells: ['G-03', 'G-02'] })).status).toBe(200);
    const trail = await itemsOf(`FACILITY#${p.facilityId}#TEAM#a`, 'AUDIT#');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'team_updated', changes: { fields: ['members.doctor', 'gridCells'], gridCellsAdded: ['G-04'], gridCellsRemoved: ['G-02'], staffAccountsChanged: ['doctor'] } });
    expect(JSON.stringify(trail[0])).not.toContain('张医生');
  });

  it("refuses a cell another team covers, naming it, and changes nothing", async () => {
    const res = await put('a', { gridCells: ['G-01', 'G-03'], name: '新名字' });
    expect(res.status).toBe(409);
    expect(res.body.reasons).toEqual([{ code: 'grid_cell_taken', message: 'Grid cell G-03 is covered by team b.' }]);
    const listed = await api.call('GET', `/facilities/${p.facilityId}/teams`, { token: p.staff });
    expect(listed.body.teams.find((t: { teamId: string }) => t.teamId === 'a').name).not.toBe('新名字');
  });

  it('refuses bad input in one answer, a staff token, and an unknown team', async () => {
    expect((await put('a', {})).status).toBe(400);
    const bad = await put('a', { members: { cadre: { name: '', phone: 'x', staffSub: 'same' }, police: { name: '赵', phone: '+86 139 0000 0003', staffSub: 'same' } }, gridCells: ['G 1'], duty: { evening: 'nurse' } });
    expect(bad.status).toBe(400);
    const paths = bad.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['members.cadre.name', 'members.cadre.phone', 'gridCells.0', 'duty.evening']));
    const twice = await put('a', { members: { police: { name: '赵警官', phone: '+86 139 0000 0003', staffSub: 'same' }, cadre: { name: '李娜', phone: '+86 139 0000 0001', staffSub: 'same' } } });
    expect(twice.status).toBe(400);
    expect(twice.body.issues.map((i: { path: string }) => i.path)).toEqual(['members.police.staffSub']);
    expect((await put('a', { name: 'x' }, p.staff)).status).toBe(403);
    expect((await put('zz', { name: 'x' })).status).toBe(404);
  });
});
