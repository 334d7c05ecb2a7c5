import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { jobs, routes } from '../functions/routes.js';
import { esbuildOptions } from '../lib/bundling.js';
import { round } from './stats.js';

// Each Lambda bundle built the way the CDK stack builds it (lib/bundling.ts: esbuild,
// ESM, minified, node22, linked source map, mapped stack traces injected), its size,
// what it is made of (esbuild metafile, bytes per package), and its cold import time
// in a fresh Node process run as the stack runs it (no NODE_OPTIONS), against an
// empty handler bundled and run the same way, in the same run. Each import is timed
// twice inside its process: wall time, and the process's CPU time (user + system),
// which other processes on a shared machine inflate far less than wall time.

/** Bytes in the output by origin: our code, or the package (a scope counts as one). */
export type PackageShares = Record<string, number>;

export interface BundleFigure {
  handler: string;
  bytes: number;
  /** Median wall time of the import. */
  coldImportMs: number;
  ratioToEmpty: number;
  /** Cold import minus the target's allowance over the empty handler (1.5x + 40 ms); <= 0 meets it. */
  overTargetMs: number;
  /** Median CPU time (user + system) of the process during the import, and the same against the empty handler's. */
  coldImportCpuMs: number;
  cpuRatioToEmpty: number;
  overTargetCpuMs: number;
  /** Keeps functions/documents/fonts.ts: renders PDFs (the size target does not apply). */
  rendersPdf: boolean;
  shares: PackageShares;
}

export interface BundleFigures {
  empty: { bytes: number; coldImportMs: number; coldImportCpuMs: number };
  rounds: number;
  /** Load average (1 min) before and after the timed rounds: how shared the machine was. */
  load: { before: number; after: number };
  /**
   * The sample handler run the way the stack ran it before (NODE_OPTIONS=--enable-source-maps,
   * which parses the map at import), and what the first printed stack trace now pays once
   * instead: reading and parsing the map (functions/adapters/mapped-stack-traces.ts).
   */
  sourceMaps?: { handler: string; atStart: { coldImportMs: number; coldImportCpuMs: number }; firstStackMs: number };
  handlers: BundleFigure[];
  /** The same handler with the AWS SDK left to the runtime (imported from node_modules, unbundled). */
  externalSdk?: { handler: string; bundled: { bytes: number; coldImportMs: number }; external: { bytes: number; coldImportMs: number } };
}

/** Package groups reported as columns; any other package is summed under 'other'. */
export const SHARE_GROUPS = ['ours', 'zod', '@aws-sdk', '@smithy', '@middy', 'pdfkit', 'fontkit', 'other'] as const;

export function shareGroup(input: string): (typeof SHARE_GROUPS)[number] {
  const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (!pkg) return 'ours';
  const scope = pkg.startsWith('@') ? pkg.split('/')[0]! : pkg;
  return (SHARE_GROUPS as readonly string[]).includes(scope) ? (scope as (typeof SHARE_GROUPS)[number]) : 'other';
}

function shares(meta: Metafile): PackageShares {
  const out = Object.values(meta.outputs).find((o) => o.entryPoint);
  const by: PackageShares = {};
  for (const [input, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
    const group = shareGroup(input);
    by[group] = (by[group] ?? 0) + bytesInOutput;
  }
  return by;
}

function rendersPdf(meta: Metafile): boolean {
  const out = Object.values(meta.outputs).find((o) => o.entryPoint);
  return Object.keys(out?.inputs ?? {}).some((i) => i.endsWith('functions/documents/fonts.ts'));
}

async function bundle(entry: string, outDir: string, extra: { external?: string[] } = {}): Promise<{ file: string; meta: Metafile }> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.mjs');
  const result = await build({ ...esbuildOptions({ sourcemap: true }), ...extra, entryPoints: [entry], outfile, metafile: true, logLevel: 'silent' });
  return { file: outfile, meta: result.metafile };
}

interface ImportTime {
  wallMs: number;
  cpuMs: number;
}

/** A cold import to time: the bundle, and NODE_OPTIONS for its process (none, as deployed). */
interface Target {
  file: string;
  nodeOptions?: string;
}

