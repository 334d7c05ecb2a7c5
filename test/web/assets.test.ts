import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resetWebAssets, serveAsset, webDir } from '../../functions/web/static-assets.js';

// The static file server of the web form, on a directory of its own (WEB_DIR, as in the Lambda bundle).

let dir: string;
const saved = process.env.WEB_DIR;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qd-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script><img src="/assets/missing.png">');
  writeFileSync(join(dir, 'app.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
  writeFileSync(join(dir, 'app.css'), 'body{}');
  writeFileSync(join(dir, '.secret'), 'no');
  process.env.WEB_DIR = dir;
  resetWebAssets();
});
afterAll(() => {
  if (saved === undefined) delete process.env.WEB_DIR;
  else process.env.WEB_DIR = saved;
  resetWebAssets();
});

describe('web assets', () => {
  it('reads WEB_DIR and versions the references of index.html by content hash', () => {
    expect(webDir()).toBe(dir);
    const page = serveAsset({ file: '' });
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers?.['cache-control']).toBe('no-cache');
    const v = /app\.js\?v=([\w-]+)/.exec(String(page.body))?.[1];
    expect(v).toBeDefined();
    expect(String(page.body)).toContain('src="/assets/missing.png"');

    const versioned = serveAsset({ file: 'app.js', version: v });
    expect(versioned.headers?.['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(versioned.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    expect(serveAsset({ file: 'app.js', version: 'old' }).headers?.['cache-control']).toBe('no-cache');
  });

  it('answers 304 to a matching ETag and gzips text when asked', () => {
    const first = serveAsset({ file: 'app.js' });
    const etag = String(first.headers?.etag);
    expect(serveAsset({ file: 'app.js', ifNoneMatch: etag }).statusCode).toBe(304);
    const zipped = serveAsset({ file: 'app.js', acceptEncoding: 'gzip, deflate, br' });
    expect(zipped.headers?.['content-encoding']).toBe('gzip');
    expect(zipped.isBase64Encoded).toBe(true);
    expect(gunzipSync(Buffer.from(String(zipped.body), 'base64')).toString()).toBe(String(first.body));
    // Tiny files are not worth compressing.
    expect(serveAsset({ file: 'app.css', acceptEncoding: 'gzip' }).headers?.['content-encoding']).toBeUndefined();
  });

  it('serves nothing outside the directory, no dot files and no unknown types', () => {
    for (const file of ['../package.json', '..', '.secret', 'sub/app.js', 'app.ts', 'missing.png', 'a'.repeat(200) + '.js']) {
      expect(() => serveAsset({ file }), file).toThrowError(expect.objectContaining({ status: 404 }));
    }
  });

  it('versions the imports of ES modules by content hash, so a change reaches every importer, and preloads the graph', () => {
    writeFileSync(join(dir, 'mod.html'), '<!doctype html><script type="module" src="/assets/entry.js"></script>');
    writeFileSync(join(dir, 'entry.js'), "import { b } from './b.js';\nimport './c.js';\nconsole.log(b);");
    writeFileSync(join(dir, 'b.js'), "export { c as b } from './c.js';");
    writeFileSync(join(dir, 'c.js'), 'export const c = 1;');
    const hashOf = (file: string) => /\?v=([\w-]+)/.exec(String(serveAsset({ file: '', page: 'mod.html' }).body).match(new RegExp(`/assets/${file}\\?v=[\\w-]+`))?.[0] ?? '')?.[1];
    const page = String(serveAsset({ file: '', page: 'mod.html' }).body);
    const entry = serveAsset({ file: 'entry.js' });
    const b = serveAsset({ file: 'b.js' });
    const c = serveAsset({ file: 'c.js' });
    // One URL per module: the page's preload, the entry's import and b's import of c all agree.
    expect(page).toContain(`<link rel="modulepreload" href="/assets/b.js?v=${hashOf('b.js')}">`);
    expect(page).toContain(`<link rel="modulepreload" href="/assets/c.js?v=${hashOf('c.js')}">`);
    expect(String(entry.body)).toContain(`from './b.js?v=${hashOf('b.js')}'`);
    expect(String(entry.body)).toContain(`import './c.js?v=${hashOf('c.js')}'`);
    expect(String(b.body)).toContain(`from './c.js?v=${hashOf('c.js')}'`);
    expect(c.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    expect(serveAsset({ file: 'b.js', version: hashOf('b.js') }).headers?.['cache-control']).toBe('public, max-age=31536000, immutable');

    // Changing the leaf changes the hash of every module above it and of the page's reference.
    const before = { entry: hashOf('entry.js'), b: hashOf('b.js'), c: hashOf('c.js') };
    writeFileSync(join(dir, 'c.js'), 'export const c = 2;');
    utimesSync(join(dir, 'c.js'), new Date(), new Date(Date.now() + 5000));
    const after = { entry: hashOf('entry.js'), b: hashOf('b.js'), c: hashOf('c.js') };
    expect(after.c).not.toBe(before.c);
    expect(after.b).not.toBe(before.b);
    expect(after.entry).not.toBe(before.entry);
    expect(String(serveAsset({ file: 'b.js' }).body)).toContain(`./c.js?v=${after.c}`);
  });

  it('leaves a missing module or an import cycle unversioned rather than failing', () => {
    writeFileSync(join(dir, 'x.js'), "import './y.js';\nimport './gone.js';");
    writeFileSync(join(dir, 'y.js'), "import './x.js';");
    const x = String(serveAsset({ file: 'x.js' }).body);
    expect(x).toMatch(/import '\.\/y\.js\?v=[\w-]+'/);
    expect(x).toContain("import './gone.js'");
    expect(String(serveAsset({ file: 'y.js' }).body)).toMatch(/import '\.\/x\.js(\?v=[\w-]+)?'/);
  });
});
