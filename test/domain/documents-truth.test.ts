import { describe, expect, it } from 'vitest';
import { documentRefusals, type DocumentFacts } from '../../functions/domain/document-eligibility.js';
import { observationRecord } from '../../functions/domain/observation.js';
import { retestThatCounts } from '../../functions/domain/retest.js';

// The pure rules behind what documents say: the retest that counts, the temperature
// log's facts and whether the record allows a document.

const TZ = 'Asia/Shanghai';
const sample = (sampleId: string, collectedAt: string, resultedAt: string, result: 'negative' | 'positive' | 'inconclusive') => ({ sampleId, collectedAt, resultedAt, result });

describe('the retest that counts', () => {
  it('is the newest sample collected on or after the first retest date, whatever was resulted last', () => {
    const early = sample('EARLY', '2026-12-03T01:00:00Z', '2026-12-15T09:00:00Z', 'inconclusive'); // day 3, resulted last
    const retest = sample('RETEST', '2026-12-12T01:00:00Z', '2026-12-12T08:00:00Z', 'negative');
    expect(retestThatCounts([early, retest], ['2026-12-12'], TZ)).toMatchObject({ sampleId: 'RETEST', collectedDate: '2026-12-12' });
    const later = sample('LATER', '2026-12-13T01:00:00Z', '2026-12-13T03:00:00Z', 'positive');
    expect(retestThatCounts([retest, later, early], ['2026-12-12'], TZ)?.sampleId).toBe('LATER');
  });

  it('uses the facility date: 23:30 on the eve of the retest day in Shanghai is not a retest', () => {
    const eve = sample('EVE', '2026-12-11T15:30:00Z', '2026-12-12T08:00:00Z', 'negative'); // 23:30 on the 11th in Shanghai
    expect(retestThatCounts([eve], ['2026-12-12'], TZ)).toBeUndefined();
    expect(retestThatCounts([eve], [], TZ)).toBeUndefined();
  });
});

describe('the temperature log', () => {
  const check = (date: string, measuredAt: string, temperatureC: number, symptoms: string[] = []) => ({ date, measuredAt, temperatureC, symptoms });
  it('counts every fever or symptom of the stay, the highest reading and its date, and those in the final 24 hours', () => {
    const o = observationRecord(
      [check('2026-12-04', '2026-12-04T01:00:00Z', 38.6), check('2026-12-05', '2026-12-05T01:00:00Z', 36.6, ['cough']), check('2026-12-13', '2026-12-13T01:00:00Z', 36.5)],
      '2026-12-13T06:00:00Z',
    );
    expect(o).toEqual({ checks: 3, alertChecks: 2, alertDates: ['2026-12-04', '2026-12-05'], highestC: 38.6, highestDate: '2026-12-04', symptoms: ['cough'], alertChecksInFinalWindow: 0, finalWindowHours: 24 });
    expect(observationRecord([check('2026-12-13', '2026-12-13T01:00:00Z', 37.3)], '2026-12-13T06:00:00Z').alertChecksInFinalWindow).toBe(1);
    expect(observationRecord([], '2026-12-13T06:00:00Z')).toMatchObject({ checks: 0, alertChecks: 0, alertDates: [] });
  });
});

describe('whether the record allows a document', () => {
  const clean = observationRecord([], '2026-12-13T06:00:00Z');
  const fever = { ...clean, checks: 5, alertChecks: 1, alertDates: ['2026-12-04'], highestC: 38.6, highestDate: '2026-12-04' };
  const facts: DocumentFacts = {
    firstRetestDate: '2026-12-12',
    retest: { result: 'negative', collectedDate: '2026-12-12' },
    positiveResults: 0,
    testResults: 2,
    observation: clean,
    feverHistoryPolicy: 'state_truthfully',
    signedOff: false,
  };
  const codes = (type: Parameters<typeof documentRefusals>[0], f: Partial<DocumentFacts>) => documentRefusals(type, { ...facts, ...f }).map((r) => r.code);

  it('allows all three on a clean record, and a certificate stating a fever history under state_truthfully', () => {
    for (const type of ['release_notice', 'health_certificate', 'test_report'] as const) expect(codes(type, {})).toEqual([]);
    expect(codes('health_certificate', { observation: fever })).toEqual([]);
  });

  it('under doctor_signoff a fever history needs the sign-off, for the certificate only', () => {
    expect(codes('health_certificate', { observation: fever, feverHistoryPolicy: 'doctor_signoff' })).toEqual(['doctor_signoff_required']);
    expect(codes('health_certificate', { observation: fever, feverHistoryPolicy: 'doctor_signoff', signedOff: true })).toEqual([]);
    expect(codes('release_notice', { observation: fever, feverHistoryPolicy: 'doctor_signoff' })).toEqual([]);
  });

  it('names every reason, in Chinese and English', () => {
    const all = documentRefusals('health_certificate', { ...facts, positiveResults: 1, retest: { result: 'positive', collectedDate: '2026-12-13' }, observation: { ...fever, alertChecksInFinalWindow: 1 }, feverHistoryPolicy: 'doctor_signoff' });
    expect(all.map((r) => r.code)).toEqual(['positive_result', 'retest_not_negative', 'fever_in_final_window', 'doctor_signoff_required']);
    for (const r of all) expect(r.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(codes('release_notice', { retest: undefined })).toEqual(['retest_missing']);
    expect(codes('test_report', { positiveResults: 1, testResults: 1 })).toEqual([]);
    expect(codes('test_report', { testResults: 0 })).toEqual(['no_test_results']);
  });
});
