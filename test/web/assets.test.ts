import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
