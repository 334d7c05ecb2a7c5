import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import '../shared/zod-messages.js';
import { NotFoundError } from '../shared/errors.js';
import type { HttpResult } from '../shared/http-chain.js';
import { VENDOR_FILES } from './vendor-files.js';

// The staff web form: plain files under web/ (no build step), served by one Lambda.
// The directory is WEB_DIR when set (the Lambda bundle sets it), else <cwd>/web
// (the project root locally and in tests; /var/task/web in a bundle that copies web/).
// index.html is rewritten at serve time so each /assets/<file> reference carries the
// file's content hash (?v=...): assets can then be cached for a year, and a deploy
// changes the references. The page is native ES modules: each module's relative
// imports (`from './x.js'`) are versioned the same way, so a module's hash covers the
// modules it imports, and the page preloads the static import graph of its module
// scripts (<link rel="modulepreload">: no request waterfall); screens the entry
// loads with import() come when first opened (versioned the same way). Every response carries
// a strict Content-Security-Policy.

const WebConfig = z.object({ WEB_DIR: z.optional(z.string().check(z.minLength(1))) });

let dir: string | undefined;

export function webDir(): string {
  if (!dir) {
    const parsed = WebConfig.safeParse(process.env);
    if (!parsed.success) throw new Error('Invalid configuration: WEB_DIR');
    dir = resolve(parsed.data.WEB_DIR ?? join(process.cwd(), 'web'));
  }
  return dir;
}

