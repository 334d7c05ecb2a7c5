import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';

// Path traversal on the public routes that take a file or id from the path:
// GET /assets/{file}, /documents/{file} and /verify/{documentId}. The raw request
// target is sent as is (fetch would normalise ../ away before it left the client).
// Every attempt is a 404 or 400 and no answer holds a file of the machine or project.

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

/** Sends `target` verbatim as the request line's path. */
function rawGet(target: string): Promise<{ status: number; text: string }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'GET', path: target, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const TARGETS = [
  'package.json',
  '..%2Fpackage.json',
  '..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2fpackage.json',
  '%2E%2E%2F%2E%2E%2Fpackage.json',
  '..%5Cpackage.json',
  '..%5C..%5C..%5Cetc%5Cpasswd',
  '%2e%2e%5cpackage.json',
  '..\\package.json',
  '%252e%252e%252fpackage.json',
  '..%252f..%252fetc%252fpasswd',
  '%c0%ae%c0%ae%c0%afpackage.json',
  '%2Fetc%2Fpasswd',
  '%2F%2Fetc%2Fpasswd',
  'app.js%00',
  'app.js%00.pdf',
  '%00',
  'package.json%00.css',
  '....%2F%2Fpackage.json',
  '.env',
  '.git%2Fconfig',
  '~%2F.ssh%2Fid_rsa',
  'index.html%2F..%2F..%2Fpackage.json',
  'D0000000000000%2F..%2F..%2Fpackage.json',
  `${'..%2F'.repeat(40)}etc%2Fpasswd`,
];

/** Bits of files that must never come back. */
const LEAKS = ['root:', '"devDependencies"', '"quarantine-desk"', '"compilerOptions"', 'PRIVATE KEY', '[core]', 'DYNAMODB_ENDPOINT'];

describe('path traversal on public file and id routes', () => {
  const prefixes = ['/assets/', '/documents/', '/verify/'];
  const requests = prefixes.flatMap((p) => TARGETS.flatMap((t) => [`${p}${t}`, `${p}${t}?key=x&v=1`]));
  // Unencoded ../ in the raw request line: the server must not resolve them to a file either.
  requests.push('/assets/../package.json', '/assets/../../etc/passwd', '/documents/../package.json', '/verify/../../etc/passwd', '/assets/..%2f..%2fpackage.json', '/assets/./app.js/../../package.json');

  it(`answers ${requests.length} traversal attempts with 404/400 and no file contents`, async () => {
    const bad: string[] = [];
    for (const target of requests) {
      const res = await rawGet(target);
      if (![400, 404].includes(res.status)) bad.push(`${target} -> ${res.status}`);
      for (const leak of LEAKS) if (res.text.includes(leak)) bad.push(`${target} leaked ${leak}`);
    }
    expect(bad).toEqual([]);
  });

  it('resolves whole dot segments like any URL (/assets/.. and /assets/%2e%2e are /) and serves only the web page there', async () => {
    const home = await rawGet('/');
    for (const target of ['/assets/..', '/documents/..', '/verify/..', '/assets/.', '/assets/../', '/assets/%2e%2e', '/documents/%2E%2E', '/verify/%2e', '/assets/%2e%2e?v=1']) {
      const res = await rawGet(target);
      expect([200, 404]).toContain(res.status);
      if (res.status === 200) expect(res.text).toBe(home.text);
    }
  });

  it('still serves the real assets (the probes above are refused, not the route)', async () => {
    expect((await rawGet('/assets/app.js')).status).toBe(200);
    expect((await rawGet('/')).status).toBe(200);
  });
});
