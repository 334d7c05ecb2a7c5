import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../functions/documents/labels.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { newLab, useLabs, type TestLab } from '../lab/lab-support.js';
import { fetchBytes, pdfText, releasableStay } from './release-support.js';

// The three documents as the released person gets them: released over HTTP, then
// downloaded with the key, read back with pdftotext, verified, revoked and reissued.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, 10);
});
afterAll(() => api.close());

interface Receipt {
  documentId: string;
  type: 'release_notice' | 'health_certificate' | 'test_report';
  key: string;
}

async function released(person: Record<string, unknown>) {
  const stay = await releasableStay(api, f, lab, person);
  const res = await api.call('POST', `/stays/${stay.stayId}/release`, { token: f.staff });
  if (res.status !== 200) throw new Error(`release: ${res.status} ${res.text}`);
  return { stay, documents: res.body.documents as Receipt[] };
}

const download = (d: Pick<Receipt, 'documentId' | 'key'>) => fetchBytes(`${api.url}/documents/${d.documentId}.pdf?key=${encodeURIComponent(d.key)}`);
const verify = (documentId: string) => api.call('GET', `/verify/${documentId}`, { headers: { accept: 'application/json' } });

const SPEAKERS = [
  { language: 'zh', nameNative: '王芳', nameLatin: 'WANG Fang', nationality: 'CN' },
  { language: 'en', nameNative: 'Emily Clarke', nameLatin: 'CLARKE Emily', nationality: 'GB' },
  { language: 'ko', nameNative: '김민준', nameLatin: 'KIM Minjun', nationality: 'KR' },
] as const;

describe.each(SPEAKERS)('released $language speaker', (speaker) => {
  it('gets three PDFs whose text extracts in Chinese, English (and Korean only when chosen)', { timeout: 60_000 }, async () => {
    const { stay, documents } = await released(speaker);
    for (const d of documents) {
      const pdf = await download(d);
      expect(pdf.status).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf.bytes);
      expect(text).toContain(LABELS.zh.title[d.type]);
      expect(text).toContain(LABELS.en.title[d.type]);
      expect(text.includes(LABELS.ko.title[d.type])).toBe(speaker.language === 'ko');
      for (const value of [speaker.nameNative, speaker.nameLatin, stay.document.number, d.documentId, `Hotel ${f.facilityId}`, stay.schedule.day1Date]) {
        expect(text).toContain(value);
      }
      expect(text).toContain('阴性 Negative');
    }
  });
});

describe('download keys', () => {
  let doc: Receipt;
  let other: Receipt;
  beforeAll(async () => {
    const a = await released({ language: 'zh' });
    doc = a.documents[0]!;
    other = a.documents[1]!;
  });

  it('the right key downloads; a wrong, missing or borrowed key is a 404 exactly like an unknown document', async () => {
    expect((await download(doc)).status).toBe(200);
    const unknown = await api.call('GET', `/documents/D0000000000000.pdf?key=${doc.key}`);
    expect(unknown.status).toBe(404);
    for (const path of [
      `/documents/${doc.documentId}.pdf?key=${doc.key.slice(0, -1)}${doc.key.endsWith('X') ? 'Y' : 'X'}`, // one character off
      `/documents/${doc.documentId}.pdf`,
      `/documents/${doc.documentId}.pdf?key=`,
      `/documents/${doc.documentId}.pdf?key=${other.key}`,
      `/documents/${doc.documentId.toLowerCase()}x.pdf?key=${doc.key}`,
      `/documents/${doc.documentId}?key=${doc.key}`,
    ]) {
      const res = await api.call('GET', path);
      expect(res.status, path).toBe(404);
      expect({ ...res.body, requestId: undefined }, path).toEqual({ ...unknown.body, requestId: undefined });
    }
  });

  it('the key is never shown again after release', async () => {
    const file = await api.call('GET', `/stays/${(await released({})).stay.stayId}/documents`, { token: f.staff });
    expect(file.text).not.toMatch(/"key"|keyHash|downloadUrl/);
  });
});