/** Tests point WEB_DIR elsewhere; this forgets the directory and the cached files. */
export function resetWebAssets(): void {
  dir = undefined;
  cache.clear();
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const TEXTUAL = /^(text\/|application\/json|image\/svg)/;

/** Pages (not assets): never cached without revalidation, their asset references versioned. */
const isPage = (name: string) => name.endsWith('.html');

/** A flat file name: letters, digits, - and _, and a known extension. No paths, no dot files. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,60}(\.[A-Za-z0-9]{1,8}){1,2}$/;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The page's policy where sign-in is on another origin (Cognito's managed login
 * domain, OIDC_DOMAIN_URL): the page's token requests go there too.
 */
function pagePolicy(): string {
  const domain = process.env.OIDC_DOMAIN_URL;
  if (!domain) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${new URL(domain).origin}`);
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'strict-transport-security': 'max-age=31536000',
};

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  /** Short content hash, used as the ?v= of references. */
  hash: string;
  mtimeMs: number;
  /** A module's relative imports (flat file names), each with the hash its reference carries; `lazy` for `import('./x.js')`. */
  imports: readonly { file: string; hash: string; lazy?: true }[];
}

const cache = new Map<string, Asset>();

const digest = (b: Buffer) => createHash('sha256').update(b).digest('base64url');

/** Static and dynamic relative imports of a module: `from './x.js'`, `import './x.js'`, `import('./x.js')`. */
const IMPORT = /(\b(?:from|import)\s*\(?\s*)(['"])\.\/([\w.-]+\.js)\2/g;

/** `loading`: the modules being loaded above this one (cycle guard); `memo`: assets already checked in this request. */
function load(name: string, loading: ReadonlySet<string> = new Set(), memo = new Map<string, Asset>()): Asset {
  const known = memo.get(name);
  if (known) return known;
  const type = TYPES[extname(name).toLowerCase()];
  if (!FILE_NAME.test(name) || !type) throw new NotFoundError('No such file.');
  let path = join(webDir(), name);
  let mtimeMs: number;
  try {
    const vendor = VENDOR_FILES[name];
    if (vendor && !existsSync(path)) path = join(process.cwd(), vendor);
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    mtimeMs = stat.mtimeMs;
  } catch {
    throw new NotFoundError('No such file.');
  }
  // Re-read only when the file (or a module it imports) changed: never in a Lambda
  // bundle; handy with `npm start`.
  const hit = cache.get(name);
  const within = new Set([...loading, name]);
  if (hit && hit.mtimeMs === mtimeMs && !isPage(name) && hit.imports.every((i) => tryLoad(i.file, within, memo)?.hash === i.hash)) {
    memo.set(name, hit);
    return hit;
  }
  let body: Buffer = readFileSync(path);
  let imports: Asset['imports'] = [];
  if (isPage(name)) body = Buffer.from(versionReferences(body.toString('utf8'), within, memo));
  else if (name.endsWith('.js') && !VENDOR_FILES[name]) ({ body, imports } = versionImports(body, within, memo));
  if (hit && hit.mtimeMs === mtimeMs && hit.body.equals(body)) {
    memo.set(name, hit);
    return hit;
  }
  const hash = digest(body);
  const zipped = TEXTUAL.test(type) && body.length > 1024 ? gzipSync(body, { level: 9 }) : undefined;
  const asset: Asset = {
    body,
    ...(zipped && zipped.length < body.length ? { gzip: zipped } : {}),
    type,
    etag: `W/"${hash.slice(0, 27)}"`,
    hash: hash.slice(0, 10),
    mtimeMs,
    imports,
  };
  cache.set(name, asset);
  memo.set(name, asset);
  return asset;
}

/** The asset, or undefined when it does not exist or is being loaded (an import cycle). */
function tryLoad(name: string, loading: ReadonlySet<string>, memo: Map<string, Asset>): Asset | undefined {
  if (loading.has(name)) return undefined;
  try {
    return load(name, loading, memo);
  } catch {
    return undefined;
  }
}

/**
 * `from './i18n.js'` -> `from './i18n.js?v=<hash>'`. Every importer names the same URL,
 * so the browser keeps one instance of each module. A missing module or an import
 * cycle keeps its plain reference (test/web/modules.test.ts fails on one).
 */
function versionImports(source: Buffer, loading: ReadonlySet<string>, memo: Map<string, Asset>): { body: Buffer; imports: Asset['imports'] } {
  const text = source.toString('utf8');
  if (!text.includes('./')) return { body: source, imports: [] };
  const imports: { file: string; hash: string; lazy?: true }[] = [];
  const out = text.replace(IMPORT, (whole, head: string, quote: string, file: string) => {
    const dep = tryLoad(file, loading, memo);
    if (!dep) return whole;
    const lazy = head.includes('(');
    const known = imports.find((i) => i.file === file);
    // Imported both ways: the static import wins (the module is needed at load).
    if (!known) imports.push({ file, hash: dep.hash, ...(lazy ? { lazy } : {}) });
    else if (!lazy) delete known.lazy;
    return `${head}${quote}./${file}?v=${dep.hash}${quote}`;
  });
  return { body: Buffer.from(out), imports };
}

/**
 * Every module `entry` reaches by its static imports (not itself), in a stable order:
 * what the page preloads. A screen imported with import() is fetched when first opened.
 */
function importGraph(entry: string): { file: string; hash: string }[] {
  const seen = new Map<string, string>();
  const visit = (name: string) => {
    for (const i of cache.get(name)?.imports ?? []) {
      if (i.lazy || seen.has(i.file) || i.file === entry) continue;
      seen.set(i.file, i.hash);
      visit(i.file);
    }
  };
  visit(entry);
  return [...seen].map(([file, hash]) => ({ file, hash }));
}

/**
 * `/assets/app.js` -> `/assets/app.js?v=<hash>` for every asset the page references;
 * after a module script, a modulepreload link for each module of its import graph.
 */
function versionReferences(html: string, loading: ReadonlySet<string>, memo: Map<string, Asset>): string {
  const versioned = html.replace(/(src|href)="\/assets\/([^"?#]+)"/g, (whole, attr: string, file: string) => {
    const asset = tryLoad(file, loading, memo);
    return asset ? `${attr}="/assets/${file}?v=${asset.hash}"` : whole;
  });
  return versioned.replace(/<script type="module" src="\/assets\/([^"?#]+)\?v=[\w-]+"><\/script>/g, (tag, file: string) =>
    [tag, ...importGraph(file).map((m) => `<link rel="modulepreload" href="/assets/${m.file}?v=${m.hash}">`)].join('\n'),
  );
}

export interface AssetRequest {
  /** File under the web directory; empty for the page itself. */
  file: string;
  /** The page to serve when `file` is empty (default index.html). */
  page?: string;
  version?: string;
  ifNoneMatch?: string;
  acceptEncoding?: string;
}

export function serveAsset(req: AssetRequest): HttpResult {
  const name = req.file === '' ? (req.page ?? 'index.html') : req.file;
  const asset = load(name);
  const cacheControl = isPage(name) || req.version !== asset.hash ? 'no-cache' : 'public, max-age=31536000, immutable';
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-security-policy': pagePolicy(), etag: asset.etag, 'cache-control': cacheControl, vary: 'accept-encoding' };
  const tags = (req.ifNoneMatch ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes(asset.etag.replace(/^W\//, '')) || tags.includes('*')) return { statusCode: 304, headers, body: '' };
  headers['content-type'] = asset.type;
  const gzip = asset.gzip && /\bgzip\b/i.test(req.acceptEncoding ?? '');
  if (gzip && asset.gzip) {
    headers['content-encoding'] = 'gzip';
    return { statusCode: 200, headers, body: asset.gzip.toString('base64'), isBase64Encoded: true };
  }
  if (TEXTUAL.test(asset.type)) return { statusCode: 200, headers, body: asset.body.toString('utf8') };
  return { statusCode: 200, headers, body: asset.body.toString('base64'), isBase64Encoded: true };
}
