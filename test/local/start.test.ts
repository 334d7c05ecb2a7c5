import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { isLoopback, listeners } from './listening.js';

// `npm start` as a person runs it: the whole stack comes up, serves the web form, and
// leaves no java process behind however it ends (Ctrl-C, SIGTERM, or a crash). It
// listens on loopback only (read from the kernel's socket tables), --in-memory leaves
// nothing on disk, and `npm run job` finds it.

function javaPids(dynamoPort: number): number[] {
  try {
    return execFileSync('pgrep', ['-f', `^java .*LoopbackDynamoDBLocal(\\.java)? -port ${dynamoPort} `], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches (the sh supervisor does not match: its line starts with sh)
  }
}

async function waitFor(predicate: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The environment of a person's shell: not the test workers' table and endpoint. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DYNAMODB_ENDPOINT;
  delete env.TABLE_NAME;
  delete env.LAB_SECRETS;
  delete env.LAB_SECRETS_FILE;
  return env;
}

async function start(extra: string[] = ['--in-memory']): Promise<{ child: ChildProcess; port: number; dynamoPort: number; output: () => string }> {
  const port = await freePort();
  const dynamoPort = await freePort();
  // detached: its own process group, like a terminal's foreground job.
  const child = spawn('npm', ['start', '--', ...extra, '--no-jobs', '--port', String(port), '--dynamo-port', String(dynamoPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: shellEnv(),
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited early: ${output}`);
      // Serving comes a moment before the banner is printed: wait for both.
      return output.includes('is running on') && fetch(`http://127.0.0.1:${port}/`).then((r) => r.status === 200, () => false);
    },
    90_000,
    'the local server and its banner',
  );
  return { child, port, dynamoPort, output: () => output };
}

const run = promisify(execFile);
const jobCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'local/job-cli.ts', ...args], { env: shellEnv(), timeout: 60_000 });

/** The node process of `npm start` (npm runs it as its child). */
function nodePid(npmPid: number): number {
  const pid = execFileSync('pgrep', ['-P', String(npmPid), '-f', 'local/start.ts'], { encoding: 'utf8' }).trim().split('\n')[0];
  return Number(pid || npmPid);
}

async function stop(child: ChildProcess): Promise<void> {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await exited(child);
}

/** A non-loopback address of this machine, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
}

const refused = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const s = connect(port, host);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r())));

describe('npm start', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the stack, then stops on %s with no orphaned java', { timeout: 120_000 }, async (signal) => {
    const { child, port, dynamoPort, output } = await start();
    expect(javaPids(dynamoPort)).toHaveLength(1);
    expect(output()).toContain(`is running on http://localhost:${port}`);
    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-child.pid!, signal);
    await exited(child);
    await waitFor(() => javaPids(dynamoPort).length === 0, 15_000, 'java to stop');
    expect(output()).toContain(`${signal}: stopping`);
  });

  it('a crashed node (SIGKILL) still takes DynamoDB Local down with it', { timeout: 120_000 }, async () => {
    const { child, dynamoPort } = await start();
    // The node process itself, not npm: find it by its script.
    const node = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'local/start.ts'], { encoding: 'utf8' }).trim().split('\n')[0];
    const target = Number(node || child.pid);
    process.kill(target, 'SIGKILL');
    await waitFor(() => javaPids(dynamoPort).length === 0, 20_000, 'the supervisor to stop java');
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  });

  it('listens on loopback only: DynamoDB Local and the HTTP server, as the kernel reports them', { timeout: 120_000 }, async () => {
    const { child, port, dynamoPort } = await start();
    try {
      const java = javaPids(dynamoPort);
      expect(java).toHaveLength(1);
      const sockets = [...listeners(nodePid(child.pid!)), ...listeners(java[0]!)];
      expect(sockets.map((l) => l.port)).toEqual(expect.arrayContaining([port, dynamoPort]));
      for (const l of sockets) expect(isLoopback(l.address), `${l.address}:${l.port}`).toBe(true);
      // And from the LAN side: this machine's own non-loopback address is refused.
      const lan = lanAddress();
      if (lan) {
        expect(await refused(lan, dynamoPort)).toBe('ECONNREFUSED');
        expect(await refused(lan, port)).toBe('ECONNREFUSED');
      }
      expect(await refused('127.0.0.1', dynamoPort)).toBe('connected');
    } finally {
      await stop(child);
    }
  });

  it('--in-memory leaves nothing on disk, prints an admin token for its own key, and `npm run job -- --dynamo-port` reaches it', { timeout: 150_000 }, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'qd-mem-')), 'data');
    const { child, port, dynamoPort, output } = await start(['--in-memory', '--data-dir', dataDir]);
    try {
      // The server answers a moment before start.ts prints its banner: wait for the token line.
      await waitFor(() => /Admin token[^\n]*\n\S+\n/.test(output()), 15_000, 'the admin token to be printed');
      const token = /Admin token[^\n]*\n(\S+)/.exec(output())?.[1];
      expect(token).toBeDefined();
      const facilityId = `mem-${Date.now()}`;
      const created = await fetch(`http://127.0.0.1:${port}/facilities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ facilityId, name: 'In-memory hotel', timeZone: 'Asia/Shanghai' }),
      });
      expect(created.status).toBe(201);
      // A lab webhook call reads lab secrets (from LAB_SECRETS only): still no file.
      expect([400, 401]).toContain((await fetch(`http://127.0.0.1:${port}/lab/results`, { method: 'POST', body: '{}' })).status);
      const job = JSON.parse((await jobCli('retest-due', '--dynamo-port', String(dynamoPort), '--facility', facilityId)).stdout);
      expect(job).toMatchObject({ job: 'retest-due' });
      expect(existsSync(dataDir), `${dataDir} was created`).toBe(false);
    } finally {
      await stop(child);
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it('on disk, it says where it runs in DATA_DIR/stack.json, so `npm run job` finds it without --dynamo-port; gone on stop', { timeout: 150_000 }, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'qd-disk-')), 'data');
    const { child, dynamoPort } = await start(['--data-dir', dataDir]);
    const file = join(dataDir, 'stack.json');
    try {
      const announced = JSON.parse(readFileSync(file, 'utf8'));
      expect(announced).toMatchObject({ dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`, tableName: 'quarantine-desk' });
      expect(existsSync(join(dataDir, 'local-jwt-key.pem'))).toBe(true);
      const job = JSON.parse((await jobCli('retest-due', '--data-dir', dataDir)).stdout);
      expect(job).toMatchObject({ job: 'retest-due' });
    } finally {
      await stop(child);
    }
    expect(existsSync(file)).toBe(false);
    // And with no stack running, it says how to reach one instead of a stack trace.
    const down = await jobCli('retest-due', '--data-dir', dataDir, '--dynamo-port', String(dynamoPort)).catch((e: { code: number; stderr: string }) => e);
    expect(down).toMatchObject({ code: 1 });
    expect((down as { stderr: string }).stderr).toContain('is `npm start` running?');
  });
});
