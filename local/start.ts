import { join } from 'node:path';
import { parseCli, intOption } from './cli.js';
import { signToken } from './jwt.js';
import { startLocalStack } from './local-stack.js';
import { removeStackFile, writeStackFile } from './stack-file.js';

// `npm start`: the whole system on this machine. Ctrl-C or SIGTERM stops the HTTP
// server and DynamoDB Local before exiting. --in-memory keeps nothing on disk: the
// table lives in DynamoDB Local's memory, the token key in this process's, and labs
// come from LAB_SECRETS only.

const command = 'npm start --';
const { values } = parseCli({
  command,
  usage: ['[options]'],
  summary: 'Runs the whole system on this machine: DynamoDB Local (127.0.0.1 only), the API and web form, and the scheduled jobs on timers.',
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamo-port': { type: 'string', default: process.env.DYNAMO_PORT ?? '8000' },
    'in-memory': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.data' },
    'no-jobs': { type: 'boolean', default: false },
  },
  help: {
    port: { arg: 'N', text: 'HTTP port of the API and web form ($PORT)' },
    'dynamo-port': { arg: 'N', text: 'port of DynamoDB Local ($DYNAMO_PORT)' },
    'in-memory': { text: 'keep nothing on disk: data in memory, a signing key for this run only (its admin token is printed), labs from $LAB_SECRETS only' },
    'data-dir': { arg: 'DIR', text: 'where the table, the token key, labs.json and stack.json (for `npm run job`) live' },
    'no-jobs': { text: 'do not run the scheduled jobs on their timers' },
  },
  footer: ['Tokens: npm run token -- --role admin   (signed with DIR/local-jwt-key.pem; not accepted by an --in-memory stack)'],
});

const port = intOption(command, 'port', values.port, 0, 65535);
const dynamoPort = intOption(command, 'dynamo-port', values['dynamo-port'], 1, 65535);
const inMemory = values['in-memory'];
const dataDir = values['data-dir'];
const tableName = process.env.TABLE_NAME ?? 'quarantine-desk';

process.env.LOG_LEVEL ??= 'info';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Labs from the environment only: an empty set unless LAB_SECRETS names some.
if (inMemory) process.env.LAB_SECRETS ??= '{}';
else process.env.LAB_SECRETS_FILE ??= join(dataDir, 'labs.json');

// OIDC_ID_TOKEN_SECONDS: a shorter ID token life than Cognito's hour (tests watch it expire).
const idTokenSeconds = Number(process.env.OIDC_ID_TOKEN_SECONDS) || undefined;
const stack = await startLocalStack({ port, dynamoPort, persist: !inMemory, ephemeralKey: inMemory, dataDir, tableName, jobs: !values['no-jobs'], idTokenSeconds }).catch(
  (err: Error) => {
    console.error(`npm start: ${err.message}`);
    process.exit(1);
  },
);
if (!inMemory) writeStackFile(dataDir, { pid: process.pid, url: stack.url, dynamoEndpoint: stack.dynamo.endpoint, tableName, startedAt: new Date().toISOString() });

const publicUrl = stack.url.replace('127.0.0.1', 'localhost');
console.log(`quarantine-desk is running on ${publicUrl}  (DynamoDB Local on ${stack.dynamo.endpoint}, data ${inMemory ? 'in memory' : `in ${dataDir}/`})`);
const first = stack.firstAdmin;
if (first.created) {
  console.log(`First sign-in: open ${publicUrl}, sign in as "${first.username}" with the one-time password  ${first.password}`);
  console.log(`               and choose your own password (it is shown only now${inMemory ? '; this run keeps accounts in memory' : ''}). Then create your team's accounts under Accounts.`);
} else if (first.waiting) {
  console.log(`Sign in on ${publicUrl}: no account has chosen its password yet (the one-time password was printed at the first start; \`npm run account -- reset-password admin\` prints a new one).`);
} else {
  console.log(`Sign in on ${publicUrl} with your account (OpenID provider ${stack.oidc.issuer}).`);
}
if (inMemory) {
  const admin = signToken(stack.keys.privateKey, { sub: 'admin-local', role: 'admin', facilities: [] });
  console.log(`Admin token for scripts this run (12 h; the key lives in memory only):\n${admin}`);
  console.log(`Run a job:    npm run job -- NAME --dynamo-port ${stack.dynamo.port}`);
} else {
  console.log(`Tokens for scripts:  npm run token -- --role admin    |    npm run token -- --facility <id> --role staff`);
}

let stopping = false;
async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping`);
  if (!inMemory) removeStackFile(dataDir);
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
