import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retention } from '../../functions/use-cases/retention.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, type FacilityFixture } from '../support/fixtures.js';
import { itemsOf } from '../support/items.js';

// A corrected and then cancelled registration is removed by retention like any closed
// stay: the audit's values before and after, the reasons and the cancellation go.

let api: TestApi;
let f: FacilityFixture;
beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 2);
});
afterAll(() => api.close());

describe('retention of a corrected, cancelled registration', () => {
  it('keeps no name, number or reason', async () => {
    const body = registration({}, { nameNative: '钱多', nameLatin: 'QIAN Duo' });
    const stayId = (await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body })).body.stayId as string;
    expect((await api.call('PUT', `/stays/${stayId}/person`, { token: f.staff, body: { person: { nameLatin: 'QIAN Duoduo' }, reason: 'Spelling as in passport' } })).status).toBe(200);
    expect((await api.call('POST', `/stays/${stayId}/cancel`, { token: f.staff, body: { reason: 'Never arrived' } })).status).toBe(200);

    const out = await retention({ now: new Date(Date.now() + 200 * 86_400_000), facilityIds: [f.facilityId] });
    expect(out).toMatchObject({ job: 'retention' });
    const file = await api.call('GET', `/stays/${stayId}`, { token: f.staff });
    expect(file.body).toMatchObject({ status: 'cancelled', person: {} });
    expect(file.body.anonymizedAt).toBeDefined();
    const everything = JSON.stringify(await itemsOf(`STAY#${stayId}`));
    for (const secret of ['钱多', 'QIAN', 'Spelling as in passport', 'Never arrived', body.person.document.number]) expect(everything).not.toContain(secret);
  });
});
