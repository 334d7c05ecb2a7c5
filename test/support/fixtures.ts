import { randomInt } from 'node:crypto';
import type { TestApi } from './api.js';
import { uniqueId } from './api.js';

let serial = 0;

/** A passport number no other test uses. */
export function uniqueDocumentNumber(): string {
  return `E${process.pid % 1000}${Date.now() % 1_000_000}${serial++}${randomInt(1000)}`.slice(0, 20);
}

export function registration(overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
  return {
    person: {
      nameNative: '张伟',
      nameLatin: 'ZHANG Wei',
      sex: 'M',
      birthDate: '1985-03-02',
      nationality: 'CN',
      document: { type: 'passport', number: uniqueDocumentNumber(), country: 'CN' },
      phone: '+86 138 0000 0000',
      language: 'zh',
      ...person,
    },
    category: 'inbound',
    arrival: { arrivedAt: new Date().toISOString(), flightNumber: 'CA936', originCountry: 'FR' },
    ...overrides,
  };
}

export interface FacilityFixture {
  facilityId: string;
  admin: string;
  staff: string;
}

/** Creates a facility with `rooms` rooms numbered 101.. and returns tokens for it. */
export async function facilityWithRooms(api: TestApi, rooms: number, extra: Record<string, unknown> = {}): Promise<FacilityFixture> {
  const facilityId = uniqueId('fac');
  const admin = api.token('admin');
  const created = await api.call('POST', '/facilities', { token: admin, body: { facilityId, name: `Hotel ${facilityId}`, timeZone: 'Asia/Shanghai', ...extra } });
  if (created.status !== 201) throw new Error(`facility: ${created.status} ${created.text}`);
  if (rooms > 0) {
    const added = await api.call('POST', `/facilities/${facilityId}/rooms`, { token: admin, body: { range: { from: 101, to: 100 + rooms } } });
    if (added.status !== 201) throw new Error(`rooms: ${added.status} ${added.text}`);
  }
  return { facilityId, admin, staff: api.token('staff', [facilityId]) };
}

export interface StayFixture {
  stayId: string;
  roomNumber: string;
  day1Date: string;
  document: { type: string; number: string; country: string };
  schedule: { day1Date: string; retestDates: string[]; documentDate: string; endDate: string; releaseDate: string };
}

/** Registers a stay that arrived `daysAgo` days ago (day 1 = that date in the facility's zone). */
export async function stayArrived(api: TestApi, f: FacilityFixture, daysAgo: number, person: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Promise<StayFixture> {
  const arrivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const body = registration({ arrival: { arrivedAt, flightNumber: 'CA936', originCountry: 'FR' }, ...overrides }, person);
  const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return {
    stayId: res.body.stayId,
    roomNumber: res.body.roomNumber,
    day1Date: res.body.schedule.day1Date,
    document: (body.person as { document: StayFixture['document'] }).document,
    schedule: res.body.schedule,
  };
}
