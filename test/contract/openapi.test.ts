import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { operations } from '../../functions/contract.js';
import { buildOpenApi } from '../../functions/openapi.js';
import { routeKey, routes } from '../../functions/routes.js';
import { contractViolation } from '../support/contract.js';

// The contract itself: every route has one, the generated document lints clean
// (Redocly CLI, offline), and the validator the test helper runs on every response
// does catch a response that breaks it.

const run = promisify(execFile);
const doc = buildOpenApi();

describe('the API contract', () => {
  it('has an entry for every route of the route table, and none for a route that does not exist', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((k) => !operations[k]), 'routes without an entry in functions/contract.ts').toEqual([]);
    expect(Object.keys(operations).filter((k) => !keys.includes(k)), 'contract entries without a route').toEqual([]);
  });

  it('documents every route with a success response, its parameters and security', () => {
    for (const r of routes) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()] as { responses: Record<string, unknown>; parameters?: { name: string; in: string }[]; security: unknown[] };
      expect(op, routeKey(r)).toBeDefined();
      expect(Object.keys(op.responses).some((s) => s.startsWith('2')), `${routeKey(r)} has a 2xx`).toBe(true);
      const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? [], routeKey(r)).toEqual(names);
      expect(op.security, routeKey(r)).toEqual(r.access === 'public' ? [] : r.access === 'lab' ? [{ labId: [], labTimestamp: [], labSignature: [] }] : [{ bearer: [] }]);
      if (r.access !== 'public') expect(Object.keys(op.responses), routeKey(r)).toContain('401');
    }
  });

  it('lints with Redocly CLI without errors, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const { stdout, stderr } = await run('node_modules/.bin/redocly', ['lint', file, '--format=json'], {
      // No telemetry, no update check: the lint must not need the network.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stdout: string; stderr: string }) => err);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number }; problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors, stderr).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('lists every problem type and error code', () => {
    const text = JSON.stringify(doc);
    for (const code of ['invalid_type', 'unrecognized_keys', 'invalid_cursor', 'person_has_open_stay', 'retest_missing', 'check_exists']) expect(text).toContain(code);
    for (const title of ['Invalid input', 'Forbidden', 'Conflict', 'Gone', 'Service unavailable']) expect(text).toContain(title);
  });

  it('catches a response that breaks it', () => {
    const facility = { facilityId: 'f', name: 'F', timeZone: 'Asia/Shanghai', policy: { stayDays: 14, retestDays: [12], documentDay: 13 }, createdAt: '2026-12-01T00:00:00Z', createdBy: 'admin' };
    const res = (status: number, body: unknown, contentType = 'application/json') => ({ method: 'GET', path: '/facilities/f?x=1', status, contentType, body, text: JSON.stringify(body) });
    expect(contractViolation(res(200, facility))).toBeUndefined();
    expect(contractViolation(res(200, { ...facility, secret: 1 }))).toMatch(/does not match[\s\S]*secret/);
    expect(contractViolation(res(200, { ...facility, policy: { stayDays: 'x' } }))).toMatch(/\/policy/);
    expect(contractViolation(res(418, {}))).toMatch(/status 418 is not documented/);
    expect(contractViolation(res(200, facility, 'text/html'))).toMatch(/undocumented content type/);
    expect(contractViolation({ ...res(404, { message: 'Not Found' }), path: '/nowhere' })).toBeUndefined();
    expect(contractViolation({ ...res(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'no' }, 'application/problem+json') })).toBeUndefined();
  });
});
