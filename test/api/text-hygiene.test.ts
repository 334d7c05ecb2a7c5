import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uniqueId, type TestApi } from '../support/api.js';
import { facilityWithRooms, registration, stayArrived, type FacilityFixture, type StayFixture } from '../support/fixtures.js';
import { deliver, newLab, result, useLabs, type TestLab } from '../lab/lab-support.js';
import { itemsOf } from '../support/items.js';

// Characters that are never right in a name or free text are refused where they
// enter, with a 400 naming each field (all of them in one answer), and nothing is
// written. JSON escapes carry the broken strings ("\ud800" is an unpaired surrogate).

let api: TestApi;
let f: FacilityFixture;
let stay: StayFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  f = await facilityWithRooms(api, 4);
  stay = await stayArrived(api, f, 2);
  lab = newLab();
  await useLabs(lab);
});
afterAll(() => api.close());

const paths = (res: { body: { issues?: { path: string; code: string }[] } }) => (res.body.issues ?? []).map((i) => `${i.path}:${i.code}`).sort();

describe('characters never right in text', () => {
  it('registration names each bad field in one answer and writes nothing', async () => {
    const body = registration(
      { diet: 'halal\u0000', ethnicity: '\u202Ehan', notes: 'ok\nsecond line but \u200B here' },
      { nameNative: '张\u200B伟', nameLatin: 'ZHANG\uD800Wei' },
    );
    const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(
      expect.arrayContaining(['diet:control_character', 'ethnicity:bidi_control', 'notes:invisible_character', 'person.nameNative:invisible_character', 'person.nameLatin:unpaired_surrogate']),
    );
    expect(res.body.issues.find((i: { path: string }) => i.path === 'person.nameNative').message).toBe('Remove an invisible character (U+200B) at position 2');
    const list = await api.call('GET', `/facilities/${f.facilityId}/stays?status=active`, { token: f.staff });
    expect(list.body.stays.map((s: { stayId: string }) => s.stayId)).toEqual([stay.stayId]);
  });

  it('accepts names that need joiners, and notes over several lines', async () => {
    const body = registration({ notes: 'arrives with a child\nneeds a cot' }, { nameNative: 'مهر\u200Cناز رضایی', nameLatin: 'REZAEI Mehrnaz' });
    const res = await api.call('POST', `/facilities/${f.facilityId}/stays`, { token: f.staff, body });
    expect(res.status).toBe(201);
    expect(res.body.stay.person.nameNative).toBe('مهر\u200Cناز رضایی');
  });

  it('a manifest refuses the bad row and registers the others', async () => {
    const res = await api.call('POST', `/facilities/${f.facilityId}/stays/batch`, {
      token: f.staff,
      body: [registration({}, { nameNative: 'Ahmet\u202Eİğdeli' }), registration({}, { nameNative: 'Şükrü Öztürk', nameLatin: 'OZTURK Sukru' })],
    });
    expect(res.body.created).toBe(1);
    expect(res.body.rows[0]).toMatchObject({ status: 'refused', problem: { status: 400 } });
    expect(paths({ body: res.body.rows[0].problem })).toEqual(['person.nameNative:bidi_control']);
  });

  it('facility names, check notes, situations, schedule reasons and transfer text', async () => {
    const admin = api.token('admin');
    const facility = await api.call('POST', '/facilities', { token: admin, body: { facilityId: uniqueId('fac'), name: 'Hotel\u0007', timeZone: 'Asia/Shanghai' } });
    expect(facility.status).toBe(400);
    expect(paths(facility)).toEqual(['name:control_character']);

    const check = await api.call('POST', `/stays/${stay.stayId}/checks`, { token: f.staff, body: { temperatureC: 36.6, slot: 'morning', note: 'fi\uFEFFne' } });
    expect(check.status).toBe(400);
    expect(paths(check)).toEqual(['note:invisible_character']);
    const situation = await api.call('POST', `/stays/${stay.stayId}/situations`, { token: f.staff, body: { kind: 'other', text: 'noise \u2066at night' } });
    expect(paths(situation)).toEqual(['text:bidi_control']);
    const schedule = await api.call('PUT', `/stays/${stay.stayId}/schedule`, { token: f.staff, body: { stayDays: 21, retestDays: [12, 19], documentDay: 20, reason: 'new rule\u0000' } });
    expect(paths(schedule)).toEqual(['reason:control_character']);
    const transfer = await api.call('POST', `/stays/${stay.stayId}/transfer`, { token: f.staff, body: { destination: 'Hospital\u0000' } });
    expect(paths(transfer)).toEqual(['destination:control_character']);
    expect(await itemsOf(`STAY#${stay.stayId}`, 'CHECK#')).toHaveLength(0);
    expect(await itemsOf(`STAY#${stay.stayId}`, 'SITUATION#')).toHaveLength(0);
  });

  it('lab results: a bad method or sample id is refused with the result named', async () => {
    const res = await deliver(api, lab, { results: [result({ stayId: stay.stayId, method: 'RT\u0000PCR' }), result({ stayId: stay.stayId, sampleId: 'AB\u200BC' })] });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['results.0.method:control_character', 'results.1.sampleId:invalid_format']);
  });
});