/** Wall and CPU time of importing `file` in a new Node process, measured inside that process. */
function importOnce({ file, nodeOptions }: Target): ImportTime {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  // As deployed: lib/quarantine-desk-stack.ts sets no NODE_OPTIONS.
  delete env.NODE_OPTIONS;
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(file)}); const w = performance.now() - t; const u = process.cpuUsage(c); console.log(w, (u.user + u.system) / 1000);`;
  const [wallMs = NaN, cpuMs = NaN] = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env }).trim().split(' ').map(Number);
  return { wallMs, cpuMs };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Median cold import of each target over `runs` rounds. Each round imports every
 * target once, in turn, with the first (the empty handler) imported again right
 * before each of the others, so load from other processes on a shared machine falls
 * on the baseline and on the handlers alike; the ratios are to that baseline.
 */
function coldImports(targets: Target[], runs: number): ImportTime[] {
  const times = targets.map(() => [] as ImportTime[]);
  for (let r = 0; r < runs; r++) {
    for (let i = 1; i < targets.length; i++) {
      times[0]!.push(importOnce(targets[0]!));
      times[i]!.push(importOnce(targets[i]!));
    }
  }
  return times.map((t) => ({ wallMs: median(t.map((x) => x.wallMs)), cpuMs: median(t.map((x) => x.cpuMs)) }));
}

/** What the first printed stack trace of a bundle pays once: reading and parsing its map (median of `runs` fresh processes). */
function firstStackMs(file: string, runs: number): number {
  const script = `import { readFileSync } from 'node:fs'; import { SourceMap } from 'node:module'; const t = performance.now(); const m = new SourceMap(JSON.parse(readFileSync(${JSON.stringify(`${file}.map`)}, 'utf8'))); m.findEntry(0, 100); console.log(performance.now() - t);`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return median(Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env }).trim())));
}

/** The issue's target: cold import <= 1.5x the empty handler's + 40 ms. */
export const coldImportAllowanceMs = (emptyMs: number) => 1.5 * emptyMs + 40;

export async function benchBundles(opts: { runs?: number } = {}): Promise<BundleFigures> {
  const runs = opts.runs ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'qd-bundles-'));
  const emptyEntry = join(dir, 'empty.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
  const empty = await bundle(emptyEntry, join(dir, 'empty'));
  const names = [...new Set([...routes.map((r) => r.handler), ...jobs.map((j) => j.handler)])].sort();
  const built = [];
  for (const name of names) built.push({ name, ...(await bundle(join(process.cwd(), 'functions/handlers', `${name}.ts`), join(dir, name))) });
  // The alternative the README weighs: the runtime's SDK instead of a bundled one. Built inside
  // the project so the bare imports resolve to node_modules, as they would to the runtime's copy.
  const sample = 'get-facility';
  const external = await bundle(join(process.cwd(), 'functions/handlers', `${sample}.ts`), mkdtempSync(join(process.cwd(), 'node_modules/.qd-bench-')), { external: ['@aws-sdk/*', '@smithy/*'] });
  const sampleFile = built.find((b) => b.name === sample)?.file;
  const before = loadavg()[0]!;
  const [e = { wallMs: NaN, cpuMs: NaN }, ext = e, atStart = e, ...handlerTimes] = coldImports(
    [{ file: empty.file }, { file: external.file }, { file: sampleFile ?? empty.file, nodeOptions: '--enable-source-maps' }, ...built.map((b) => ({ file: b.file }))],
    runs,
  );
  const after = loadavg()[0]!;
  const handlers: BundleFigure[] = built.map(({ name, file, meta }, i) => {
    const { wallMs, cpuMs } = handlerTimes[i] as ImportTime;
    return {
      handler: name,
      bytes: statSync(file).size,
      coldImportMs: round(wallMs),
      ratioToEmpty: round(wallMs / e.wallMs),
      overTargetMs: round(wallMs - coldImportAllowanceMs(e.wallMs)),
      coldImportCpuMs: round(cpuMs),
      cpuRatioToEmpty: round(cpuMs / e.cpuMs),
      overTargetCpuMs: round(cpuMs - coldImportAllowanceMs(e.cpuMs)),
      rendersPdf: rendersPdf(meta),
      shares: shares(meta),
    };
  });
  const bundled = handlers.find((h) => h.handler === sample);
  const externalSdk = bundled
    ? { handler: sample, bundled: { bytes: bundled.bytes, coldImportMs: bundled.coldImportMs }, external: { bytes: statSync(external.file).size, coldImportMs: round(ext.wallMs) } }
    : undefined;
  const sourceMaps = sampleFile ? { handler: sample, atStart: { coldImportMs: round(atStart.wallMs), coldImportCpuMs: round(atStart.cpuMs) }, firstStackMs: round(firstStackMs(sampleFile, runs)) } : undefined;
  const emptyFigure = { bytes: statSync(empty.file).size, coldImportMs: round(e.wallMs), coldImportCpuMs: round(e.cpuMs) };
  rmSync(dirname(external.file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  return {
    empty: emptyFigure,
    rounds: runs,
    load: { before: round(before), after: round(after) },
    handlers,
    ...(externalSdk ? { externalSdk } : {}),
    ...(sourceMaps ? { sourceMaps } : {}),
  };
}
