import { describe, expect, it } from 'vitest';
import { isWellFormedDocumentId, newDocumentId, normalizeDocumentId } from '../../functions/domain/document-id.js';
import { initials, maskDocumentNumber } from '../../functions/domain/masking.js';
import { releaseRefusals, type ReleaseFacts } from '../../functions/domain/release-eligibility.js';

const eligible: ReleaseFacts = {
  status: 'active',
  today: '2026-12-05',
  documentDate: '2026-12-05',
  firstRetestDate: '2026-12-04',
  latestRetest: { result: 'negative', collectedDate: '2026-12-04' },
  feverOrSymptomInLast24h: false,
};

describe('release eligibility', () => {
  it('allows release from the document day with a negative retest and no fever', () => {
    expect(releaseRefusals(eligible)).toEqual([]);
    expect(releaseRefusals({ ...eligible, today: '2026-12-09' })).toEqual([]);
  });

  it.each([
    [{ status: 'released' }, 'stay_not_active'],
    [{ status: 'positive' }, 'stay_not_active'],
    [{ today: '2026-12-04' }, 'before_document_day'],
    [{ latestRetest: undefined }, 'retest_missing'],
    [{ latestRetest: { result: 'inconclusive', collectedDate: '2026-12-04' } }, 'retest_not_negative'],
    [{ latestRetest: { result: 'positive', collectedDate: '2026-12-04' } }, 'retest_not_negative'],
    [{ feverOrSymptomInLast24h: true }, 'recent_fever_or_symptom'],
  ] as const)('refuses %o with %s', (change, code) => {
    expect(releaseRefusals({ ...eligible, ...change } as ReleaseFacts).map((r) => r.code)).toEqual([code]);
  });

  it('lists every unmet condition at once', () => {
    const all = releaseRefusals({ status: 'positive', today: '2026-12-01', documentDate: '2026-12-05', firstRetestDate: '2026-12-04', feverOrSymptomInLast24h: true });
    expect(all.map((r) => r.code)).toEqual(['stay_not_active', 'before_document_day', 'retest_missing', 'recent_fever_or_symptom']);
  });

  it('needs no retest when the policy has none', () => {
    expect(releaseRefusals({ ...eligible, firstRetestDate: undefined, latestRetest: undefined })).toEqual([]);
  });
});

describe('document ids', () => {
  it('are four groups of four Crockford characters, no symbols, with a check character that catches a changed character', () => {
    for (let i = 0; i < 200; i++) {
      const id = newDocumentId();
      expect(id).toMatch(/^D[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(isWellFormedDocumentId(id)).toBe(true);
      const positions = [...id].map((c, p) => (c === '-' || p === 0 ? -1 : p)).filter((p) => p > 0);
      const pos = positions[i % positions.length]!;
      const changed = id.slice(0, pos) + (id[pos] === 'A' ? 'B' : 'A') + id.slice(pos + 1);
      expect(isWellFormedDocumentId(changed)).toBe(false);
    }
    expect(isWellFormedDocumentId('../../etc/passwd')).toBe(false);
  });

  it('catch two swapped neighbours and accept what a person types', () => {
    for (let i = 0; i < 2000; i++) {
      const id = newDocumentId();
      const compact = id.replace(/-/g, '');
      const pos = 1 + (i % 14);
      // Like every Luhn mod N check, the one swap it cannot see is 0 with the last symbol (Z).
      if (compact[pos] === compact[pos + 1] || [compact[pos], compact[pos + 1]].sort().join('') === '0Z') continue;
      const swapped = compact.slice(0, pos) + compact[pos + 1] + compact[pos] + compact.slice(pos + 2);
      expect(normalizeDocumentId(swapped)).toBeUndefined();
      expect(normalizeDocumentId(compact.toLowerCase())).toBe(id);
      expect(normalizeDocumentId(id.replace(/-/g, ' ').replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(id);
    }
  });

  it('still verify ids issued in the earlier format', () => {
    expect(isWellFormedDocumentId('D0000000000000000')).toBe(true);
    expect(normalizeDocumentId('D0000000000000001')).toBeUndefined();
  });
});

describe('masking', () => {
  it('shows initials and the ends of the document number only', () => {
    expect(initials('ZHANG Wei')).toBe('Z. W.');
    expect(initials('Kim Min-jun')).toBe('K. M. J.');
    expect(maskDocumentNumber('E12345678')).toBe('E*****678');
  });
});
