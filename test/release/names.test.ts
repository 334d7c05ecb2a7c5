import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_SAMPLES } from '../documents/name-samples.js';
import { readable } from '../documents/pdf-text.js';
import { newLab, useLabs, type TestLab } from '../lab/lab-support.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms, type FacilityFixture } from '../support/fixtures.js';
import { fetchBytes, pdfText, releasableStay } from './release-support.js';

// Every name prints: a traveller named in each script is registered, released and
// gets three PDFs over HTTP against DynamoDB Local, each with the name readable by
// pdftotext (see test/documents/pdf-text.ts for why bidi marks are dropped); the
// staff copy and a reissue answer too. Issue 10: these all answered 500 before.

let api: TestApi;
let f: FacilityFixture;
let lab: TestLab;

beforeAll(async () => {
  api = await startApi();
  lab = newLab();
  await useLabs(lab);
  f = await facilityWithRooms(api, NAME_SAMPLES.length + 2);
});
afterAll(() => api.close());

interface Receipt {
  documentId: string;
  type: 'release_notice' | 'health_certificate' | 'test_report';
  key: string;
}

const download = (d: Receipt) => fetchBytes(`${api.url}/documents/${d.documentId}.pdf?key=${encodeURIComponent(d.key)}`);

describe.each(NAME_SAMPLES)('a traveller named in $key ($shows)', (sample) => {
  it('is released with three PDFs that print the name; staff copy and reissue work too', { timeout: 60_000 }, async () => {
    const { key: _key, shows: _shows, ...person } = sample;
    const stay = await releasableStay(api, f, lab, person);
    const released = await api.call('POST', `/stays/${stay.stayId}/release`, { token: f.staff });
    expect(released.status).toBe(200);
    const documents = released.body.documents as Receipt[];
    expect(documents.map((d) => d.type).sort()).toEqual(['health_certificate', 'release_notice', 'test_report']);

    for (const d of documents) {
      const pdf = await download(d);
      expect(pdf.status).toBe(200);
      expect(pdf.contentType).toBe('application/pdf');
      const text = readable(pdfText(pdf.bytes));
      expect(text).toContain(sample.nameNative);
      expect(text).toContain(sample.nameLatin);
    }

    const staffCopy = await api.call('GET', `/stays/${stay.stayId}/documents/${documents[0]!.documentId}`, { token: f.staff });
    expect(staffCopy.status).toBe(200);
    const reissued = await api.call('POST', `/stays/${stay.stayId}/documents/${documents[2]!.documentId}/reissue`, { token: f.staff, body: { reason: 'Lost by the holder' } });
    expect(reissued.status).toBe(201);
    const again = await download(reissued.body as Receipt);
    expect(again.status).toBe(200);
    expect(readable(pdfText(again.bytes))).toContain(sample.nameNative);
  });
});
