import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidDate, localDate } from '../../functions/domain/calendar.js';
import { computeSchedule, currentDay, DEFAULT_POLICY, dayOfStay, policyProblems } from '../../functions/domain/schedule.js';

describe('calendar', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-02-20', '2026-03-06')).toBe(14);
  });

  it('validates calendar dates strictly', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-1-1')).toBe(false);
  });

  it('reads the local date in the facility time zone, not UTC', () => {
    // 23:30 in Shanghai is 15:30 UTC the same day; 00:30 Shanghai is the previous day in UTC.
    expect(localDate('2026-11-23T15:30:00Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate('2026-11-23T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDate('2026-11-24T02:00:00Z', 'America/New_York')).toBe('2026-11-23');
  });
});

describe('stay schedule (default 14 / [12] / 13 policy)', () => {
  it('makes the arrival date day 1, even at 23:30 local', () => {
    const s = computeSchedule('2026-11-23T23:30:00+08:00', 'Asia/Shanghai', DEFAULT_POLICY);
    expect(s).toEqual({
      day1Date: '2026-11-23',
      retestDates: ['2026-12-04'],
      documentDate: '2026-12-05',
      endDate: '2026-12-06',
      releaseDate: '2026-12-07',
    });
  });

  it('counts the arrival just after local midnight on the new date', () => {
    const s = computeSchedule('2026-11-23T16:05:00Z', 'Asia/Shanghai', DEFAULT_POLICY);
    expect(s.day1Date).toBe('2026-11-24');
  });

  it('ends on day 14 exactly: 14 calendar dates from day 1 to the end date inclusive', () => {
    const s = computeSchedule('2026-02-20T10:00:00+08:00', 'Asia/Shanghai', DEFAULT_POLICY);
    expect(dayOfStay(s.day1Date, s.endDate)).toBe(14);
    expect(dayOfStay(s.day1Date, s.retestDates[0]!)).toBe(12);
    expect(dayOfStay(s.day1Date, s.documentDate)).toBe(13);
  });

  it('keeps whole days across a spring-forward DST change (America/New_York, 2026-03-08)', () => {
    const s = computeSchedule('2026-03-01T23:30:00-05:00', 'America/New_York', DEFAULT_POLICY);
    expect(s.day1Date).toBe('2026-03-01');
    expect(s.endDate).toBe('2026-03-14');
    // 23:30 local on day 8 (after the change, UTC-4) is still day 8.
    expect(currentDay(s.day1Date, new Date('2026-03-09T03:30:00Z'), 'America/New_York')).toBe(8);
  });

  it('keeps whole days across a fall-back DST change (Europe/Berlin, 2026-10-25)', () => {
    const s = computeSchedule('2026-10-20T00:15:00+02:00', 'Europe/Berlin', DEFAULT_POLICY);
    expect(s.day1Date).toBe('2026-10-20');
    expect(s.endDate).toBe('2026-11-02');
    // 00:30 local on 2026-10-26 (UTC+1 after the change) is day 7, not day 6.
    expect(currentDay(s.day1Date, new Date('2026-10-25T23:30:00Z'), 'Europe/Berlin')).toBe(7);
  });

  it('follows other policies: 7 days with retests on days 3 and 6', () => {
    const s = computeSchedule('2026-11-23T09:00:00+08:00', 'Asia/Shanghai', { stayDays: 7, retestDays: [6, 3], documentDay: 7 });
    expect(s.retestDates).toEqual(['2026-11-25', '2026-11-28']);
    expect(s.endDate).toBe('2026-11-29');
    expect(s.documentDate).toBe('2026-11-29');
  });

  it('rejects policies whose days fall outside the stay', () => {
    expect(policyProblems({ stayDays: 10, retestDays: [12], documentDay: 13 })).toHaveLength(2);
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
  });
});
