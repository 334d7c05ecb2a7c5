import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// What the tests need besides node_modules, checked before any test starts (`npm
// test` runs this file, and the global setup checks again for `npx vitest run`).
// As root with apt (a fresh CI box or container) the missing Debian packages are
// installed; anywhere else the run stops at once with one message naming every
// missing tool and the command that installs it, so no test fails for a tool.
// QD_PREFLIGHT_NO_INSTALL=1 never installs (behaves as a non-root user would).

export interface Probe {
  /** An executable of that name on PATH. */
  command(name: string): boolean;
  /** An executable file at that path. */
  file(path: string): boolean;
  /** `java --list-modules`, or undefined when java cannot run. */
  javaModules(): string[] | undefined;
}

export interface Requirement {
  /** What is missing, as a person would name it. */
  tool: string;
  /** The Debian package that provides it. */
  pkg: string;
  /** Which tests need it. */
  usedBy: string;
  present(probe: Probe): boolean;
}

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Java 17+ whose runtime image has jdk.compiler: DynamoDB Local's loopback launcher runs as a source file. */
function javaOk(probe: Probe): boolean {
  if (!probe.command('java')) return false;
  const modules = probe.javaModules() ?? [];
  const major = Number(/^java\.base@(\d+)/.exec(modules.find((m) => m.startsWith('java.base@')) ?? '')?.[1]);
  return major >= 17 && modules.some((m) => m.startsWith('jdk.compiler@'));
}

export const REQUIREMENTS: Requirement[] = [
  { tool: 'java 17+ (with the jdk.compiler module)', pkg: 'openjdk-17-jre-headless', usedBy: 'DynamoDB Local', present: javaOk },
  { tool: 'pdftotext and pdftoppm', pkg: 'poppler-utils', usedBy: 'PDF tests', present: (p) => p.command('pdftotext') && p.command('pdftoppm') },
  { tool: `chromium at ${chromiumPath()} (or set CHROMIUM_PATH)`, pkg: 'chromium', usedBy: 'browser tests', present: (p) => p.file(chromiumPath()) },
  { tool: 'jq', pkg: 'jq', usedBy: 'README walkthrough', present: (p) => p.command('jq') },
  { tool: 'curl', pkg: 'curl', usedBy: 'README walkthrough', present: (p) => p.command('curl') },
  { tool: 'openssl', pkg: 'openssl', usedBy: 'README lab signing example', present: (p) => p.command('openssl') },
  { tool: 'pgrep', pkg: 'procps', usedBy: 'npm start tests', present: (p) => p.command('pgrep') },
  { tool: 'bash', pkg: 'bash', usedBy: 'README walkthrough', present: (p) => p.command('bash') },
];

export const missingRequirements = (probe: Probe, requirements = REQUIREMENTS) => requirements.filter((r) => !r.present(probe));

export const aptCommand = (missing: Requirement[], sudo: boolean) =>
  `${sudo ? 'sudo ' : ''}apt-get install -y --no-install-recommends ${[...new Set(missing.map((r) => r.pkg))].join(' ')}`;

/** The one message for a machine that lacks tools and will not get them installed here. */
export function missingMessage(missing: Requirement[], opts: { apt: boolean }): string {
  const list = missing.map((r) => `  - ${r.tool}: ${r.usedBy} (Debian package ${r.pkg})`).join('\n');
  const how = opts.apt
    ? `Install them with:\n  ${aptCommand(missing, true)}\n(run as root, \`npm test\` installs them itself)`
    : `Install the Debian packages ${missing.map((r) => r.pkg).join(' ')} or your system's equivalents (see README, Prerequisites).`;
  return `npm test cannot start: this machine lacks\n${list}\n${how}`;
}

export type Plan = { action: 'ready' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

/** What to do about the missing tools: nothing, install them with apt, or stop with the message. */
export function plan(missing: Requirement[], env: { root: boolean; apt: boolean; noInstall: boolean }): Plan {
  if (missing.length === 0) return { action: 'ready' };
  if (env.root && env.apt && !env.noInstall) return { action: 'install', packages: [...new Set(missing.map((r) => r.pkg))] };
  return { action: 'stop', message: missingMessage(missing, { apt: env.apt }) };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const systemProbe: Probe = {
  command: (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, name))),
  file: executable,
  javaModules() {
    try {
      return execFileSync('java', ['--list-modules'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).split('\n').filter(Boolean);
    } catch {
      return undefined;
    }
  },
};

function environment() {
  return {
    root: process.getuid?.() === 0,
    apt: systemProbe.command('apt-get'),
    noInstall: process.env.QD_PREFLIGHT_NO_INSTALL === '1',
  };
}

/** Checks, installs if it may, and returns the message to stop with (undefined: ready). */
export function preflight(opts: { install: boolean }): string | undefined {
  const env = environment();
  const missing = missingRequirements(systemProbe);
  const p = plan(missing, { ...env, noInstall: env.noInstall || !opts.install });
  if (p.action === 'ready') return undefined;
  if (p.action === 'stop') return p.message;
  console.error(`npm test: installing ${p.packages.join(' ')} (apt-get, as root)`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...p.packages], { stdio: 'inherit', env: aptEnv }) : update;
  const still = missingRequirements(systemProbe);
  if (still.length === 0) return undefined;
  return `${missingMessage(still, { apt: true })}\n(apt-get ${install.status === 0 ? 'finished but these are still missing' : `failed with exit code ${install.status}`})`;
}

// `node --import tsx test/support/preflight.ts`: the first half of `npm test`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const message = preflight({ install: true });
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
