import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES } from '../../functions/documents/fonts.js';
import { jobs, routes } from '../../functions/routes.js';
import { resetWebAssets, serveAsset } from '../../functions/web/static-assets.js';
import { copyFilesHooks } from '../../lib/copy-files.js';
import { FONT_FILES, handlerAssets, WEB_FILES } from '../../lib/handler-assets.js';
import { handlerEntry, PROJECT_ROOT } from '../../lib/project-paths.js';

// The unit tests skip bundling, so nothing else notices a handler that reads fonts
// or web files the bundle lacks: this bundles every handler (esbuild, nothing
// written) and checks lib/handler-assets.ts against the modules each output keeps
// after tree-shaking, both ways (a module imported but shaken away needs nothing).

const handlers = [...new Set([...routes.map((r) => r.handler), ...jobs.map((j) => j.handler)])].sort();

async function importsByHandler(): Promise<Map<string, string[]>> {
  const result = await build({
    entryPoints: Object.fromEntries(handlers.map((h) => [h, handlerEntry(h)])),
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    outdir: 'cdk-imports-check',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const map = new Map<string, string[]>();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const handler = out.match(/([^/]+)\.js$/)?.[1];
    if (handler && meta.entryPoint) map.set(handler, Object.keys(meta.inputs));
  }
  return map;
}

describe('handler assets', () => {
  it('fonts copied under the names functions/documents/fonts.ts looks for', () => {
    expect(Object.values(FONT_FILES).sort()).toEqual(Object.values(BUNDLED_FONT_FILES).sort());
  });

  it('exactly the handlers that render PDFs get the fonts, and the web handler the web files', async () => {
    const imports = await importsByHandler();
    const problems: string[] = [];
    for (const handler of handlers) {
      const inputs = imports.get(handler) ?? [];
      const env = handlerAssets[handler]?.environment ?? {};
      const needsFonts = inputs.some((i) => i.endsWith('functions/documents/fonts.ts'));
      const needsWeb = inputs.some((i) => i.endsWith('functions/web/static-assets.ts'));
      if (needsFonts !== 'FONT_DIR' in env) problems.push(`${handler}: ${needsFonts ? 'renders PDFs without' : 'carries unused'} fonts`);
      if (needsWeb !== 'WEB_DIR' in env) problems.push(`${handler}: ${needsWeb ? 'serves web files without' : 'carries unused'} web files`);
    }
    for (const name of Object.keys(handlerAssets)) if (!handlers.includes(name)) problems.push(`${name}: in handler-assets.ts but not in routes or jobs`);
    expect(problems).toEqual([]);
    // Bundling every handler takes ~20 s alone; next to test/cdk/bundle-size.test.ts on 2 cores, longer.
  }, 120_000);

  it("the web handler's bundle serves the page and every ES module it loads, from the copied web/", () => {
    const out = mkdtempSync(join(tmpdir(), 'qd-web-bundle-'));
    const saved = process.env.WEB_DIR;
    try {
      // The same copy commands the CDK runs after bundling, into a scratch bundle.
      for (const command of copyFilesHooks(WEB_FILES.copyFiles ?? []).afterBundling(PROJECT_ROOT, out)) execSync(command);
      process.env.WEB_DIR = join(out, 'web');
      resetWebAssets();
      const seen = new Set<string>();
      const visit = (file: string, body: string) => {
        for (const m of body.matchAll(/(?:\/assets\/|\.\/)([\w.-]+\.(?:js|css))\?v=([\w-]+)/g)) {
          const [, name, version] = m as unknown as [string, string, string];
          if (seen.has(name)) continue;
          seen.add(name);
          const res = serveAsset({ file: name, version });
          expect(res.statusCode, name).toBe(200);
          expect(res.headers?.['cache-control'], name).toBe('public, max-age=31536000, immutable');
          expect(res.headers?.['content-type'], name).toBe(name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
          visit(name, String(res.body));
        }
      };
      visit('index.html', String(serveAsset({ file: '' }).body));
      // Every module of the page (web/*.js but the scripts of other pages: the API
      // reference's, the local provider's sign-out page's, the person's own page's),
      // the sign-in library served from node_modules, and the stylesheet.
      const otherPages = new Set(['api-docs.js', 'signout-auto.js']);
      const expected = [
        ...readdirSync(join(PROJECT_ROOT, 'web')).filter((f) => f.endsWith('.js') && !otherPages.has(f) && !f.startsWith('me-')),
        'oidc-client-ts.min.js',
        'app.css',
      ];
      expect([...seen].sort()).toEqual(expected.sort());
    } finally {
      if (saved === undefined) delete process.env.WEB_DIR;
      else process.env.WEB_DIR = saved;
      resetWebAssets();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
