import { join } from 'node:path';
import { PROJECT_ROOT } from './project-paths.js';

// How every Lambda bundle is built, in one place: lib/handler-function.ts passes it
// to NodejsFunction (esbuild CLI), and bench/bundles.ts and
// test/cdk/bundle-size.test.ts build with exactly the same options (esbuild API),
// so the sizes they measure are the deployed ones.

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __qdCreateRequire } from 'node:module'; const require = __qdCreateRequire(import.meta.url);";

export const BUNDLE_TARGET = 'node22';

/** ESM builds first (dist-es): they tree-shake; the CommonJS `main` builds do not. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Modules replaced at bundle time by ones that do what the originals would do in
 * a Lambda function, without the code paths that can never run there (see each
 * file's comment): SDK parts (together ~145 KB of every bundle) and two Node
 * built-ins whose ES-module import is slow at cold start (node:stream/web, only for
 * middy's streaming path; node:process, whose facade runs process's lazy getters).
 * Only bundles see these: local runs and tests import the real modules.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': join(PROJECT_ROOT, 'functions/adapters/lambda-credentials.ts'),
  '@smithy/core/event-streams': join(PROJECT_ROOT, 'functions/adapters/no-event-streams.ts'),
  'mnemonist/lru-cache': join(PROJECT_ROOT, 'functions/adapters/small-lru-cache.ts'),
  'node:stream/web': join(PROJECT_ROOT, 'functions/adapters/lazy-web-streams.ts'),
  'node:process': join(PROJECT_ROOT, 'functions/adapters/node-process.ts'),
};

/**
 * Modules placed at the top of every bundle (esbuild `inject`): source-mapped stack
 * traces that read the map only when a stack is printed, instead of
 * NODE_OPTIONS=--enable-source-maps reading it at every cold start.
 */
export const BUNDLE_INJECT: readonly string[] = [join(PROJECT_ROOT, 'functions/adapters/mapped-stack-traces.ts')];

/** esbuild API options equal to what NodejsFunction runs (bench and tests). */
export function esbuildOptions(opts: { sourcemap?: boolean } = {}) {
  return {
    bundle: true,
    minify: true,
    platform: 'node' as const,
    target: BUNDLE_TARGET,
    format: 'esm' as const,
    mainFields: MAIN_FIELDS,
    charset: 'utf8' as const,
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { ...BUNDLE_ALIASES },
    inject: [...BUNDLE_INJECT],
    ...(opts.sourcemap ? { sourcemap: true, sourcesContent: false } : {}),
  };
}
