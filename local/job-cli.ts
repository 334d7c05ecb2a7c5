import type { Context, ScheduledEvent } from 'aws-lambda';
import { intOption, parseCli, usageError } from './cli.js';
import { runningStack, stackFile } from './stack-file.js';

// `npm run job -- NAME --at 2026-12-04T00:01:00+08:00 [--facility F]... [--lab L]...` runs one
// scheduled job once, at any clock, against the local DynamoDB of a running
// `npm start`, and prints what it did. `npm run job -- list` names the jobs.
// Which DynamoDB: --dynamo-port, else DYNAMODB_ENDPOINT, else the stack that
// `npm start` announced in DATA_DIR/stack.json, else http://127.0.0.1:8000.

const command = 'npm run job --';
const { values, positionals } = parseCli({
  command,
  usage: ['NAME [--at TIME] [--facility ID]... [--lab ID]... [--dynamo-port N]', 'list'],
  summary: 'Runs one scheduled job once, at any clock, against the local DynamoDB of a running `npm start`, and prints what it did.',
  positionals: true,
  options: {
    at: { type: 'string' },
    facility: { type: 'string', multiple: true, default: [] },
    lab: { type: 'string', multiple: true, default: [] },
    'dynamo-port': { type: 'string' },
    table: { type: 'string' },
    'data-dir': { type: 'string', default: '.data' },
  },
  help: {
    at: { arg: 'TIME', text: 'the clock the job runs at, ISO date-time with offset, e.g. 2026-12-04T00:01:00+08:00 (default now)' },
    facility: { arg: 'ID', text: 'only this facility' },
    lab: { arg: 'ID', text: 'retention limited to facilities: also sweep these labs\' old unmatched samples' },
    'dynamo-port': { arg: 'N', text: 'DynamoDB Local port of the stack (what `npm start -- --dynamo-port N` was given; needed for an --in-memory stack)' },
    table: { arg: 'NAME', text: 'table name ($TABLE_NAME, else the running stack\'s, else quarantine-desk)' },
    'data-dir': { arg: 'DIR', text: 'the --data-dir of `npm start`, whose stack.json says where a running stack is' },
  },
  footer: ['Without --dynamo-port: $DYNAMODB_ENDPOINT, else the stack in DIR/stack.json, else http://127.0.0.1:8000.'],
});

const running = runningStack(values['data-dir']);
if (values['dynamo-port'] !== undefined) process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${intOption(command, 'dynamo-port', values['dynamo-port'], 1, 65535)}`;
process.env.DYNAMODB_ENDPOINT ??= running?.dynamoEndpoint ?? 'http://127.0.0.1:8000';
if (values.table) process.env.TABLE_NAME = values.table;
process.env.TABLE_NAME ??= running?.tableName ?? 'quarantine-desk';
process.env.LOG_LEVEL ??= 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { jobs } = await import('../functions/routes.js');
const { scheduledEvent } = await import('./job-timers.js');
const name = positionals[0];

if (!name || name === 'list') {
  for (const j of jobs) console.log(`${j.name.padEnd(20)} ${j.schedule.padEnd(22)} locally every ${j.localEverySeconds} s`);
  if (!name) console.error(`\nusage: ${command} NAME [--at <ISO time with offset>] [--facility ID]... [--lab ID]... [--dynamo-port N]   (${command} --help)`);
  process.exit(name ? 0 : 2);
}
if (positionals.length > 1) usageError(command, `one job at a time (got ${positionals.join(' ')})`);
const job = jobs.find((j) => j.name === name);
if (!job) usageError(command, `unknown job ${name}; known: ${jobs.map((j) => j.name).join(', ')}`);
const at = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(at.getTime())) usageError(command, `--at ${values.at}: not a date-time (e.g. 2026-12-04T00:01:00+08:00)`);

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
  const hint = running ? '' : ` (no running stack in ${stackFile(values['data-dir'])}; for an --in-memory stack pass --dynamo-port)`;
  console.error(down ? `Cannot reach table ${process.env.TABLE_NAME} at ${process.env.DYNAMODB_ENDPOINT}: is \`npm start\` running?${hint} (${e.name})` : `${e.name}: ${e.message}`);
  process.exit(1);
}
