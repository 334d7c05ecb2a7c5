import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

// `npm start` as a person runs it: the whole stack comes up, serves the web form, and
// leaves no java process behind however it ends (Ctrl-C, SIGTERM, or a crash).

function javaPids(dynamoPort: number): number[] {
  try {
    return execFileSync('pgrep', ['-f', `^java .*DynamoDBLocal.jar -port ${dynamoPort} `], { encoding: 'utf8' })
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

async function start(): Promise<{ child: ChildProcess; port: number; dynamoPort: number; output: () => string }> {
  const port = await freePort();
  const dynamoPort = await freePort();
  // detached: its own process group, like a terminal's foreground job.
  const child = spawn('npm', ['start', '--', '--in-memory', '--no-jobs', '--port', String(port), '--dynamo-port', String(dynamoPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited early: ${output}`);
      return fetch(`http://127.0.0.1:${port}/`).then((r) => r.status === 200, () => false);
    },
    90_000,
    'the local server',
  );
  return { child, port, dynamoPort, output: () => output };
}

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
});
