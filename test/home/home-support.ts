import { signToken } from '../../local/jwt.js';
import type { TestApi } from '../support/api.js';
import { uniqueId } from '../support/api.js';
import { registration } from '../support/fixtures.js';

// Home isolation fixtures: a programme with one or two three-person teams covering
// grid cells, home stays that arrived some days ago, and tokens for named staff
// accounts (a team doctor records the end-of-period check with their own account).

export interface ProgrammeFixture {
  facilityId: string;
  admin: string;
  staff: string;
  /** The doctor of team A, with a staff account. */
  doctor: string;
  doctorSub: string;
}

export function tokenFor(api: TestApi, sub: string, facilities: string[], role: 'staff' | 'admin' = 'staff'): string {
  return signToken(api.keys.privateKey, { sub, role, facilities }, 3600);
}

export function team(teamId: string, gridCells: string[], doctorSub?: string) {
  return {
    teamId,
    name: `网格组 ${teamId}`,
    members: {
      cadre: { name: '李娜', phone: '+86 139 0000 0001' },
      doctor: { name: '王建国', phone: '+86 139 0000 0002', ...(doctorSub ? { staffSub: doctorSub } : {}) },
      police: { name: '赵警官', phone: '+86 139 0000 0003' },
    },
    gridCells,
  };
}

export async function programme(api: TestApi, extra: Record<string, unknown> = {}): Promise<ProgrammeFixture> {
  const facilityId = uniqueId('home');
  const admin = api.token('admin');
  const created = await api.call('POST', '/home-programmes', {
    token: admin,
    body: { facilityId, name: `和平街道 ${facilityId}`, nameEn: `Heping Street ${facilityId}`, level: 'street', timeZone: 'Asia/Shanghai', ...extra },
  });
  if (created.status !== 201) throw new Error(`programme: ${created.status} ${created.text}`);
  const doctorSub = uniqueId('doc');
  for (const t of [team('a', ['G-01', 'G-02'], doctorSub), team('b', ['G-03'])]) {
    const res = await api.call('POST', `/facilities/${facilityId}/teams`, { token: admin, body: t });
    if (res.status !== 201) throw new Error(`team: ${res.status} ${res.text}`);
  }
  return { facilityId, admin, staff: api.token('staff', [facilityId]), doctor: tokenFor(api, doctorSub, [facilityId]), doctorSub };
}

export const homeOf = (gridCell = 'G-01') => ({ address: '和平街道幸福里 3 号楼 2 单元 501', community: '幸福里社区', gridCell });

export function homeRegistration(daysAgo: number, gridCell = 'G-01', person: Record<string, unknown> = {}) {
  const arrivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  return { ...registration({ category: 'close_contact', arrival: { arrivedAt } }, person), home: homeOf(gridCell) };
}

export async function homeStay(api: TestApi, p: ProgrammeFixture, daysAgo: number, gridCell = 'G-01', person: Record<string, unknown> = {}) {
  const body = homeRegistration(daysAgo, gridCell, person);
  const res = await api.call('POST', `/facilities/${p.facilityId}/stays`, { token: p.staff, body });
  if (res.status !== 201) throw new Error(`home stay: ${res.status} ${res.text}`);
  return { stayId: res.body.stayId as string, schedule: res.body.schedule, stay: res.body.stay, body };
}
