import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { startLocalStack, type LocalStack } from '../../local/local-stack.js';
import { freePort } from '../support/free-port.js';
import { newLab, useLabs } from '../lab/lab-support.js';

// The README's curl walkthrough, run as written (bash, curl, jq, `npm run token`)
// against the local stack on port 3000, and its endpoint table checked against the
// route table, so the documentation cannot drift from the code.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first sh block after a heading. */
function shBlock(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error(`README has no sh block under ${heading}`);
  return block[1];
}
const walkthrough = () => shBlock('## Walkthrough');

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

  it('home isolation walkthrough runs as written (after the hotel one)', async () => {
    // `npm run job` finds a running `npm start` through .data/stack.json; this in-memory stack is named in the environment.
    const env = { ...process.env, DYNAMODB_ENDPOINT: stack.dynamo.endpoint, TABLE_NAME: 'readme-walkthrough' };
    const { stdout } = await promisify(execFile)('bash', ['-c', `set -euo pipefail\n${shBlock('## Home isolation walkthrough')}`], { cwd: process.cwd(), env, timeout: 150_000, maxBuffer: 4 << 20 });
    expect(stdout).toContain('"kind": "home_programme"');
    expect(stdout).toMatch(/home stay S[0-9A-Z]{12}/);
    expect(stdout).toContain('"teamId": "hp-01"');
    expect(stdout).toContain('"end_check_missing"');
    expect(stdout).toContain('"doctorName": "王建国"');
    expect(stdout).toContain('"event": "schedule_changed"');
    expect(stdout).toContain('"hotel": "continued"');
    expect(stdout).toContain('"room": "cleaning"');
    // The policy's escalation, the team edit, and a missed slot's follow-up for the member on duty, named.
    expect(stdout).toContain('"teamOnDuty": 60');
    expect(stdout).toContain('"evening": "police"');
    expect(stdout).toMatch(/follow-up \{"followUpId":"\d{4}-\d{2}-\d{2}-(morning|evening)","nameNative":"陈静","gridCell":"HP-01","slot":"(morning|evening)","step":4,"role":"(cadre|police)","assignee":"(李娜|赵强)"\}/);
    expect(stdout).toMatch(/"recipient":\{"role":"(cadre|police)","name":"(李娜|赵强)"\},"line":\{"name":"陈静","address":"金水区和平街道幸福里 3 号楼 2 单元 501","gridCell":"HP-01","step":3\}/);
    expect(stdout).toContain('"note": "电话联系：体温计坏了，已送新的，体温 36.5"');
  }, 180_000);

  it('lab signing example (curl + openssl) is accepted by the webhook as written', async () => {
    // The example's two placeholders are what `npm run lab -- add` prints; everything else runs verbatim.
    const lab = newLab('readme-lab');
    await useLabs(lab);
    const script = shBlock('## Lab webhook')
      .replace(/^LAB_ID=.*$/m, `LAB_ID=${lab.labId}`)
      .replace(/^SECRET=.*$/m, `SECRET=${lab.secret}`);
    expect(script).toContain('openssl dgst -sha256 -hmac');
    const { stdout } = await promisify(execFile)('bash', ['-c', `set -euo pipefail\n${script}`], { timeout: 60_000 });
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ labId: lab.labId, received: 1 });
    // The walkthrough above checked in the holder of that passport: the result lands on their file.
    expect(answer.results[0]).toMatchObject({ sampleId: 'HN2212040417', status: 'stored', stayId: expect.stringMatching(/^S[0-9A-Z]{12}$/) });
  });

  it('documents every route', () => {
    for (const r of routes) {
      expect(readme, `${r.method} ${r.path}`).toMatch(new RegExp(`\\| ${r.method} \\| \`${r.path.replace(/[{}.?]/g, '\\$&')}\``));
    }
  });
});
