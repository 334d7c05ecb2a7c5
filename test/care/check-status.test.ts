import { describe, expect, it } from 'vitest';
import { dayCheckStatus, isAlert, localTimeOfDay } from '../../functions/domain/checks.js';
import { toCsv } from '../../functions/domain/csv.js';
import { groupDepartures } from '../../functions/use-cases/transport-plan.js';

const base = { timeZone: 'Asia/Shanghai', day1Date: '2026-11-20', endDate: '2026-12-03' };
const at = (local: string) => new Date(`${local}+08:00`);

describe('check status of a day', () => {
  it('is pending before the local deadline and missing from it on (10:00 morning, 20:00 evening)', () => {
    const s = (now: string) => dayCheckStatus({ ...base, date: '2026-11-23', now: at(now) });
    expect(s('2026-11-23T09:59:00')).toMatchObject({ morning: 'pending', evening: 'pending', missing: [] });
    expect(s('2026-11-23T10:00:00')).toMatchObject({ morning: 'missing', evening: 'pending', missing: ['morning'] });
    expect(s('2026-11-23T20:00:00')).toMatchObject({ morning: 'missing', evening: 'missing', missing: ['morning', 'evening'] });
    // A past day without checks: both missing; a future day: pending.
    expect(dayCheckStatus({ ...base, date: '2026-11-22', now: at('2026-11-23T08:00:00') }).missing).toEqual(['morning', 'evening']);
    expect(dayCheckStatus({ ...base, date: '2026-11-24', now: at('2026-11-23T23:00:00') }).missing).toEqual([]);
  });

  it('uses the facility wall clock, not UTC (02:30 UTC is 10:30 in Shanghai)', () => {
    const s = dayCheckStatus({ ...base, date: '2026-11-23', now: new Date('2026-11-23T02:30:00Z') });
    expect(s.morning).toBe('missing');
    expect(localTimeOfDay('2026-11-23T02:30:00Z', 'Asia/Shanghai')).toBe('10:30');
  });

  it('shows recorded checks as done or alert, and nothing as due outside the stay', () => {
    const marks = { '2026-11-23': { morning: { temperatureC: 36.5, alert: false, measuredAt: '' }, evening: { temperatureC: 37.5, alert: true, measuredAt: '' } } };
    expect(dayCheckStatus({ ...base, date: '2026-11-23', now: at('2026-11-23T21:00:00'), marks })).toMatchObject({ morning: 'done', evening: 'alert', alert: true, missing: [] });
    expect(dayCheckStatus({ ...base, date: '2026-12-04', now: at('2026-12-04T21:00:00') })).toMatchObject({ morning: 'not_due', evening: 'not_due' });
  });

  it('does not expect on the arrival day the checks whose deadline had passed at arrival', () => {
    const s = (arrivedAt: string) => dayCheckStatus({ ...base, date: '2026-11-20', now: at('2026-11-20T22:00:00'), arrivedAt: at(arrivedAt).toISOString() });
    expect(s('2026-11-20T08:00:00')).toMatchObject({ morning: 'missing', evening: 'missing' });
    expect(s('2026-11-20T15:00:00')).toMatchObject({ morning: 'not_due', evening: 'missing' });
    expect(s('2026-11-20T21:00:00')).toMatchObject({ morning: 'not_due', evening: 'not_due' });
  });

  it('calls 37.3 a fever and any symptom an alert', () => {
    expect([isAlert(37.2, []), isAlert(37.3, []), isAlert(36.0, ['fatigue'])]).toEqual([false, true, true]);
  });
});

describe('transport grouping and CSV', () => {
  const entry = (localTime: string, mode: 'flight' | 'train' | 'car' | 'bus', roomNumber: string) => ({
    stayId: `S${roomNumber}`,
    facilityId: 'f',
    roomNumber,
    nameNative: 'n',
    nameLatin: 'N',
    destination: { city: 'c', country: 'CN' },
    mode,
    departureAt: '',
    localDate: '2026-12-04',
    localTime,
    updatedAt: '',
    updatedBy: '',
  });

  it('puts the boundary time into the next window and orders by mode then window', () => {
    const groups = groupDepartures([entry('10:00', 'bus', '3'), entry('09:59', 'flight', '2'), entry('10:00', 'flight', '1'), entry('23:59', 'flight', '4')], 120);
    expect(groups.map((g) => `${g.mode} ${g.window.from}-${g.window.to} ${g.count}`)).toEqual([
      'flight 08:00-10:00 1',
      'flight 10:00-12:00 1',
      'flight 22:00-24:00 1',
      'bus 10:00-12:00 1',
    ]);
  });

  it('quotes fields, doubles quotes and keeps line breaks inside quotes', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', '@SUM(1)']])).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'@SUM(1)\r\n');
  });
});
