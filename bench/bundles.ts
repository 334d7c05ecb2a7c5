import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { jobs, routes } from '../functions/routes.js';
import { round } from './stats.js';

// Each Lambda bundle built the way the CDK stack builds it (esbuild, ESM, minified,
// node22), its size, and its cold import time in a fresh Node process against an
// empty handler bundled the same way, measured in the same run.

export interface BundleFigure {
  handler: string;
  bytes: number;
  coldImportMs: number;
  ratioToEmpty: number;
}

const BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

async function bundle(entry: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: BANNER },
    logLevel: 'silent',
  });
  return outfile;
}

/** Median wall time of importing `file` in a new Node process, measured inside that process. */
function coldImportMs(file: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    times.push(Number(out.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function benchBundles(opts: { runs?: number } = {}): Promise<{ empty: { bytes: number; coldImportMs: number }; handlers: BundleFigure[] }> {
  const runs = opts.runs ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'qd-bundles-'));
  const emptyEntry = join(dir, 'empty.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
  const emptyFile = await bundle(emptyEntry, join(dir, 'empty'));
  const emptyMs = coldImportMs(emptyFile, runs);
  const names = [...new Set([...routes.map((r) => r.handler), ...jobs.map((j) => j.handler)])].sort();
  const handlers: BundleFigure[] = [];
  for (const name of names) {
    const file = await bundle(join(process.cwd(), 'functions/handlers', `${name}.ts`), join(dir, name));
    const ms = coldImportMs(file, runs);
    handlers.push({ handler: name, bytes: statSync(file).size, coldImportMs: round(ms), ratioToEmpty: round(ms / emptyMs) });
  }
  return { empty: { bytes: statSync(emptyFile).size, coldImportMs: round(emptyMs) }, handlers };
}
