import type { Context, ScheduledEvent } from 'aws-lambda';
import { jobs } from '../functions/routes.js';
import { errorFields, logger } from '../functions/shared/logger.js';

// Locally, EventBridge schedules become timers that invoke the same job handlers
// with a scheduled event. A run that is still going is not started again.

type JobHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export function scheduledEvent(jobName: string, at: Date): ScheduledEvent {
  return {
    version: '0',
    id: `local-${jobName}-${at.getTime()}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: at.toISOString(),
    region: 'local',
    resources: [`arn:aws:events:local:000000000000:rule/${jobName}`],
    detail: {},
  };
}

export async function runJob(name: string, at = new Date()): Promise<unknown> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`Unknown job ${name}; known: ${jobs.map((j) => j.name).join(', ') || '(none)'}`);
  const mod = (await import(`../functions/handlers/${job.handler}.ts`)) as { handler: JobHandler };
  return mod.handler(scheduledEvent(name, at), {} as Context);
}

export function startJobTimers(): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    return setInterval(() => {
      if (running) return;
      running = true;
      runJob(job.name)
        .catch((err) => logger.error('job failed', { job: job.name, ...errorFields(err) }))
        .finally(() => (running = false));
    }, job.localEverySeconds * 1000);
  });
  return () => timers.forEach(clearInterval);
}
