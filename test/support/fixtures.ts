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
