import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// While `npm start` runs with its data on disk it says where it is in
// `${dataDir}/stack.json`, so `npm run job` reaches it whatever --dynamo-port it was
// given. Removed on shutdown; a file left by a crash names a dead pid and is ignored.
// An --in-memory stack writes nothing: pass `--dynamo-port` to `npm run job` instead.

export interface RunningStack {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  startedAt: string;
}

export const stackFile = (dataDir: string) => join(dataDir, 'stack.json');

export function writeStackFile(dataDir: string, stack: RunningStack): void {
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${stackFile(dataDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(stack, null, 2)}\n`);
  renameSync(tmp, stackFile(dataDir));
}

/** Removes the file if it is still this process's. */
export function removeStackFile(dataDir: string, pid = process.pid): void {
  if (readStackFile(dataDir)?.pid === pid) rmSync(stackFile(dataDir), { force: true });
}

function readStackFile(dataDir: string): RunningStack | undefined {
  const file = stackFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningStack>;
    if (typeof s.pid !== 'number' || typeof s.dynamoEndpoint !== 'string' || typeof s.tableName !== 'string') return undefined;
    return s as RunningStack;
  } catch {
    return undefined;
  }
}

/** The stack `npm start` is running on `dataDir` now, if any. */
export function runningStack(dataDir: string): RunningStack | undefined {
  const s = readStackFile(dataDir);
  if (!s) return undefined;
  try {
    process.kill(s.pid, 0);
    return s;
  } catch (err) {
    // EPERM: alive, but another user's process.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? s : undefined;
  }
}
