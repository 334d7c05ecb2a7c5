import { parseArgs } from 'node:util';
import type { Context, ScheduledEvent } from 'aws-lambda';

// `npm run job -- NAME --at 2026-12-04T00:01:00+08:00 [--facility F]... [--lab L]...` runs one
// scheduled job once, at any clock, against the local DynamoDB that `npm start`
// uses (TABLE_NAME quarantine-desk on http://127.0.0.1:8000 unless the environment
// says otherwise), and prints what it did. `npm run job -- list` names the jobs.

process.env.TABLE_NAME ??= 'quarantine-desk';
process.env.DYNAMODB_ENDPOINT ??= 'http://127.0.0.1:8000';
process.env.LOG_LEVEL ??= 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { at: { type: 'string' }, facility: { type: 'string', multiple: true, default: [] }, lab: { type: 'string', multiple: true, default: [] } },
});

const { jobs } = await import('../functions/routes.js');
const { scheduledEvent } = await import('./job-timers.js');
const name = positionals[0];

if (!name || name === 'list') {
  for (const j of jobs) console.log(`${j.name.padEnd(20)} ${j.schedule.padEnd(22)} locally every ${j.localEverySeconds} s`);
  if (!name) console.error('\nusage: npm run job -- NAME [--at <ISO time with offset>] [--facility ID]... [--lab ID]...');
  process.exit(name ? 0 : 2);
}
const job = jobs.find((j) => j.name === name);
if (!job) {
  console.error(`Unknown job ${name}; known: ${jobs.map((j) => j.name).join(', ')}`);
  process.exit(2);
}
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(at.getTime())) {
  console.error(`--at ${values.at}: not a date-time (e.g. 2026-12-04T00:01:00+08:00)`);
  process.exit(2);
}

// --lab: what a facility-limited retention run may do to the unmatched lab queue (only those labs' samples).
const detail = { ...(values.facility.length ? { facilityIds: values.facility } : {}), ...(values.lab.length ? { labIds: values.lab } : {}) };
const event: ScheduledEvent = { ...scheduledEvent(job.name, at), detail };
const mod = (await import(`../functions/handlers/${job.handler}.ts`)) as { handler: (e: ScheduledEvent, c: Context) => Promise<unknown> };
try {
  const result = await mod.handler(event, {} as Context);
  console.log(JSON.stringify(result, null, 2));
} catch (err) {
  const e = err as Error & { code?: string };
  const down = e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String(e.message)) || e.name === 'ResourceNotFoundException';
  console.error(down ? `Cannot reach table ${process.env.TABLE_NAME} at ${process.env.DYNAMODB_ENDPOINT}: is \`npm start\` running? (${e.name})` : `${e.name}: ${e.message}`);
  process.exit(1);
}
