import type { ScheduledEvent } from 'aws-lambda';
import { canonicalFacilityId } from '../domain/facility-id.js';
import { errorFields, logger } from './logger.js';

// Every scheduled job is `jobHandler(name, fn)`: the clock is the scheduled event's
// `time` (EventBridge sets it to the scheduled minute; `npm run job -- NAME --at`
// sets any instant), so a job can be run for any moment and tested at day
// boundaries. `detail.facilityIds` optionally limits a run to some facilities
// (manual runs and tests); EventBridge sends an empty detail: every facility.

export interface JobContext {
  now: Date;
  facilityIds?: string[];
  /** Limits what a job does outside facilities (retention's unmatched lab samples) to these labs. */
  labIds?: string[];
}

export interface JobResult {
  /** Items the job read from DynamoDB: flat as the table grows, since only due items are read. */
  itemsRead: number;
}

type JobEvent = Partial<Pick<ScheduledEvent, 'time' | 'detail'>> | undefined;

export function jobContext(event: JobEvent): JobContext {
  const time = event?.time ? new Date(event.time) : new Date();
  if (Number.isNaN(time.getTime())) throw new Error('The scheduled event has an invalid time');
  const ids = (event?.detail as { facilityIds?: unknown } | undefined)?.facilityIds;
  const facilityIds = Array.isArray(ids) && ids.every((i) => typeof i === 'string') ? (ids as string[]) : undefined;
  const labs = (event?.detail as { labIds?: unknown } | undefined)?.labIds;
  const labIds = Array.isArray(labs) && labs.every((i) => typeof i === 'string') ? (labs as string[]) : undefined;
  return { now: time, ...(facilityIds ? { facilityIds: facilityIds.map(canonicalFacilityId) } : {}), ...(labIds ? { labIds } : {}) };
}

export function jobHandler<R extends JobResult>(name: string, fn: (ctx: JobContext) => Promise<R>) {
  return async (event: JobEvent): Promise<R> => {
    const ctx = jobContext(event);
    const started = performance.now();
    try {
      const result = await fn(ctx);
      // Counts only: the result's lists are ids and numbers, never names.
      const counts = Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v === 'number'));
      logger.info('job', { job: name, at: ctx.now.toISOString(), ms: Math.round(performance.now() - started), ...counts });
      return result;
    } catch (err) {
      logger.error('job failed', { job: name, at: ctx.now.toISOString(), ...errorFields(err) });
      // Rethrown: EventBridge retries, then the job's dead-letter queue keeps the event.
      throw err;
    }
  };
}
