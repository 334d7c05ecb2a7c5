// A document parses only the fonts its text needs (this file runs in its own module
// scope, so the font cache starts empty).
import { describe, expect, it } from 'vitest';
import { loadedFonts } from '../../functions/documents/fonts.js';
import { renderDocument } from '../../functions/documents/render.js';
import { DOCUMENT_TYPES, PEOPLE, snapshotFor } from './fixtures.js';

describe('fonts are parsed on first need', () => {
  it('Chinese, English and Korean documents parse only Noto Sans SC and KR; an Arabic name adds Noto Sans Arabic', { timeout: 60_000 }, async () => {
    expect(loadedFonts()).toEqual([]);
    for (const person of PEOPLE) for (const type of DOCUMENT_TYPES) await renderDocument(snapshotFor(person, type));
    expect(loadedFonts().sort()).toEqual(['kr-bold', 'kr-regular', 'sc-bold', 'sc-regular']);

    const base = snapshotFor(PEOPLE[0] as (typeof PEOPLE)[number], 'release_notice');
    await renderDocument({ ...base, holder: { ...base.holder, nameNative: 'محمد عبد الله' } });
    expect(loadedFonts().sort()).toEqual(['arabic-bold', 'arabic-regular', 'kr-bold', 'kr-regular', 'sc-bold', 'sc-regular']);
  });
});
