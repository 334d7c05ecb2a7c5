import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../functions/documents/format.js';
import { LABELS } from '../../functions/documents/labels.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, itemsOf, newLab, remindersOf, result, stayArrived, useLabs, type StayFixture, type TestLab } from '../lab/lab-support.js';
import { fetchBytes, pdfText, releasableStay } from './release-support.js';

// Documents state only what the record shows (issue 10): the retest that counts is
// one definition everywhere, the certificate states the whole temperature log (or
// waits for a doctor's sign-off), an early release ends the printed period, the
// issuing authority and seal area print, and a positive result after release
// revokes what certified otherwise. All over HTTP, read back with pdftotext.

let api: TestApi;
let lab: TestLab;
let f: FacilityFixture;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 20);
});
afterAll(() => api.close());

interface Receipt {
  documentId: string;
  type: 'release_notice' | 'health_certificate' | 'test_report';
  key: string;
}

/** pdftotext output without any whitespace, so a wrapped sentence still matches. */
const flat = (t: string) => t.replace(/\s+/g, '');
const download = async (d: Pick<Receipt, 'documentId' | 'key'>) => {
  const pdf = await fetchBytes(`${api.url}/documents/${d.documentId}.pdf?key=${encodeURIComponent(d.key)}`);
  expect(pdf.status).toBe(200);
  return pdfText(pdf.bytes);
};
const verify = (documentId: string) => api.call('GET', `/verify/${documentId}`, { headers: { accept: 'application/json' } });
const of = (documents: Receipt[], type: Receipt['type']) => documents.find((d) => d.type === type)!;

async function release(fx: FacilityFixture, stay: StayFixture) {
  const res = await api.call('POST', `/stays/${stay.stayId}/release`, { token: fx.staff });
  expect(res.status, res.text).toBe(200);
  return res.body as { documents: Receipt[]; releasedDate: string; withheld?: { type: string; reasons: { code: string; message: string; messageZh: string }[] }[] };
}

async function check(fx: FacilityFixture, stay: StayFixture, body: Record<string, unknown>) {
  const res = await api.call('POST', `/stays/${stay.stayId}/checks`, { token: fx.staff, body });
  expect(res.status, res.text).toBe(201);
}

describe('the retest that counts', () => {
  it('an early sample resulted late as inconclusive does not block release (was a 500); /tests, release and the documents name the same retest', { timeout: 60_000 }, async () => {
    const stay = await releasableStay(api, f, lab);
    // Collected on day 3, before the retest day, but its result comes in last.
    const early = await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(24 * 10), resultedAt: hoursAgo(0.2), result: 'inconclusive' })] });
    expect(early.body.results[0].status).toBe('stored');

    const tests = await api.call('GET', `/stays/${stay.stayId}/tests`, { token: f.staff });
    expect(tests.body.latestRetest.result).toBe('negative');

    const released = await release(f, stay);
    expect(released.documents.map((d) => d.type).sort()).toEqual(['health_certificate', 'release_notice', 'test_report']);
    const certificate = flat(await download(of(released.documents, 'health_certificate')));
    const retestDate = tests.body.latestRetest.collectedDate as string;
    expect(certificate).toContain(flat(`the nucleic acid retest sampled on ${formatDate(retestDate, 'en')} was negative`));
    expect(certificate).toContain(flat(`${formatDate(retestDate, 'zh')}采样的复检核酸检测结果为阴性`));
  });
});

describe('a policy without retest', () => {
  it('releases without a result on file, and withholds the documents that would need one instead of a 500', { timeout: 60_000 }, async () => {
    const fx = await facilityWithRooms(api, 2, { policy: { stayDays: 14, retestDays: [], documentDay: 13 } });
    const stay = await stayArrived(api, fx, 12);
    const released = await release(fx, stay);
    expect(released.documents).toEqual([]);
    expect(released.withheld?.map((w) => [w.type, w.reasons.map((r) => r.code)])).toEqual([
      ['release_notice', ['no_test_results']],
      ['health_certificate', ['no_test_results']],
      ['test_report', ['no_test_results']],
    ]);
  });
});

