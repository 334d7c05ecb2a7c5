import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { esbuildOptions } from '../../lib/bundling.js';
import { PROJECT_ROOT } from '../../lib/project-paths.js';

// The functions run without NODE_OPTIONS=--enable-source-maps (it parses the map at
// every cold start); the bundle maps its own stack traces when one is printed
// (functions/adapters/mapped-stack-traces.ts). A bundle built as the stack builds it,
// run in a plain Node process, must still name our TypeScript files and functions.

const dir = mkdtempSync(join(PROJECT_ROOT, 'node_modules/.qd-stack-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROBE = `
import { assertAdmin } from './functions/shared/principal.js';
export function probe() {
  try { assertAdmin({ subject: 's', role: 'staff', facilities: [] }); } catch (e) { return e.stack; }
}
export const outside = () => String(new Error('outside').stack);
`;

async function probeBundle(sourcemap: boolean): Promise<string> {
  const outfile = join(dir, sourcemap ? 'mapped/index.mjs' : 'plain/index.mjs');
  await build({ ...esbuildOptions({ sourcemap }), stdin: { contents: PROBE, resolveDir: PROJECT_ROOT, sourcefile: 'probe.ts', loader: 'ts' }, outfile, logLevel: 'silent' });
  return outfile;
}

/** Runs `script` as an ES module in a new Node process without NODE_OPTIONS; `file` is the bundle's path. */
function run(file: string, script: string): string {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return execFileSync(process.execPath, ['--input-type=module', '-e', `const file = ${JSON.stringify(file)};\n${script}`], { encoding: 'utf8', env });
}

const PRINT_PROBE = 'const m = await import(file); console.log(m.probe());';

it('maps stack traces of a bundle to our sources and original function names, without --enable-source-maps', async () => {
  const file = await probeBundle(true);
  const stack = run(file, PRINT_PROBE);
  expect(stack).toMatch(/^Error: Only an administrator may do this\.\n {4}at assertAdmin \(functions\/shared\/principal\.ts:\d+:\d+\)\n {4}at \S+ \(\S*probe\.ts:\d+:\d+\)/);
  // Frames outside the bundle keep Node's own format.
  expect(run(file, 'const m = await import(file); console.log(m.outside());')).toMatch(/^Error: outside\n {4}at /);
});

it('reads the source map when a stack is printed, not at import', async () => {
  const file = await probeBundle(true);
  // The map is away while the bundle is imported and back before the first stack is printed.
  const stack = run(
    file,
    `import { renameSync } from 'node:fs';
     renameSync(file + '.map', file + '.away');
     const m = await import(file);
     renameSync(file + '.away', file + '.map');
     console.log(m.probe());`,
  );
  expect(stack).toMatch(/^Error: Only an administrator may do this\.\n {4}at assertAdmin \(functions\/shared\/principal\.ts:\d+:\d+\)/);
});

it('falls back to bundle positions when no map is shipped', async () => {
  const file = await probeBundle(false);
  expect(run(file, PRINT_PROBE)).toMatch(/^Error: Only an administrator may do this\.\n {4}at \S+ \(file:\/\/.*index\.mjs:\d+:\d+\)/);
});
