import { parseArgs } from 'node:util';
import { startLocalStack } from './local-stack.js';

// `npm start`: the whole system on this machine. Ctrl-C or SIGTERM stops the HTTP
// server and DynamoDB Local before exiting.

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamo-port': { type: 'string', default: process.env.DYNAMO_PORT ?? '8000' },
    'in-memory': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.data' },
    'no-jobs': { type: 'boolean', default: false },
  },
});

process.env.LOG_LEVEL ??= 'info';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const stack = await startLocalStack({
  port: Number(values.port),
  dynamoPort: Number(values['dynamo-port']),
  persist: !values['in-memory'],
  dataDir: values['data-dir'],
  tableName: process.env.TABLE_NAME ?? 'quarantine-desk',
  jobs: !values['no-jobs'],
});

const publicUrl = stack.url.replace('127.0.0.1', 'localhost');
console.log(`quarantine-desk is running on ${publicUrl}  (DynamoDB Local on ${stack.dynamo.endpoint}, data ${values['in-memory'] ? 'in memory' : `in ${values['data-dir']}/`})`);
console.log(`Get a token:  npm run token -- --role admin    |    npm run token -- --facility <id> --role staff`);

let stopping = false;
async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping`);
  await stack.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
process.on('uncaughtException', (err) => {
  console.error('fatal:', err.message);
  void shutdown('uncaughtException', 1);
});
