import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { jobs, routes, type RouteDef } from '../../functions/routes.js';
import { planHandlers } from '../../lib/route-plan.js';
import { DOCUMENT_KEY_PATTERN } from '../../lib/table-access.js';
import { actionsOf, dynamoActions, policiesOf, roleStatements, synth, type Resource } from './synth.js';

// Least privilege on the table, per function, from the declarations in
// functions/routes.ts; and a check that those declarations match what the code
// of each handler can reach, so a new Delete cannot ship without its permission.

const real = synth();
const plans = planHandlers(routes);
const jobWhat = (name: string) => new RegExp(`^quarantine-desk job ${name} \\(`);
const allPolicies = () => policiesOf(real.template);

describe('table permissions', () => {
  it('no policy anywhere grants Scan, a dynamodb wildcard or the whole index set', () => {
    const statements = allPolicies().flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const actions = actionsOf(statements as never);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && a.includes('*'))).toEqual([]);
    // Nor the stream or table-management actions CDK's grantReadData would add.
    expect(actions.filter((a) => /dynamodb:(DescribeTable|GetRecords|GetShardIterator|BatchWriteItem)/.test(a))).toEqual([]);
    for (const s of statements) if ([s.Action].flat().some((a) => a.startsWith('dynamodb:'))) expect(JSON.stringify(s.Resource)).not.toContain('index/*');
  });

  it('the static-asset handler has no DynamoDB permission at all', () => {
    expect(plans.find((p) => p.handler === 'web-assets')).toMatchObject({ table: 'none', deletes: false });
    expect(dynamoActions(roleStatements(real.template, 'web-assets'))).toEqual([]);
  });

  it('verification and download: GetItem on document items only (dynamodb:LeadingKeys)', () => {
    expect(DOCUMENT_KEY_PATTERN).toBe('DOCUMENT#*');
    for (const handler of ['verify-document', 'download-document']) {
      const statements = roleStatements(real.template, handler).filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
      expect(statements, handler).toHaveLength(1);
      expect(statements[0]).toMatchObject({
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DOCUMENT#*'] } },
      });
    }
  });

  it('DeleteItem exactly for the declared deleters, routes and jobs', () => {
    const deleters = new Set(routes.filter((r) => r.deletes).map((r) => r.handler));
    expect([...deleters].sort()).toEqual(['cancel-stay', 'change-schedule', 'continue-at-home', 'edit-person', 'lab-results', 'reassign-team', 'release-stay', 'transfer-stay', 'unassign-sample', 'update-team']);
    for (const plan of plans) {
      const actions = dynamoActions(roleStatements(real.template, plan.handler));
      if (deleters.has(plan.handler)) expect(actions, plan.handler).toContain('dynamodb:DeleteItem');
      else expect(actions, plan.handler).not.toContain('dynamodb:DeleteItem');
    }
    for (const job of jobs) {
      const actions = dynamoActions(roleStatements(real.template, jobWhat(job.name)));
      expect(actions, job.name).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
      if (job.deletes) expect(actions, job.name).toContain('dynamodb:DeleteItem');
      else expect(actions, job.name).not.toContain('dynamodb:DeleteItem');
    }
    expect(jobs.filter((j) => j.deletes).map((j) => j.name)).toEqual(['retention']);
    const withDelete = allPolicies().filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:DeleteItem'));
    expect(withDelete).toHaveLength(deleters.size + jobs.filter((j) => j.deletes).length);
  });

  it('readers read, writers also Put/Update/ConditionCheck; GSIs by name, Query only', () => {
    for (const plan of plans.filter((p) => p.table === 'read' || p.table === 'write')) {
      const statements = roleStatements(real.template, plan.handler).filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
      const reads = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
      const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'];
      const onTable = statements.find((s) => JSON.stringify(s.Resource).includes('"Arn"]}') && !JSON.stringify(s.Resource).includes('/index/'))!;
      expect(new Set([onTable.Action].flat()), plan.handler).toEqual(new Set([...reads, ...(plan.table === 'write' ? writes : []), ...(plan.deletes ? ['dynamodb:DeleteItem'] : [])]));
      const onIndexes = statements.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
      expect(onIndexes.Action, plan.handler).toBe('dynamodb:Query');
      expect(JSON.stringify(onIndexes.Resource)).toMatch(/\/index\/GSI1.*\/index\/GSI2.*\/index\/GSI3/);
    }
  });

  it('a handler that deletes must write; a handler serving several routes gets the widest access', () => {
    const r: RouteDef = { method: 'GET', path: '/x', handler: 'get-stay', access: 'staff' };
    expect(() => planHandlers([{ ...r, deletes: true }])).toThrow(/deletes but its table access is 'read'/);
    expect(() => planHandlers([{ ...r, table: 'documents-read', deletes: true }])).toThrow(/deletes/);
    const merged = planHandlers([
      { ...r, table: 'none' },
      { ...r, path: '/y', table: 'documents-read' },
    ]);
    expect(merged[0]).toMatchObject({ table: 'documents-read', readOnly: true, deletes: false });
    expect(planHandlers([r, { ...r, method: 'POST', deletes: true }])[0]).toMatchObject({ table: 'write', deletes: true, readOnly: false });
  });
});

// Which modules each handler's bundle keeps (esbuild metafile, tree-shaken, packages
// left out), and whether any of them issues a delete. Module-grained, so it is an
// over-approximation: a handler reaching a module that deletes must declare it.
const DELETES = /\bDeleteCommand\b|\bDelete:\s*\{|\bDeleteRequest\b/;
const SCANS = /\bScanCommand\b|\bParallelScan\b/;

async function reachedModules(handler: string): Promise<string[]> {
  const out = await build({
    entryPoints: [`functions/handlers/${handler}.ts`],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: 'out.js',
    logLevel: 'silent',
  });
  const output = Object.values(out.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([path, i]) => path.startsWith('functions/') && i.bytesInOutput > 0)
    .map(([path]) => path);
}

describe('declarations match the code', () => {
  it('a handler deletes (reaches a Delete) exactly when functions/routes.ts says so; nothing scans', async () => {
    const declared = new Map<string, boolean>([
      ...plans.map((p) => [p.handler, p.deletes] as const),
      ...jobs.map((j) => [j.handler, j.deletes === true] as const),
    ]);
    const found = new Map<string, string[]>();
    await Promise.all(
      [...declared.keys()].map(async (handler) => {
        const modules = await reachedModules(handler);
        const sources = modules.map((m) => [m, readFileSync(m, 'utf8')] as const);
        expect(sources.filter(([, src]) => SCANS.test(src)).map(([m]) => m), handler).toEqual([]);
        found.set(handler, sources.filter(([, src]) => DELETES.test(src)).map(([m]) => m));
      }),
    );
    for (const [handler, deletes] of declared) {
      const modules = found.get(handler)!;
      expect(modules.length > 0, `${handler} reaches ${modules.join(', ') || 'no delete'} but declares deletes: ${deletes}`).toBe(deletes);
    }
  }, 120_000);
});
