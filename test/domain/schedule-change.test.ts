import { describe, expect, it } from 'vitest';
import { planScheduleChange, weakeningsBelow } from '../../functions/domain/schedule-change.js';
import { DEFAULT_POLICY } from '../../functions/domain/schedule.js';

describe('planScheduleChange', () => {
  const day1 = '2026-12-01';

  it('extends a 14-day stay to 21 days from the same day 1', () => {
    const plan = planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 21, retestDays: [12, 19], documentDay: 20 }, '2026-12-05');
    expect(plan).toEqual({
      ok: true,
      policy: { stayDays: 21, retestDays: [12, 19], documentDay: 20 },
      schedule: { day1Date: day1, retestDates: ['2026-12-12', '2026-12-19'], documentDate: '2026-12-20', endDate: '2026-12-21', releaseDate: '2026-12-22' },
    });
  });

  it('shortens to 10 days (a policy change), keeping the fields not given', () => {
    const plan = planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 10, retestDays: [8], documentDay: 9 }, '2026-12-06');
    expect(plan.ok && plan.schedule.endDate).toBe('2026-12-10');
    const onlyEnd = planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 15 }, '2026-12-06');
    expect(onlyEnd.ok && onlyEnd.policy).toEqual({ stayDays: 15, retestDays: [12], documentDay: 13 });
  });

  it('may end today, never before', () => {
    expect(planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 7, retestDays: [5], documentDay: 6 }, '2026-12-07').ok).toBe(true);
    expect(planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 7, retestDays: [5], documentDay: 6 }, '2026-12-08')).toEqual({
      ok: false,
      problems: [{ path: 'stayDays', message: 'The new last day 2026-12-07 is before today (2026-12-08); release the person instead' }],
    });
  });

  it('refuses an inconsistent policy, naming the field, and a change that changes nothing', () => {
    const bad = planScheduleChange(DEFAULT_POLICY, day1, { stayDays: 10 }, '2026-12-02');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.path).sort()).toEqual(['documentDay', 'retestDays']);
    const same = planScheduleChange(DEFAULT_POLICY, day1, { retestDays: [12], stayDays: 14 }, '2026-12-02');
    expect(!same.ok && same.problems[0]?.message).toMatch(/Nothing changes/);
  });
});

describe('weakeningsBelow', () => {
  const policy = { stayDays: 14, retestDays: [12], documentDay: 13 };
  it('finds nothing for the policy itself or an extension', () => {
    expect(weakeningsBelow(policy, policy)).toEqual([]);
    expect(weakeningsBelow(policy, { stayDays: 21, retestDays: [12, 19], documentDay: 20 })).toEqual([]);
    expect(weakeningsBelow(policy, { stayDays: 14, retestDays: [7, 12], documentDay: 13 })).toEqual([]);
  });
  it('names each way a stay observes less', () => {
    expect(weakeningsBelow(policy, { stayDays: 1, retestDays: [], documentDay: 1 }).map((w) => w.code)).toEqual(['fewer_days', 'fewer_retests', 'earlier_document_day']);
    expect(weakeningsBelow(policy, { stayDays: 14, retestDays: [5], documentDay: 13 }).map((w) => w.code)).toEqual(['earlier_retest']);
    expect(weakeningsBelow(policy, { stayDays: 21, retestDays: [12], documentDay: 12 }).map((w) => w.code)).toEqual(['earlier_document_day']);
  });
});
