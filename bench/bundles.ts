import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { jobs, routes } from '../functions/routes.js';
import { esbuildOptions } from '../lib/bundling.js';
import { round } from './stats.js';

// Each Lambda bundle built the way the CDK stack builds it (lib/bundling.ts: esbuild,
// ESM, minified, node22, linked source map), its size, what it is made of (esbuild
// metafile, bytes per package), and its cold import time in a fresh Node process
// run as the stack runs it (NODE_OPTIONS=--enable-source-maps), against an empty
// handler bundled and run the same way, in the same run.

/** Bytes in the output by origin: our code, or the package (a scope counts as one). */
export type PackageShares = Record<string, number>;

export interface BundleFigure {
  handler: string;
  bytes: number;
  coldImportMs: number;
  ratioToEmpty: number;
  /** Cold import minus the target's allowance over the empty handler (1.5x + 40 ms); <= 0 meets it. */
  overTargetMs: number;
  /** Keeps functions/documents/fonts.ts: renders PDFs (the size target does not apply). */
  rendersPdf: boolean;
  shares: PackageShares;
}

export interface BundleFigures {
  empty: { bytes: number; coldImportMs: number };
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

/** Wall time of importing `file` in a new Node process, measured inside that process. */
function importOnce(file: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`], {
    encoding: 'utf8',
    // As deployed: lib/quarantine-desk-stack.ts sets this for every function.
    env: { ...process.env, NODE_OPTIONS: '--enable-source-maps', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.trim());
}

/**
 * Median cold import of each file over `runs` rounds. Each round imports every file
 * once, in turn, with the first file (the empty handler) imported again before each
 * of the others, so load from other processes on a shared machine falls on the
 * baseline and on the handlers alike.
 */
function coldImports(files: string[], runs: number): number[] {
  const times = files.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (let i = 1; i < files.length; i++) {
      times[0]!.push(importOnce(files[0]!));
      times[i]!.push(importOnce(files[i]!));
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)] as number;
  });
}

/** The target: cold import <= 1.5x the empty handler's + 40 ms. */
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
  const [emptyMs = NaN, externalMs = NaN, ...handlerMs] = coldImports([empty.file, external.file, ...built.map((b) => b.file)], runs);
  const handlers: BundleFigure[] = built.map(({ name, file, meta }, i) => {
    const ms = handlerMs[i] as number;
    return { handler: name, bytes: statSync(file).size, coldImportMs: round(ms), ratioToEmpty: round(ms / emptyMs), overTargetMs: round(ms - coldImportAllowanceMs(emptyMs)), rendersPdf: rendersPdf(meta), shares: shares(meta) };
  });
  const bundled = handlers.find((h) => h.handler === sample);
  const externalSdk = bundled
    ? { handler: sample, bundled: { bytes: bundled.bytes, coldImportMs: bundled.coldImportMs }, external: { bytes: statSync(external.file).size, coldImportMs: round(externalMs) } }
    : undefined;
  const emptyFigure = { bytes: statSync(empty.file).size, coldImportMs: round(emptyMs) };
  rmSync(dirname(external.file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  return { empty: emptyFigure, handlers, ...(externalSdk ? { externalSdk } : {}) };
}