describe('the health certificate states the whole temperature log', () => {
  it('a stay with a 38.6 °C check says so (date, highest reading) and that none was recorded in the final 24 hours', { timeout: 60_000 }, async () => {
    const stay = await releasableStay(api, f, lab, { language: 'ko', nameNative: '김민준', nameLatin: 'KIM Minjun', nationality: 'KR' });
    await check(f, stay, { slot: 'morning', temperatureC: 36.5, measuredAt: hoursAgo(24 * 8) });
    await check(f, stay, { slot: 'evening', temperatureC: 38.6, symptoms: ['cough'], measuredAt: hoursAgo(24 * 7) });
    await check(f, stay, { slot: 'morning', temperatureC: 36.6, measuredAt: hoursAgo(2) });
    const checks = await api.call('GET', `/stays/${stay.stayId}/checks`, { token: f.staff });
    const feverDate = checks.body.checks.find((c: { temperatureC: number }) => c.temperatureC === 38.6).date as string;

    const released = await release(f, stay);
    const text = flat(await download(of(released.documents, 'health_certificate')));
    expect(text).not.toContain(flat('no fever or related symptoms'));
    expect(text).not.toContain('无发热及其他相关症状');
    expect(text).toContain(flat(`a fever or related symptom was recorded on ${formatDate(feverDate, 'en')} (highest reading 38.6 °C on ${formatDate(feverDate, 'en')}), and none was recorded in the final 24 hours before release`));
    expect(text).toContain(flat(`期间于${formatDate(feverDate, 'zh')}记录发热或相关症状（最高体温38.6 °C，${formatDate(feverDate, 'zh')}），解除前24小时内未再记录发热及相关症状`));
    expect(text).toContain(flat(`${formatDate(feverDate, 'ko')}에 발열 또는 관련 증상이 기록되었으나`));

    // The fact is frozen in the snapshot as issued.
    const [doc] = await itemsOf(`DOCUMENT#${of(released.documents, 'health_certificate').documentId}`);
    expect(doc!.snapshot.observation).toMatchObject({ checks: 3, alertChecks: 1, alertDates: [feverDate], highestC: 38.6, highestDate: feverDate, symptoms: ['cough'], alertChecksInFinalWindow: 0 });
  });

  it('a stay without fever says how many checks showed none', { timeout: 60_000 }, async () => {
    const stay = await releasableStay(api, f, lab);
    await check(f, stay, { slot: 'morning', temperatureC: 36.4, measuredAt: hoursAgo(30) });
    await check(f, stay, { slot: 'morning', temperatureC: 36.7, measuredAt: hoursAgo(3) });
    const text = flat(await download(of((await release(f, stay)).documents, 'health_certificate')));
    expect(text).toContain(flat('none of the 2 temperature checks of that period recorded a fever (37.3 °C or more) or related symptoms'));
    expect(text).toContain(flat('期间2次体温检测均未记录发热（37.3 °C及以上）及其他相关症状'));
  });

  it('under the doctor_signoff policy the certificate waits for a doctor, whose sign-off it then names (audited)', { timeout: 60_000 }, async () => {
    const strict = await facilityWithRooms(api, 3, { feverHistoryCertificate: 'doctor_signoff' });
    const stay = await releasableStay(api, strict, lab);
    await check(strict, stay, { slot: 'evening', temperatureC: 37.8, measuredAt: hoursAgo(24 * 5) });

    const released = await release(strict, stay);
    expect(released.documents.map((d) => d.type).sort()).toEqual(['release_notice', 'test_report']);
    expect(released.withheld).toEqual([{ type: 'health_certificate', reasons: [expect.objectContaining({ code: 'doctor_signoff_required', messageZh: expect.stringContaining('医师') })] }]);

    const early = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: strict.staff, body: { type: 'health_certificate' } });
    expect(early.status).toBe(409);
    expect(early.body.reasons.map((r: { code: string }) => r.code)).toEqual(['doctor_signoff_required']);

    const bad = await api.call('POST', `/stays/${stay.stayId}/health-signoff`, { token: strict.staff, body: { doctorName: '' } });
    expect(bad.status).toBe(400);
    const signed = await api.call('POST', `/stays/${stay.stayId}/health-signoff`, { token: strict.staff, body: { doctorName: '李明', note: '体温已恢复正常，无其他症状' } });
    expect(signed.status, signed.text).toBe(200);

    const issued = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: strict.staff, body: { type: 'health_certificate' } });
    expect(issued.status, issued.text).toBe(201);
    const text = flat(await download(issued.body));
    expect(text).toContain(flat('经李明医师于'));
    expect(text).toContain(flat('体温已恢复正常，无其他症状'));
    expect(text).toContain(flat('the doctor 李明 reviewed this record and signed it off on'));
    expect(text).toContain(flat('a fever or related symptom was recorded on'));
    expect((await verify(issued.body.documentId)).body.status).toBe('valid');

    const again = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: strict.staff, body: { type: 'health_certificate' } });
    expect(again.status).toBe(409);
    expect(again.body.reasons[0].code).toBe('document_valid');

    const audit = await api.call('GET', `/stays/${stay.stayId}/audit`, { token: strict.admin });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['release', 'health_signoff', 'issue_document']));
  });
});

