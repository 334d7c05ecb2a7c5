import { logger } from './logger.js';

// Business and operational metrics as CloudWatch Embedded Metric Format: one JSON
// log line per call, which CloudWatch Logs turns into a metric in the Lambda's log
// group (no SDK call, no dependency, nothing added to the latency). Locally the
// same document goes to the logger at debug level. A metric carries a name, a
// number and at most a code as dimension (e.g. a lab result's status), never an
// id, a name or free text: the types allow nothing else and values are checked.

export const METRICS_NAMESPACE = 'QuarantineDesk';

export const METRICS = {
  /** A person checked in (single registration or a manifest row). */
  CheckIns: 'Count',
  /** A temperature check recorded. */
  HealthChecks: 'Count',
  /** A check with fever or symptoms (the same rule that raises the fever reminder). */
  FeverAlerts: 'Count',
  /** Lab results received, by ingest status (stored, superseded, duplicate, stale, unmatched). */
  LabResults: 'Count',
  /** A stay released (documents issued). */
  Releases: 'Count',
  /** Age of the oldest reminder still waiting for delivery after a deliver-reminders run; 0 when none waits. */
  OldestUndeliveredReminderAge: 'Seconds',
  /** Reminders still waiting for delivery after a run (of those the run read). */
  UndeliveredReminders: 'Count',
} as const;

export type MetricName = keyof typeof METRICS;
/** The only dimension there is; its values are codes. */
export type MetricDimensions = { status?: string };

const CODE = /^[a-z][a-z0-9_]{0,31}$/;

/** The EMF document of one metric value (pure; `putMetric` writes it). */
export function emfDocument(name: MetricName, value: number, dimensions: MetricDimensions = {}, now = Date.now()): Record<string, unknown> {
  const keys = Object.keys(dimensions).filter((k) => dimensions[k as keyof MetricDimensions] !== undefined) as (keyof MetricDimensions)[];
  for (const k of keys) {
    if (k !== 'status' || !CODE.test(String(dimensions[k]))) throw new Error(`Metric ${name}: dimension ${k} must be a code, not free text`);
  }
  if (!Number.isFinite(value)) throw new Error(`Metric ${name}: ${value} is not a number`);
  return {
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [keys], Metrics: [{ Name: name, Unit: METRICS[name] }] }],
    },
    ...Object.fromEntries(keys.map((k) => [k, dimensions[k]])),
    [name]: value,
  };
}

/** Records one value. Never throws: a metric must not fail the request it counts. */
export function putMetric(name: MetricName, value = 1, dimensions: MetricDimensions = {}): void {
  let doc: Record<string, unknown>;
  try {
    doc = emfDocument(name, value, dimensions);
  } catch (err) {
    logger.warn('metric refused', { metric: name, errorMessage: (err as Error).message });
    return;
  }
  // In Lambda the raw line must reach the log group whatever LOG_LEVEL says.
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) process.stdout.write(JSON.stringify(doc) + '\n');
  else logger.debug('metric', doc);
}

/** One value per status, zeros left out (e.g. the counts of a lab delivery). */
export function putMetricsByStatus(name: MetricName, counts: Readonly<Record<string, number>>): void {
  for (const [status, n] of Object.entries(counts)) if (n > 0) putMetric(name, n, { status });
}
