import { describe, expect, it } from 'vitest';
import { isWellFormedDocumentId, newDocumentId } from '../../functions/domain/document-id.js';
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
  it('carry a check symbol that catches a changed character', () => {
    for (let i = 0; i < 200; i++) {
      const id = newDocumentId();
      expect(isWellFormedDocumentId(id)).toBe(true);
      const pos = 1 + (i % 16);
      const swapped = id.slice(0, pos) + (id[pos] === 'A' ? 'B' : 'A') + id.slice(pos + 1);
      expect(isWellFormedDocumentId(swapped)).toBe(false);
    }
    expect(isWellFormedDocumentId('../../etc/passwd')).toBe(false);
  });
});

describe('masking', () => {
  it('shows initials and the ends of the document number only', () => {
    expect(initials('ZHANG Wei')).toBe('Z. W.');
    expect(initials('Kim Min-jun')).toBe('K. M. J.');
    expect(maskDocumentNumber('E12345678')).toBe('E*****678');
  });
});
