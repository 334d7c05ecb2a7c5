import { execFile } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { aptCommand, missingMessage, missingRequirements, plan, REQUIREMENTS, systemProbe, type Probe } from '../support/preflight.js';

// `npm test` on a fresh machine: the preflight names every missing tool in one
// message with the command that installs it (or, as root with apt, installs them),
// before a single test runs.

const everything = (): Probe => ({ command: () => true, file: () => true, javaModules: () => ['java.base@17.0.15', 'jdk.compiler@17.0.15'] });
const without = (...names: string[]): Probe => ({ ...everything(), command: (n) => !names.includes(n), file: (p) => !names.includes(p) });
const tools = (probe: Probe) => missingRequirements(probe).map((r) => r.pkg);

describe('which tools are missing', () => {
  it('none on a machine with everything', () => {
    expect(tools(everything())).toEqual([]);
  });

  it('each tool maps to its Debian package', () => {
    expect(tools(without('pdftoppm'))).toEqual(['poppler-utils']);
    expect(tools(without('jq', 'pgrep'))).toEqual(['jq', 'procps']);
    expect(tools(without(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))).toEqual(['chromium']);
  });

  it('java must be 17+ with jdk.compiler (the loopback launcher runs as a source file)', () => {
    expect(tools(without('java'))).toEqual(['openjdk-17-jre-headless']);
    expect(tools({ ...everything(), javaModules: () => ['java.base@17.0.15'] })).toEqual(['openjdk-17-jre-headless']);
    expect(tools({ ...everything(), javaModules: () => ['java.base@11.0.2', 'jdk.compiler@11.0.2'] })).toEqual(['openjdk-17-jre-headless']);
    expect(tools({ ...everything(), javaModules: () => undefined })).toEqual(['openjdk-17-jre-headless']);
    expect(tools({ ...everything(), javaModules: () => ['java.base@21.0.1', 'jdk.compiler@21.0.1'] })).toEqual([]);
  });
});

describe('what to do about them', () => {
  const missing = missingRequirements(without('java', 'pdftotext', 'jq'));

  it('nothing when nothing is missing', () => {
    expect(plan([], { root: false, apt: false, noInstall: false })).toEqual({ action: 'ready' });
  });

  it('as root with apt: install the packages', () => {
    expect(plan(missing, { root: true, apt: true, noInstall: false })).toEqual({ action: 'install', packages: ['openjdk-17-jre-headless', 'poppler-utils', 'jq'] });
  });

  it('otherwise (or QD_PREFLIGHT_NO_INSTALL=1): one message naming every tool and the apt command', () => {
    for (const env of [{ root: false, apt: true, noInstall: false }, { root: true, apt: true, noInstall: true }]) {
      const p = plan(missing, env);
      expect(p.action).toBe('stop');
      const message = (p as { message: string }).message;
      for (const r of missing) expect(message).toContain(r.tool);
      expect(message).toContain('sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless poppler-utils jq');
    }
  });

  it('without apt: the package names to look for', () => {
    expect(missingMessage(missing, { apt: false })).toContain('Install the Debian packages openjdk-17-jre-headless poppler-utils jq');
  });

  it('the apt command names each package once', () => {
    expect(aptCommand(missingRequirements(without('pdftotext', 'pdftoppm')), false)).toBe('apt-get install -y --no-install-recommends poppler-utils');
  });
});

describe('node --import tsx test/support/preflight.ts (the first half of npm test)', () => {
  const run = (env: NodeJS.ProcessEnv) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/preflight.ts'], { env, timeout: 60_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('passes on this machine', async () => {
    expect(missingRequirements(systemProbe)).toEqual([]);
    expect((await run(process.env)).code).toBe(0);
  });

  it('with a PATH that has none of the tools: stops at once, naming all of them', async () => {
    const r = await run({ ...process.env, PATH: mkdtempSync(join(tmpdir(), 'empty-path-')), CHROMIUM_PATH: '/nonexistent/chromium', QD_PREFLIGHT_NO_INSTALL: '1' });
    expect(r.code).toBe(1);
    for (const req of REQUIREMENTS) expect(r.stderr).toContain(req.pkg);
    expect(r.stderr).toContain('chromium at /nonexistent/chromium');
    expect(r.stderr.match(/npm test cannot start/g)).toHaveLength(1);
  });

  it('with apt on PATH but not poppler, as a non-root user would: the exact command to run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'some-path-'));
    for (const tool of ['java', 'jq', 'curl', 'openssl', 'pgrep', 'bash', 'apt-get']) symlinkSync(`/usr/bin/${tool}`, join(dir, tool));
    const r = await run({ ...process.env, PATH: dir, QD_PREFLIGHT_NO_INSTALL: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pdftotext and pdftoppm');
    expect(r.stderr).toContain('sudo apt-get install -y --no-install-recommends poppler-utils\n');
    expect(r.stderr).not.toContain('jq');
  });
});
