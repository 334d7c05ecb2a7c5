import { execFile } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetLabSecrets } from '../../functions/ports/lab-secrets.js';
import { resetIntegrationConfig } from '../../functions/shared/integration-config.js';
import { startApi, type TestApi } from '../support/api.js';
import { facilityWithRooms } from '../support/fixtures.js';
import { deliver, result, stayArrived } from './lab-support.js';

// `npm run lab -- add NAME | list | sign` and the file adapter the local server
// uses by default (.data/labs.json; here a temporary file).

const run = promisify(execFile);
const file = join(mkdtempSync(join(tmpdir(), 'labs-')), 'labs.json');
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'local/lab-cli.ts', ...args, '--file', file], { env: { ...process.env, LOG_LEVEL: 'silent' } });
let api: TestApi;

beforeAll(async () => {
  delete process.env.LAB_SECRETS;
  process.env.LAB_SECRETS_FILE = file;
  resetIntegrationConfig();
  resetLabSecrets();
  api = await startApi();
});
afterAll(async () => {
  delete process.env.LAB_SECRETS_FILE;
  await api.close();
});

describe('lab CLI and the file adapter', () => {
  it('adds a lab with a random 32-byte secret, lists it without the secret, and the webhook accepts its signature', async () => {
    const added = JSON.parse((await cli('add', 'Henan', 'CDC', 'Lab')).stdout);
    expect(added.labId).toMatch(/^henan-cdc-lab-[0-9A-Z]{6}$/);
    expect(added.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = JSON.parse((await cli('add', '郑州检测中心')).stdout);
    expect(second.labId).toMatch(/^lab-[0-9A-Z]{6}$/);
    expect(second.secret).not.toBe(added.secret);

    const list = (await cli('list')).stdout;
    expect(list).toContain(added.labId);
    expect(list).toContain('Henan CDC Lab');
    expect(list).not.toContain(added.secret);

    const f = await facilityWithRooms(api, 1);
    const stay = await stayArrived(api, f, 2);
    // Signed by a new lab with no scope yet: accepted, but it serves no facility.
    const unscoped = await deliver(api, { labId: added.labId, secret: added.secret }, { results: [result({ stayId: stay.stayId })] });
    expect(unscoped.body.results[0]).toMatchObject({ status: 'unmatched', unmatchedReason: 'outside_lab_scope' });
    const scoped = await api.call('PUT', `/labs/${added.labId}/facilities`, { token: f.admin, body: { facilities: [f.facilityId] } });
    expect(scoped.status).toBe(200);
    const ok = await deliver(api, { labId: added.labId, secret: added.secret }, { results: [result({ stayId: stay.stayId })] });
    expect(ok.status).toBe(200);
    expect(ok.body.results[0].status).toBe('stored');
    const bad = await deliver(api, { labId: added.labId, secret: second.secret }, { results: [result({ stayId: stay.stayId })] });
    expect(bad.status).toBe(401);
  }, 60_000);

  it('sign prints the three headers for a body on stdin', async () => {
    const added = JSON.parse((await cli('add', 'Sign Lab')).stdout);
    const child = execFile(process.execPath, ['--import', 'tsx', 'local/lab-cli.ts', 'sign', added.labId, '--file', file]);
    child.stdin!.end('{"results":[]}');
    const out = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout!.on('data', (d) => (text += d));
      child.on('close', () => resolve(text));
    });
    expect(out).toMatch(new RegExp(`^x-lab-id: ${added.labId}\\nx-lab-timestamp: \\d+\\nx-lab-signature: sha256=[0-9a-f]{64}\\n$`));
  }, 60_000);
});