describe('an early release ends the printed period on the release date', () => {
  it.each(['zh', 'en', 'ko'] as const)('day-13 release (%s speaker): no document names the planned day-14 date', { timeout: 60_000 }, async (language) => {
    const stay = await releasableStay(api, f, lab, { language });
    const released = await release(f, stay);
    expect(released.releasedDate < stay.schedule.endDate).toBe(true);
    for (const d of released.documents) {
      const text = flat(await download(d));
      for (const l of ['zh', 'en', 'ko'] as const) expect(text).not.toContain(flat(formatDate(stay.schedule.endDate, l)));
      expect(text).not.toContain(stay.schedule.endDate);
      if (d.type !== 'test_report') {
        expect(text).toContain(flat(`至${formatDate(released.releasedDate, 'zh')}`));
        expect(text).toContain(flat(`to ${formatDate(released.releasedDate, 'en')}`));
        if (language === 'ko') expect(text).toContain(flat(`${formatDate(released.releasedDate, 'ko')}까지`));
      }
    }
    expect(flat(await download(of(released.documents, 'release_notice')))).toContain(flat('for the 13-day observation period'));
  });
});

describe('issuing authority and seal area', () => {
  it('prints the authority apart from the facility, the English name in English text, and a labelled seal box', { timeout: 60_000 }, async () => {
    const fx = await facilityWithRooms(api, 3, { nameEn: 'Jinshui Third Quarantine Hotel', authority: { name: '金水区卫生健康委员会', nameEn: 'Jinshui District Health Commission' } });
    const stay = await releasableStay(api, fx, lab);
    const released = await release(fx, stay);
    for (const d of released.documents) {
      const text = flat(await download(d));
      expect(text).toContain('金水区卫生健康委员会');
      expect(text).toContain(flat('Jinshui District Health Commission'));
      expect(text).toContain(flat(`${LABELS.zh.seal.box} ${LABELS.en.seal.box}`));
      expect(text).toContain(flat(`${LABELS.zh.seal.officer} ${LABELS.en.seal.officer}`));
      if (d.type === 'release_notice') {
        expect(text).toContain(flat(`at Jinshui Third Quarantine Hotel for the`));
        expect(text).toContain(flat(`在Hotel ${fx.facilityId}接受集中隔离医学观察`));
      }
    }
    const id = of(released.documents, 'release_notice').documentId;
    expect(id).toMatch(/^D[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const v = await verify(id);
    expect(v.body).toMatchObject({ status: 'valid', authority: '金水区卫生健康委员会', facility: `Hotel ${fx.facilityId}` });
    // Typed by hand at a checkpoint: lower case, no hyphens.
    expect((await verify(id.replace(/-/g, '').toLowerCase())).body).toMatchObject({ status: 'valid', documentId: id });

    // An admin changes the authority: documents issued from then on print it; issued ones keep theirs.
    const denied = await api.call('PUT', `/facilities/${fx.facilityId}`, { token: fx.staff, body: { authority: { name: '新区卫健委' } } });
    expect(denied.status).toBe(403);
    const invalid = await api.call('PUT', `/facilities/${fx.facilityId}`, { token: fx.admin, body: { authority: { nameEn: 'x' }, feverHistoryCertificate: 'never' } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('authority');
    expect(JSON.stringify(invalid.body)).toContain('feverHistoryCertificate');
    const put = await api.call('PUT', `/facilities/${fx.facilityId}`, { token: fx.admin, body: { authority: { name: '新区卫健委' }, nameEn: null } });
    expect(put.status, put.text).toBe(200);
    expect(put.body.authority).toEqual({ name: '新区卫健委' });
    expect(put.body.nameEn).toBeUndefined();
    expect((await api.call('GET', `/facilities/${fx.facilityId}`, { token: fx.staff })).body.authority).toEqual({ name: '新区卫健委' });
  });
});

describe('a positive result after release', () => {
  it('revokes the release notice and certificate at once, /verify says why, an urgent reminder is raised; a resend changes nothing', { timeout: 90_000 }, async () => {
    const fx = await facilityWithRooms(api, 3);
    const stay = await releasableStay(api, fx, lab);
    const released = await release(fx, stay);
    const positive = { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(0.5), resultedAt: hoursAgo(0.1), result: 'positive' })] };
    expect((await deliver(api, lab, positive)).body.results[0].status).toBe('stored');

    for (const type of ['release_notice', 'health_certificate'] as const) {
      const v = await verify(of(released.documents, type).documentId);
      expect(v.body).toMatchObject({ status: 'revoked', revocationCode: 'positive_result_after_release' });
      const page = await api.call('GET', `/verify/${of(released.documents, type).documentId}`, { headers: { accept: 'text/html' } });
      expect(page.text).toContain('解除后检测结果为阳性 · A positive test result was reported after release');
    }
    expect((await verify(of(released.documents, 'test_report').documentId)).body.status).toBe('valid');

    const reminders = (await remindersOf(fx.facilityId)).filter((r) => r.kind === 'positive_result');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ urgent: true });
    expect(reminders[0]!.lines[0].note).toContain('Release notice and health certificate revoked');

    expect((await deliver(api, lab, positive)).body.results[0].status).toBe('duplicate');
    expect((await remindersOf(fx.facilityId)).filter((r) => r.kind === 'positive_result')).toHaveLength(1);
    const audit = (await api.call('GET', `/stays/${stay.stayId}/audit`, { token: fx.admin })).body;
    const revocations = audit.entries.filter((e: { changes: { revokedDocuments?: string[] } }) => e.changes.revokedDocuments);
    expect(revocations).toHaveLength(1);
    expect(revocations[0].changes.revokedDocuments.sort()).toEqual([of(released.documents, 'release_notice').documentId, of(released.documents, 'health_certificate').documentId].sort());

    // Issuing again while the positive is on file: 409 with the reason, never a 500.
    const again = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: fx.staff, body: { type: 'release_notice' } });
    expect(again.status).toBe(409);
    expect(again.body.reasons.map((r: { code: string }) => r.code)).toEqual(['positive_result', 'retest_not_negative']);
    const reissue = await api.call('POST', `/stays/${stay.stayId}/documents/${of(released.documents, 'release_notice').documentId}/reissue`, { token: fx.staff, body: { reason: 'Try again' } });
    expect(reissue.status).toBe(409);

    // The lab corrects the report to negative: the stay meets the conditions again, so the documents can be issued again.
    const sampleId = positive.results[0]!.sampleId;
    const corrected = await deliver(api, lab, { results: [{ ...positive.results[0], sampleId, resultedAt: hoursAgo(0.05), result: 'negative' }] });
    expect(corrected.body.results[0].status).toBe('superseded');
    const issued = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: fx.staff, body: { type: 'release_notice' } });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body.documentId).not.toBe(of(released.documents, 'release_notice').documentId);
    expect(flat(await download(issued.body))).toContain(flat(`is released from centralized medical observation on ${formatDate(released.releasedDate, 'en')}`));
    expect((await verify(issued.body.documentId)).body.status).toBe('valid');
  });

  it('a positive sample assigned by hand to a released person revokes the notice and certificate too', { timeout: 90_000 }, async () => {
    const fx = await facilityWithRooms(api, 3);
    const stay = await releasableStay(api, fx, lab);
    const released = await release(fx, stay);
    // The lab typed the passport under another country: nobody matches, it waits for the admins.
    const sent = await deliver(api, lab, { results: [result({ document: { ...stay.document, country: 'FR' }, collectedAt: hoursAgo(0.5), resultedAt: hoursAgo(0.1), result: 'positive' })] });
    expect(sent.body.results[0].status).toBe('unmatched');
    const sampleId = sent.body.results[0].sampleId as string;
    const assigned = await api.call('POST', `/lab/unmatched/${lab.labId}/${sampleId}/assign`, { token: fx.admin, body: { stayId: stay.stayId, reason: 'Country typed wrong by the lab; same passport number' } });
    expect(assigned.status, assigned.text).toBe(200);
    for (const type of ['release_notice', 'health_certificate'] as const) {
      expect((await verify(of(released.documents, type).documentId)).body).toMatchObject({ status: 'revoked', revocationCode: 'positive_result_after_release' });
    }
    expect((await verify(of(released.documents, 'test_report').documentId)).body.status).toBe('valid');
  });

  it('reissuing a valid document whose facts no longer allow it answers 409 with reason codes', { timeout: 60_000 }, async () => {
    const fx = await facilityWithRooms(api, 3);
    const stay = await releasableStay(api, fx, lab);
    const released = await release(fx, stay);
    // A newer retest sample comes back inconclusive: the retest that counts is no longer negative.
    expect((await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(0.5), resultedAt: hoursAgo(0.1), result: 'inconclusive' })] })).status).toBe(200);
    const res = await api.call('POST', `/stays/${stay.stayId}/documents/${of(released.documents, 'health_certificate').documentId}/reissue`, { token: fx.staff, body: { reason: 'Name typo' } });
    expect(res.status).toBe(409);
    expect(res.body.reasons).toEqual([expect.objectContaining({ code: 'retest_not_negative', message: expect.any(String), messageZh: expect.any(String) })]);
    expect((await verify(of(released.documents, 'health_certificate').documentId)).body.status).toBe('valid');
  });

  it('a document revoked by mistake can be issued again with a new id and key (audited)', { timeout: 60_000 }, async () => {
    const fx = await facilityWithRooms(api, 3);
    const stay = await releasableStay(api, fx, lab);
    const released = await release(fx, stay);
    const old = of(released.documents, 'health_certificate');
    expect((await api.call('POST', `/stays/${stay.stayId}/documents/${old.documentId}/revoke`, { token: fx.staff, body: { reason: 'Clicked the wrong one' } })).status).toBe(200);
    expect((await verify(old.documentId)).body).toMatchObject({ status: 'revoked', revocationCode: 'revoked_by_staff' });
    const issued = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: fx.staff, body: { type: 'health_certificate' } });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.body.documentId).not.toBe(old.documentId);
    expect(issued.body.key).not.toBe(old.key);
    expect(await download(issued.body)).toContain(LABELS.en.title.health_certificate);
    const list = await api.call('GET', `/stays/${stay.stayId}/documents`, { token: fx.staff });
    expect(list.body.documents.find((d: { documentId: string }) => d.documentId === issued.body.documentId).replaces).toBe(old.documentId);
    const audit = (await api.call('GET', `/stays/${stay.stayId}/audit`, { token: fx.admin })).body;
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['revoke_document', 'issue_document']));
    const bad = await api.call('POST', `/stays/${stay.stayId}/documents/issue`, { token: fx.staff, body: { type: 'passport' } });
    expect(bad.status).toBe(400);
  });
});
