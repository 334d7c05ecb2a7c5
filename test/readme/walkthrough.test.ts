import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { startLocalStack, type LocalStack } from '../../local/local-stack.js';
import { freePort } from '../support/free-port.js';

// The README's curl walkthrough, run as written (bash, curl, jq, `npm run token`)
// against the local stack on port 3000, and its endpoint table checked against the
// route table, so the documentation cannot drift from the code.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function walkthrough(): string {
  const section = readme.slice(readme.indexOf('## Walkthrough'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('README has no walkthrough block');
  return block[1];
}

let stack: LocalStack;
beforeAll(async () => {
  // The walkthrough talks to localhost:3000 and signs tokens with .data/'s key, like `npm start`.
  stack = await startLocalStack({ port: 3000, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'readme-walkthrough', jobs: false });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

describe('README', () => {
  it('walkthrough runs as written', async () => {
    const { stdout } = await promisify(execFile)('bash', ['-c', `set -euo pipefail\n${walkthrough()}`], { cwd: process.cwd(), timeout: 120_000, maxBuffer: 4 << 20 });
    expect(stdout).toMatch(/stay S[0-9A-Z]{12}/);
    expect(stdout).toContain('"created": 1');
    expect(stdout).toContain('"path": "person.nameLatin"');
    expect(stdout.trim().endsWith('403')).toBe(true);
  }, 150_000);

  it('documents every route', () => {
    for (const r of routes) {
      const path = r.path === '/documents/{file}' ? '/documents/{documentId}.pdf' : r.path;
      expect(readme, `${r.method} ${r.path}`).toMatch(new RegExp(`\\| ${r.method} \\| \`${path.replace(/[{}.?]/g, '\\$&')}`));
    }
  });
});
