import { describe, expect, it } from 'vitest';
import { MAX_CORRECTIONS, planCorrection, type CorrectableCheck } from '../../functions/domain/check-correction.js';

const check: CorrectableCheck = { temperatureC: 38.6, symptoms: [], alert: true, measuredAt: '2026-12-03T00:30:00.000Z', recordedAt: '2026-12-03T00:31:00.000Z', recordedBy: 'staff-a' };
const by = (reason: string, at = '2026-12-03T02:00:00.000Z') => ({ reason, at, actor: 'staff-b' });

describe('planCorrection', () => {
  it('puts the corrected values on top, keeps the first reading and records before/after', () => {
    const plan = planCorrection(check, { temperatureC: 36.8 }, by('typo'));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.check).toMatchObject({ temperatureC: 36.8, alert: false, original: { temperatureC: 38.6, alert: true, recordedBy: 'staff-a' } });
    expect(plan.check.corrections).toEqual([{ from: { temperatureC: 38.6, symptoms: [], alert: true }, to: { temperatureC: 36.8, symptoms: [], alert: false }, reason: 'typo', correctedAt: '2026-12-03T02:00:00.000Z', correctedBy: 'staff-b' }]);
    const again = planCorrection(plan.check, { symptoms: ['cough'] }, by('cough missed', '2026-12-03T03:00:00.000Z'));
    expect(again.ok && again.check.original).toEqual(plan.check.original);
    expect(again.ok && again.check).toMatchObject({ temperatureC: 36.8, symptoms: ['cough'], alert: true });
    expect(again.ok && again.check.corrections!.map((c) => c.reason)).toEqual(['typo', 'cough missed']);
  });

  it('refuses a correction that changes nothing', () => {
    expect(planCorrection(check, {}, by('x'))).toMatchObject({ ok: false, problems: [{ code: 'nothing_to_correct' }] });
    expect(planCorrection(check, { temperatureC: 38.6, symptoms: [] }, by('x'))).toMatchObject({ ok: false, problems: [{ code: 'nothing_to_correct' }] });
  });

  it('bounds the history', () => {
    let c = check;
    for (let i = 0; i < MAX_CORRECTIONS; i++) {
      const p = planCorrection(c, { temperatureC: i % 2 ? 36.6 : 36.7 }, by(`n${i}`));
      if (!p.ok) throw new Error('unexpected');
      c = p.check;
    }
    expect(planCorrection(c, { temperatureC: 39 }, by('one more'))).toMatchObject({ ok: false, problems: [{ code: 'too_many_corrections' }] });
  });
});
