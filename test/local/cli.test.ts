import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../local/cli.js';
import { decodeAddress, isLoopback } from './listening.js';

// Every local CLI answers --help with its options, and a wrong option with one line
// naming it (exit 2), never a stack trace.

const run = promisify(execFile);
type Result = { code: number; stdout: string; stderr: string };
const cli = (script: string, ...args: string[]): Promise<Result> =>
  run(process.execPath, ['--import', 'tsx', `local/${script}`, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: Result) => e,
  );

const clis: [string, string, string[]][] = [
  ['npm start', 'start.ts', ['--port', '--dynamo-port', '--in-memory', '--data-dir', '--no-jobs']],
  ['npm run token', 'token.ts', ['--facility', '--role', '--sub', '--hours', '--data-dir']],
  ['npm run lab', 'lab-cli.ts', ['add NAME', 'list', 'sign LAB_ID', '--file']],
  ['npm run job', 'job-cli.ts', ['--at', '--facility', '--dynamo-port', '--table', '--data-dir', 'list']],
];

describe.each(clis)('%s', (name, script, options) => {
  it('--help prints the usage and every option, exit 0', async () => {
    const r = await cli(script, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: ${name}`));
    for (const o of [...options, '-h, --help']) expect(r.stdout).toContain(o);
  });

  it('an unknown option is one line naming it, exit 2', async () => {
    const r = await cli(script, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${name}: unknown option --frobnicate (see: ${name} -- --help)`);
  });
});

describe('bad values are one line too', () => {
  it.each([
    ['start.ts', ['--port', 'eighty'], 'npm start: --port eighty: not a whole number from 0 to 65535'],
    ['token.ts', ['--role', 'root'], 'npm run token: --role root: must be staff or admin'],
    ['token.ts', ['--role', 'admin', '--hours', '72'], 'npm run token: --hours 72: a number of hours above 0 and at most 24'],
    ['job-cli.ts', ['retest-due', '--dynamo-port', 'x'], 'npm run job: --dynamo-port x: not a whole number from 1 to 65535'],
    ['job-cli.ts', ['no-such-job'], 'npm run job: unknown job no-such-job'],
    ['job-cli.ts', ['retest-due', '--at', 'tomorrow'], 'npm run job: --at tomorrow: not a date-time'],
    ['lab-cli.ts', ['frob'], 'npm run lab: unknown command frob'],
  ] as const)('%s %j', async (script, args, message) => {
    const r = await cli(script, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});

describe('helpText', () => {
  it('lists options with placeholders, repeatable and defaults, aligned', () => {
    const text = helpText({
      command: 'npm run x --',
      usage: ['A', 'B'],
      summary: 'Does x.',
      options: { name: { type: 'string', multiple: true, default: [] }, fast: { type: 'boolean', default: false }, n: { type: 'string', default: '3' } },
      help: { name: { arg: 'NAME', text: 'a name' }, fast: { text: 'go fast' }, n: { arg: 'N', text: 'how many' } },
    });
    expect(text).toBe(
      [
        'usage: npm run x -- A',
        '       npm run x -- B',
        '',
        'Does x.',
        '',
        'options:',
        '  --name NAME  a name (repeatable)',
        '  --fast       go fast',
        '  --n N        how many (default 3)',
        '  -h, --help   this help',
      ].join('\n'),
    );
  });
});

describe('reading /proc/net/tcp addresses', () => {
  it.each([
    ['0100007F', '127.0.0.1', true],
    ['00000000', '0.0.0.0', false],
    ['0202000A', '10.0.2.2', false],
    ['00000000000000000000000000000000', '::', false],
    ['00000000000000000000000001000000', '::1', true],
    ['0000000000000000FFFF00000100007F', '::ffff:127.0.0.1', true],
    ['0000000000000000FFFF00000202000A', '::ffff:10.0.2.2', false],
  ] as const)('%s is %s', (hex, address, loopback) => {
    expect(decodeAddress(hex)).toBe(address);
    expect(isLoopback(address)).toBe(loopback);
  });
});