describe('verification', () => {
  it('shows only validity, type, issue date, facility, initials and a masked document number', async () => {
    const { stay, documents } = await released({ nameNative: '赵丽', nameLatin: 'ZHAO Li', phone: '+86 139 1234 5678' });
    const d = documents.find((x) => x.type === 'health_certificate')!;
    const res = await verify(d.documentId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'valid', documentId: d.documentId, type: 'health_certificate', facility: `Hotel ${f.facilityId}` });
    expect(res.body.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.holderInitials).toBe('Z. L.');
    expect(res.body.documentNumber).not.toBe(stay.document.number);
    expect(res.body.documentNumber.slice(-3)).toBe(stay.document.number.slice(-3));
    for (const secret of ['赵丽', 'ZHAO', '139 1234', stay.document.number, stay.stayId, d.key]) expect(res.text).not.toContain(secret);

    const page = await api.call('GET', `/verify/${d.documentId}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Valid');
  });

  it('a tampered or unknown id is reported as not valid', async () => {
    const { documents } = await released({});
    const id = documents[0]!.documentId;
    const last = id.at(-1)!;
    const tampered = id.slice(0, -1) + (last === '7' ? '8' : '7');
    // Two neighbouring characters swapped (a typing slip); they must differ, or the id would not change.
    const i = [...id].findIndex((c, k) => k > 0 && k < id.length - 1 && c !== id[k + 1]);
    const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
    expect(swapped).not.toBe(id);
    for (const candidate of [tampered, swapped, 'D0000000000000', '../../etc/passwd', 'x'.repeat(300)]) {
      const res = await api.call('GET', `/verify/${encodeURIComponent(candidate)}`, { headers: { accept: 'application/json' } });
      expect(res.status, candidate).toBe(404);
      expect(res.body, candidate).toEqual({ status: 'not_valid' });
    }
    const page = await api.call('GET', `/verify/${tampered}`);
    expect(page.text).toContain('Not valid');
  });
});

describe('revoke and reissue', () => {
  it('a revoked document verifies as revoked and no longer downloads', async () => {
    const { stay, documents } = await released({});
    const d = documents[0]!;
    const revoked = await api.call('POST', `/stays/${stay.stayId}/documents/${d.documentId}/revoke`, { token: f.staff, body: { reason: 'Issued with the wrong name' } });
    expect(revoked.status).toBe(200);
    expect((await verify(d.documentId)).body.status).toBe('revoked');
    expect((await download(d)).status).toBe(409);
    const again = await api.call('POST', `/stays/${stay.stayId}/documents/${d.documentId}/revoke`, { token: f.staff, body: { reason: 'twice' } });
    expect(again.status).toBe(409);
  });

  it('a reissue revokes the old one and issues a new id and key with the same facts', async () => {
    const { stay, documents } = await released({ nameNative: '陈静', nameLatin: 'CHEN Jing' });
    const old = documents.find((x) => x.type === 'test_report')!;
    const res = await api.call('POST', `/stays/${stay.stayId}/documents/${old.documentId}/reissue`, { token: f.staff, body: { reason: 'Lost by the holder' } });
    expect(res.status).toBe(201);
    const next = res.body as Receipt;
    expect(next.documentId).not.toBe(old.documentId);
    expect(next.type).toBe('test_report');
    expect(next.key).not.toBe(old.key);
    expect((await verify(old.documentId)).body.status).toBe('revoked');
    expect((await verify(next.documentId)).body.status).toBe('valid');
    const text = pdfText((await download(next)).bytes);
    expect(text).toContain('陈静');
    expect(text).toContain(next.documentId);
    expect((await download(old)).status).toBe(409);
    const listed = await api.call('GET', `/stays/${stay.stayId}/documents`, { token: f.staff });
    expect(listed.body.documents).toHaveLength(4);
  });

  it('needs a reason, and staff of another facility can neither revoke nor fetch', async () => {
    const { stay, documents } = await released({});
    const d = documents[0]!;
    const noReason = await api.call('POST', `/stays/${stay.stayId}/documents/${d.documentId}/revoke`, { token: f.staff, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i: { path: string }) => i.path)).toContain('reason');
    const other = await facilityWithRooms(api, 0);
    expect((await api.call('POST', `/stays/${stay.stayId}/documents/${d.documentId}/revoke`, { token: other.staff, body: { reason: 'x' } })).status).toBe(403);
    expect((await api.call('GET', `/stays/${stay.stayId}/documents/${d.documentId}`, { token: other.staff })).status).toBe(403);
    expect((await verify(d.documentId)).body.status).toBe('valid');
  });
});
