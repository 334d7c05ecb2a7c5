// Travellers named in every script: the three documents render, the name reads back
// with poppler, and each script's Noto font is embedded (a subset) only when used.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDocument } from '../../functions/documents/render.js';
import type { DocumentSnapshot } from '../../functions/documents/snapshot.js';
import { resetConfig } from '../../functions/shared/config.js';
import { DOCUMENT_TYPES, PEOPLE, snapshotFor } from './fixtures.js';
import { NAME_SAMPLES, type NameSample } from './name-samples.js';
import { readable } from './pdf-text.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scripts-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

function snapshotNamed(sample: Pick<NameSample, 'language' | 'nameNative' | 'nameLatin' | 'nationality'>, type: DocumentSnapshot['type']): DocumentSnapshot {
  const base = snapshotFor(PEOPLE[0] as (typeof PEOPLE)[number], type);
  return { ...base, language: sample.language, holder: { ...base.holder, nameNative: sample.nameNative, nameLatin: sample.nameLatin, nationality: sample.nationality } };
}

async function rendered(snapshot: DocumentSnapshot, name: string) {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, await renderDocument(snapshot));
  const fonts = poppler('pdffonts', path)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/)[0] ?? '');
  return { layout: poppler('pdftotext', '-layout', path, '-'), raw: poppler('pdftotext', '-raw', path, '-'), fonts };
}

/** The Noto family a sample's name needs. */
const FAMILY: Record<string, string> = {
  pl: 'NotoSans',
  tr: 'NotoSans',
  cs: 'NotoSans',
  ar: 'NotoSansArabic',
  he: 'NotoSansHebrew',
  th: 'NotoSansThai',
  hi: 'NotoSansDevanagari',
  bn: 'NotoSansBengali',
  ta: 'NotoSansTamil',
  ko: 'NotoSansKR',
  ja: 'NotoSansJP',
  hk: 'NotoSansHK',
};

describe.each(NAME_SAMPLES)('a traveller named in $key ($shows)', (sample) => {
  it.each(DOCUMENT_TYPES)('%s prints the name', { timeout: 30_000 }, async (type) => {
    const { layout, raw, fonts } = await rendered(snapshotNamed(sample, type), `${sample.key}-${type}`);
    expect(readable(layout)).toContain(sample.nameNative);
    expect(readable(raw)).toContain(sample.nameNative);
    expect(layout).toContain(sample.nameLatin);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSans[A-Za-z]*-(Regular|Bold)$/);
    const family = FAMILY[sample.key];
    if (family) expect(fonts.some((f) => f.endsWith(`+${family}-Bold`))).toBe(true); // the name field is bold
    // Nothing beyond the sentence fonts and the name's own: subsets of what is used only.
    const expected = new Set(['NotoSansSC', 'NotoSansKR', 'NotoSans', family]);
    expect(fonts.filter((f) => !expected.has(f.slice(7).replace(/-(Regular|Bold)$/, '')))).toEqual([]);
  });
});

describe('mixed scripts in one sentence', () => {
  it('an Arabic name and a Latin one in brackets beside a Chinese facility keep their order', { timeout: 30_000 }, async () => {
    const snapshot = snapshotNamed({ language: 'zh', nameNative: 'محمد عبد الله', nameLatin: 'ABDULLAH Mohammed', nationality: 'AE' }, 'health_certificate');
    const { raw, layout } = await rendered({ ...snapshot, facility: { ...snapshot.facility, name: 'فندق الواحة Oasis 绿洲酒店' } }, 'mixed');
    for (const text of [readable(raw), readable(layout)]) {
      for (const part of ['محمد عبد الله', 'فندق الواحة', 'Oasis 绿洲酒店', 'ABDULLAH Mohammed']) expect(text).toContain(part);
    }
  });
});

describe('a character no embedded font has', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    resetConfig();
  });

  it('prints as a placeholder and is logged by script and count, without the character', { timeout: 30_000 }, async () => {
    vi.stubEnv('LOG_LEVEL', 'warn');
    resetConfig();
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    // Tibetan has no embedded font; U+31350 is a CJK Extension H character none of the CJK fonts has.
    const name = 'བཀྲ་ཤིས 𱍐';
    const { layout } = await rendered(snapshotNamed({ language: 'zh', nameNative: name, nameLatin: 'TASHI', nationality: 'CN' }, 'release_notice'), 'missing');
    expect(layout).toContain('TASHI');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.code === 'GLYPH_MISSING');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ documentId: expect.any(String), scripts: ['other', 'Han'] });
    expect(lines.join('')).not.toMatch(/[\u0F00-\u0FFF]|\u{31350}/u);
  });
});
