import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetConfig } from '../../functions/shared/config.js';
import { emfDocument, METRICS, METRICS_NAMESPACE, putMetric, putMetricsByStatus } from '../../functions/shared/metrics.js';

// The EMF writer: documents CloudWatch accepts (namespace, dimension set, unit,
// value under the metric's name), raw lines in Lambda whatever LOG_LEVEL says,
// the logger locally, and nothing but codes as dimensions.

let lines: string[];
const env = { level: process.env.LOG_LEVEL, fn: process.env.AWS_LAMBDA_FUNCTION_NAME };

beforeEach(() => {
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => (lines.push(String(chunk)), true)) as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => (lines.push(String(chunk)), true)) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const [k, v] of [['LOG_LEVEL', env.level], ['AWS_LAMBDA_FUNCTION_NAME', env.fn]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
});

describe('EMF writer', () => {
  it('one metric, no dimension', () => {
    expect(emfDocument('CheckIns', 1, {}, 1_700_000_000_000)).toEqual({
      _aws: { Timestamp: 1_700_000_000_000, CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: 'CheckIns', Unit: 'Count' }] }] },
      CheckIns: 1,
    });
    expect(emfDocument('OldestUndeliveredReminderAge', 42, {}, 0)).toMatchObject({ _aws: { CloudWatchMetrics: [{ Metrics: [{ Unit: 'Seconds' }] }] }, OldestUndeliveredReminderAge: 42 });
  });

  it('a status dimension: a code only', () => {
    expect(emfDocument('LabResults', 3, { status: 'unmatched' }, 0)).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Dimensions: [['status']], Metrics: [{ Name: 'LabResults', Unit: 'Count' }] }] },
      status: 'unmatched',
      LabResults: 3,
    });
    for (const status of ['Wang Fang', 'QZ7788990', '+86 139', '', 'a'.repeat(40)]) expect(() => emfDocument('LabResults', 1, { status }, 0)).toThrow(/code/);
    expect(() => emfDocument('LabResults', 1, { person: 'x' } as never, 0)).toThrow(/code/);
    expect(() => emfDocument('CheckIns', Number.NaN)).toThrow(/not a number/);
  });

  it('in Lambda: one raw JSON line on stdout, even at LOG_LEVEL=silent', () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'quarantine-desk-test';
    process.env.LOG_LEVEL = 'silent';
    resetConfig();
    putMetric('Releases');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const doc = JSON.parse(lines[0]!);
    expect(doc).toMatchObject({ Releases: 1, _aws: { CloudWatchMetrics: [{ Namespace: 'QuarantineDesk' }] } });
    expect(Math.abs(doc._aws.Timestamp - Date.now())).toBeLessThan(5_000);
  });

  it('locally: through the logger at debug level, as a JSON line that is still a valid EMF document', () => {
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    process.env.LOG_LEVEL = 'info';
    resetConfig();
    putMetric('CheckIns');
    expect(lines).toEqual([]);
    process.env.LOG_LEVEL = 'debug';
    resetConfig();
    putMetricsByStatus('LabResults', { stored: 2, duplicate: 0, unmatched: 1 });
    const docs = lines.map((l) => JSON.parse(l));
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({ level: 'debug', message: 'metric', status: 'stored', LabResults: 2, _aws: { CloudWatchMetrics: [{ Dimensions: [['status']] }] } });
    expect(docs[1]).toMatchObject({ status: 'unmatched', LabResults: 1 });
  });

  it('a refused metric is a warning, never an exception in the request it counts', () => {
    process.env.LOG_LEVEL = 'warn';
    resetConfig();
    expect(() => putMetric('LabResults', 1, { status: 'Zhang San' })).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', message: 'metric refused', metric: 'LabResults' });
    expect(lines[0]).not.toContain('Zhang San');
  });

  it('every metric has a unit CloudWatch knows', () => {
    for (const unit of Object.values(METRICS)) expect(['Count', 'Seconds']).toContain(unit);
  });
});
