// Renders the three release documents for a Chinese, an English and a Korean speaker
// and reads them back with poppler (pdftotext, pdffonts), which CI installs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../functions/documents/labels.js';
import { renderDocument } from '../../functions/documents/render.js';
import type { DocumentSnapshot } from '../../functions/documents/snapshot.js';
import { InvalidSnapshotError } from '../../functions/documents/validate-snapshot.js';
import { DOCUMENT_TYPES, FACILITY_NAME, PEOPLE, snapshotFor } from './fixtures.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'documents-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function renderToFile(snapshot: DocumentSnapshot, name: string): Promise<{ path: string; bytes: Buffer }> {
  const bytes = await renderDocument(snapshot);
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** pdffonts rows as { name, embedded }. */
function fonts(path: string): { name: string; embedded: string }[] {
  return poppler('pdffonts', path)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0] ?? '', embedded: columns.at(-5) ?? '' };
    });
}

describe.each(PEOPLE)('documents for the $key speaker', (person) => {
  it.each(DOCUMENT_TYPES)('%s prints every field in the right languages', { timeout: 30_000 }, async (type) => {
    const snapshot = snapshotFor(person, type);
    const { path, bytes } = await renderToFile(snapshot, `${person.key}-${type}`);
    const text = poppler('pdftotext', '-layout', path, '-');

    expect(text).toContain(LABELS.zh.title[type]);
    expect(text).toContain(LABELS.en.title[type]);
    if (person.language === 'ko') expect(text).toContain(LABELS.ko.title[type]);
    else expect(text).not.toContain(LABELS.ko.title[type]);
    for (const value of [person.holder.nameNative, person.holder.nameLatin, snapshot.documentId, person.holder.documentNumber, FACILITY_NAME]) {
      expect(text).toContain(value);
    }
    expect(text).toContain('阴性 Negative');
    expect(text.includes('음성')).toBe(person.language === 'ko');
    expect(text).toContain('Scan to verify / 扫码验证');

    expect(bytes.toString('latin1')).not.toContain('Helvetica');
    const embedded = fonts(path);
    expect(embedded.length).toBeGreaterThan(0);
    for (const font of embedded) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans(SC|KR)-(Regular|Bold)$/);
      expect(font.embedded).toBe('yes');
    }
    expect(embedded.some((f) => f.name.includes('NotoSansKR'))).toBe(person.language === 'ko');
  });
});

describe('determinism', () => {
  it('renders the same snapshot to identical bytes, whatever was rendered in between', { timeout: 30_000 }, async () => {
    const [zh, ko] = [PEOPLE[0], PEOPLE[2]];
    if (!zh || !ko) throw new Error('fixtures changed');
    const first = await renderDocument(snapshotFor(ko, 'release_notice'));
    await renderDocument(snapshotFor(zh, 'test_report'));
    const second = await renderDocument(snapshotFor(ko, 'release_notice'));
    expect(second.equals(first)).toBe(true);
    // Dates come from issuedAt, never the clock (pdfkit hashes them into the trailer /ID).
    expect(poppler('pdfinfo', '-isodates', (await renderToFile(snapshotFor(ko, 'release_notice'), 'determinism')).path)).toMatch(
      /CreationDate:\s+2022-03-14T02:00:00Z[\s\S]*ModDate:\s+2022-03-14T02:00:00Z/,
    );
  });
});

describe('layout limits', () => {
  it('moves the footer to a second page that names the document when the test history is long', { timeout: 30_000 }, async () => {
    const person = PEOPLE[2];
    if (!person) throw new Error('fixtures changed');
    const base = snapshotFor(person, 'test_report');
    const tests = Array.from({ length: 12 }, (_, i) => ({
      sampleId: `HN2203${String(i + 1).padStart(2, '0')}0001`,
      collectedAt: `2022-03-${String(i + 2).padStart(2, '0')}T01:00:00Z`,
      resultedAt: `2022-03-${String(i + 2).padStart(2, '0')}T09:00:00Z`,
      result: 'negative' as const,
    }));
    const { path } = await renderToFile({ ...base, tests }, 'long-history');
    expect(poppler('pdfinfo', path)).toMatch(/Pages:\s+2/);
    const secondPage = poppler('pdftotext', '-layout', '-f', '2', '-l', '2', path, '-');
    expect(secondPage).toContain(base.documentId);
    expect(secondPage).toContain('Scan to verify');
  });
});

describe('invalid snapshots', () => {
  const valid = () => {
    const person = PEOPLE[0];
    if (!person) throw new Error('fixtures changed');
    return snapshotFor(person, 'release_notice');
  };

  async function issuesOf(snapshot: unknown): Promise<string[]> {
    const error = await renderDocument(snapshot as DocumentSnapshot).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidSnapshotError);
    return (error as InvalidSnapshotError).issues;
  }

  it('names each missing field', async () => {
    const s = valid();
    const { nameLatin: _, ...holder } = s.holder;
    const issues = await issuesOf({ ...s, holder, issueDate: undefined });
    expect(issues).toEqual(['holder.nameLatin: missing', 'issueDate: missing or not a YYYY-MM-DD date']);
  });

  it('names the fields of a missing block and puts the document id in the message', async () => {
    const s = valid();
    await expect(renderDocument({ ...s, facility: undefined } as unknown as DocumentSnapshot)).rejects.toThrow(
      `Document snapshot ${s.documentId} cannot be rendered: facility.name: missing; facility.timeZone: missing or not an IANA time zone`,
    );
  });

  it('rejects blank text, impossible dates, unknown codes and a relative verify URL', async () => {
    const s = valid();
    const issues = await issuesOf({
      ...s,
      holder: { ...s.holder, documentNumber: '  ', birthDate: '1985-02-30', sex: 'Q' },
      verifyUrl: '/verify/abc',
    });
    expect(issues).toEqual([
      'holder.documentNumber: missing',
      'holder.birthDate: missing or not a YYYY-MM-DD date',
      'holder.sex: must be one of F, M, X',
      'verifyUrl: missing or not an absolute http(s) URL',
    ]);
  });

  it('refuses a release notice or certificate whose latest test is not negative', async () => {
    const s = valid();
    const latest = s.tests.at(-1);
    if (!latest) throw new Error('fixtures changed');
    for (const type of ['release_notice', 'health_certificate'] as const) {
      const issues = await issuesOf({ ...s, type, tests: [...s.tests.slice(0, -1), { ...latest, result: 'positive' }] });
      expect(issues).toEqual([`tests: the retest that counts is positive; a ${type} requires a negative retest`]);
    }
  });

  it('refuses an end date before day 1', async () => {
    const s = valid();
    expect(await issuesOf({ ...s, stay: { ...s.stay, endDate: '2022-03-01' } })).toEqual(['stay.endDate: before stay.day1Date']);
  });
});
