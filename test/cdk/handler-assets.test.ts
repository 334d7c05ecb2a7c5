import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES } from '../../functions/documents/fonts.js';
import { jobs, routes } from '../../functions/routes.js';
import { resetWebAssets, serveAsset } from '../../functions/web/static-assets.js';
import { copyFilesHooks } from '../../lib/copy-files.js';
import { VENDOR_FILES } from '../../functions/web/vendor-files.js';
import { openApiJson } from '../../functions/openapi.js';
import { esbuildOptions } from '../../lib/bundling.js';
import { FONT_FILES, handlerAssets, OPENAPI_DOCUMENT, WEB_FILES } from '../../lib/handler-assets.js';
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
      // Every module of the page (web/*.js but the API reference's script, the local sign-out page's and the
      // person's own page's me-*.js), the vendored scripts (but the API reference's) and the stylesheet.
      const own = readdirSync(join(PROJECT_ROOT, 'web')).filter((f) => f.endsWith('.js') && f !== 'api-docs.js' && f !== 'signout-auto.js' && !f.startsWith('me-'));
      const expected = [...own, ...Object.keys(VENDOR_FILES).filter((f) => f.endsWith('.js') && !f.startsWith('swagger-ui')), 'app.css'];
      expect([...seen].sort()).toEqual(expected.sort());
    } finally {
      if (saved === undefined) delete process.env.WEB_DIR;
      else process.env.WEB_DIR = saved;
      resetWebAssets();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("the OpenAPI function's bundle serves the document prebuilt at synth (the generator only behind a dynamic import)", async () => {
    const out = mkdtempSync(join(tmpdir(), 'qd-openapi-bundle-'));
    // The bundle reads the standard configuration (shared/config.ts) as a deployed function does.
    const saved = { TABLE_NAME: process.env.TABLE_NAME, LOG_LEVEL: process.env.LOG_LEVEL };
    process.env.TABLE_NAME ??= 'qd-bundle-test';
    process.env.LOG_LEVEL = 'silent';
    try {
      OPENAPI_DOCUMENT.prepare?.();
      for (const command of copyFilesHooks(OPENAPI_DOCUMENT.copyFiles ?? []).afterBundling(PROJECT_ROOT, out)) execSync(command);
      expect(readFileSync(join(out, 'openapi.json'), 'utf8')).toBe(openApiJson());
      await build({ ...esbuildOptions(), entryPoints: [handlerEntry('get-openapi')], outfile: join(out, 'index.mjs'), logLevel: 'silent' });
      // What it answers is the file, not a document built again: mark the copy.
      const marked = openApiJson().replace('"quarantine-desk API"', '"quarantine-desk API (prebuilt)"');
      writeFileSync(join(out, 'openapi.json'), marked);
      const mod = (await import(join(out, 'index.mjs'))) as { handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }> };
      const res = await mod.handler({ rawPath: '/openapi.json', requestContext: { requestId: 'r', http: { method: 'GET', path: '/openapi.json' } }, headers: {} }, {});
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(marked);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
