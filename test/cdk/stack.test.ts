import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { jobs, routeKey, routes, type JobDef, type RouteDef } from '../../functions/routes.js';
import { INDEXES, TABLE_KEYS } from '../../functions/shared/table-design.js';
import { copyFilesHooks } from '../../lib/copy-files.js';
import { QuarantineDeskStack, type QuarantineDeskStackProps } from '../../lib/quarantine-desk-stack.js';
import { lambdaOf, policiesOf, roleStatements } from './synth.js';
import { ACCOUNTS_ADMIN_ACTIONS } from '../../lib/auth.js';
import { planHandlers } from '../../lib/route-plan.js';

// Synth without esbuild (context aws:cdk:bundling-stacks = []): the template is
// the same, only the asset hashes differ. `npx cdk synth` bundles for real, and
// also runs CDK's built-in CloudFormation schema validation, skipped here (~6 s).
// cdk-nag 3 runs as a policy-validation plugin during synth, so every
// Template.fromStack below also fails on any unacknowledged finding.
function build(props: QuarantineDeskStackProps = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stack = new QuarantineDeskStack(app, 'QuarantineDeskStack', props);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, template: Template.fromStack(stack) };
}

type Resource = { Properties: Record<string, any>; DeletionPolicy?: string };

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** Actions granted to the role of the Lambda whose description names `handler`. */
function roleActions(template: Template, handler: string): string[] {
  const fns = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: `quarantine-desk ${handler}` } })) as Resource[];
  expect(fns).toHaveLength(1);
  const roleId = fns[0]!.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = policiesOf(template);
  return policies
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
}

const real = build();

// Routes and a job that functions/routes.ts does not have (yet), on existing handler files.
const extraRoutes: RouteDef[] = [
  { method: 'GET', path: '/test-only/public/{id}', handler: 'get-stay', access: 'public' },
  { method: 'POST', path: '/test-only/lab/results', handler: 'register-batch', access: 'lab' },
];
const fakeJob: JobDef = { name: 'send-reminders', handler: 'list-stays', schedule: 'cron(0 * * * ? *)', localEverySeconds: 60 };
const fake = build({
  routes: [...routes, ...extraRoutes],
  jobs: [fakeJob],
  handlerAssets: {
    'get-stay': {
      copyFiles: [{ from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' }],
      environment: { FONT_DIR: '/var/task/fonts' },
    },
  },
});

describe('routes', () => {
  for (const [name, { template }, table] of [
    ['real route table', real, routes],
    ['with public, lab routes', fake, [...routes, ...extraRoutes]],
  ] as const) {
    it(`${name}: one HttpApi route per entry, JWT only on staff/admin`, () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Route', table.length);
      for (const route of table) {
        const found = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey(route) } })) as Resource[];
        expect(found, routeKey(route)).toHaveLength(1);
        const props = found[0]!.Properties;
        if (route.access === 'staff' || route.access === 'admin') {
          expect(props.AuthorizationType, routeKey(route)).toBe('JWT');
          expect(props.AuthorizerId, routeKey(route)).toBeDefined();
        } else {
          expect(props.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
          expect(props.AuthorizerId, routeKey(route)).toBeUndefined();
        }
      }
    });
  }

  it('one Lambda per distinct handler, with the route size overrides', () => {
    const plans = planHandlers(routes);
    // Route handlers plus one function per job (a job never shares a route's function).
    real.template.resourceCountIs('AWS::Lambda::Function', new Set(routes.map((r) => r.handler)).size + jobs.length);
    for (const plan of plans) {
      real.template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `quarantine-desk ${plan.handler}`,
        MemorySize: plan.memoryMb,
        Timeout: plan.timeoutSeconds,
      });
    }
    expect(plans.find((p) => p.handler === 'register-batch')).toMatchObject({ memoryMb: 1024, timeoutSeconds: 29 });
    expect(plans.find((p) => p.handler === 'get-board')).toMatchObject({ memoryMb: 256, timeoutSeconds: 10, readOnly: true });
  });

  it('rejects a duplicate route and a timeout the HttpApi cannot wait for', () => {
    const r: RouteDef = { method: 'GET', path: '/x', handler: 'get-stay', access: 'staff' };
    expect(() => planHandlers([r, r])).toThrow(/twice/);
    expect(() => planHandlers([{ ...r, timeoutSeconds: 60 }])).toThrow(/exceeds/);
  });

  it('JWT authorizer: Cognito issuer, app client as audience', () => {
    real.template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    real.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
        Issuer: { 'Fn::GetAtt': [Match.stringLikeRegexp('UserPool'), 'ProviderURL'] },
      },
    });
  });

  it('no CORS; $default stage with access logs and default throttling', () => {
    real.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    real.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('size', () => {
  // CloudFormation refuses a stack of more than 500 resources. One shared log group
  // per kind of function and one invoke permission per function keep it here; the
  // routes, functions, roles and integrations left grow by about four per new
  // handler. Past the line below, move an area into a nested stack.
  it('leaves room under the 500-resource limit for the next handlers', () => {
    const count = Object.keys(real.template.toJSON().Resources).length;
    expect(count).toBeLessThanOrEqual(470);
    expect(Object.keys(real.template.findResources('AWS::Logs::LogGroup'))).toHaveLength(4);
    expect(Object.keys(real.template.findResources('AWS::Lambda::Permission')).length).toBe(Object.keys(real.template.findResources('AWS::Lambda::Function')).length);
  });
});

describe('functions', () => {
  it('every function: nodejs22.x, arm64, X-Ray, a log group of its kind, standard environment', () => {
    for (const { template } of [real, fake]) {
      const fns = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
      expect(fns.length).toBeGreaterThan(0);
      for (const fn of fns) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        });
        expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
          expect.arrayContaining(['TABLE_NAME', 'PUBLIC_BASE_URL', 'LOG_LEVEL', 'RETENTION_DAYS']),
        );
        // Source maps are applied by the bundle itself when a stack is printed (lib/bundling.ts), not at every cold start.
        expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
        expect(JSON.stringify(fn.Properties.Environment.Variables.PUBLIC_BASE_URL)).toContain('.execute-api.');
      }
    }
    real.template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('roles carry no managed policy (no AWSLambdaBasicExecutionRole)', () => {
    real.template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('a GET-only handler can read but not write; a POST handler can write', () => {
    for (const plan of planHandlers(routes)) {
      const actions = roleActions(real.template, plan.handler);
      if (plan.table === 'read' || plan.table === 'write') expect(actions, plan.handler).toContain('dynamodb:Query');
      if (plan.readOnly) for (const w of WRITE_ACTIONS) expect(actions, plan.handler).not.toContain(w);
      else expect(actions, plan.handler).toContain('dynamodb:PutItem');
    }
    expect(planHandlers(routes).some((p) => p.readOnly)).toBe(true);
  });

  it('DynamoDB permissions only on the table and its indexes', () => {
    const policies = policiesOf(real.template);
    for (const policy of policies) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        if (![statement.Action].flat().some((a: string) => a.startsWith('dynamodb:'))) continue;
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"/);
        for (const resource of [statement.Resource].flat()) expect(JSON.stringify(resource)).toMatch(/DataTable/);
      }
    }
  });

  it('handler assets add environment; copy hooks copy into the bundle and refuse paths outside', () => {
    fake.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'quarantine-desk get-stay',
      Environment: { Variables: Match.objectLike({ FONT_DIR: '/var/task/fonts' }) },
    });
    const hooks = copyFilesHooks([{ from: 'package.json', to: 'assets/package.json' }]);
    expect(hooks.afterBundling('/in', '/out')).toEqual(["mkdir -p '/out/assets'", "cp -R '/in/package.json' '/out/assets/package.json'"]);
    expect(() => copyFilesHooks([{ from: '../etc/passwd', to: 'x' }])).toThrow(/inside/);
    expect(() => copyFilesHooks([{ from: 'package.json', to: '/etc/x' }])).toThrow(/inside/);
    expect(() => copyFilesHooks([{ from: 'no-such-file.ttf', to: 'x' }])).toThrow(/does not exist/);
    expect(() => build({ handlerAssets: { 'get-stay': { environment: { TABLE_NAME: 'other' } } } })).toThrow(/redefine TABLE_NAME/);
  });
});

describe('scheduled jobs', () => {
  it('the real jobs list makes one rule per job', () => {
    real.template.resourceCountIs('AWS::Events::Rule', jobs.length);
  });

  it('a job gets a function, a schedule rule with retries and a DLQ, and the function its own DLQ', () => {
    fake.template.resourceCountIs('AWS::Events::Rule', 1);
    fake.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: fakeJob.schedule,
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          RetryPolicy: { MaximumRetryAttempts: 2 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SendRemindersJobDeadLetters'), 'Arn'] } },
        }),
      ],
    });
    fake.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('job send-reminders'),
      Timeout: 60,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SendRemindersJobDeadLetters'), 'Arn'] } },
    });
    fake.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
    fake.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    fake.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    expect(roleActions(fake.template, `job ${fakeJob.name} (${fakeJob.schedule})`)).toContain('dynamodb:PutItem');
  });

  it('rejects a schedule that is not an EventBridge expression', () => {
    expect(() => build({ jobs: [{ ...fakeJob, schedule: 'every hour' }] })).toThrow(/EventBridge/);
  });
});

describe('table and sign-in', () => {
  it('the table of table-design.ts: keys, every GSI, on demand, PITR, deletion protection, TTL, retained', () => {
    const attributes = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
    real.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    real.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals(attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
        GlobalSecondaryIndexes: INDEXES.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSEEnabled: Match.absent(),
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });

  it('user pool: admin-created accounts, TOTP MFA, threat protection, custom role/facilities', () => {
    real.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      // The username an administrator gives (as locally), case-insensitive; a verified e-mail as an alias.
      AliasAttributes: ['email'],
      UsernameAttributes: Match.absent(),
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'role', Mutable: true, AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'facilities', Mutable: true, AttributeDataType: 'String' }),
      ]),
    });
    real.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
  });

  it('app client: no secret, the code grant only (PKCE: a public client), the page as callback and logout URL, rotated revocable refresh tokens, reads but cannot write custom:role and custom:facilities', () => {
    const clients = Object.values(real.template.findResources('AWS::Cognito::UserPoolClient')) as Resource[];
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlows).not.toContain('implicit');
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'profile']));
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    // The page's own URL (the API's endpoint) is where sign-in and sign-out come back to.
    expect(client.CallbackURLs).toHaveLength(1);
    expect(client.LogoutURLs).toEqual(client.CallbackURLs);
    const parts = client.CallbackURLs[0]['Fn::Join'][1] as unknown[];
    expect(parts[0]).toBe('https://');
    expect(String(parts.at(-1))).toMatch(/\/$/);
    expect(JSON.stringify(parts)).toMatch(/HttpApi/);
    expect(client.EnableTokenRevocation).toBe(true);
    expect(client.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:role', 'custom:facilities']));
    expect(client.WriteAttributes).not.toContain('custom:role');
    expect(client.WriteAttributes).not.toContain('custom:facilities');
  });

  it('managed login: a Cognito domain with the newer managed login pages and their branding for the client', () => {
    real.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    real.template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    real.template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
    // The page's sign-in settings and CSP come from the stack: issuer, client and domain.
    for (const handler of ['auth-config', 'web-assets']) {
      const env = lambdaOf(real.template, handler).Properties.Environment.Variables;
      expect(Object.keys(env)).toEqual(expect.arrayContaining(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_DOMAIN_URL']));
    }
    expect(Object.keys(lambdaOf(real.template, 'get-stay').Properties.Environment.Variables)).not.toContain('OIDC_DOMAIN_URL');
  });

  it('only the accounts function may call the user pool admin APIs: exactly the calls its adapter makes, on that pool alone', () => {
    const statements = roleStatements(real.template, 'accounts').filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(statements).toHaveLength(1);
    expect(new Set([statements[0]!.Action].flat())).toEqual(new Set(ACCOUNTS_ADMIN_ACTIONS.map((a) => `cognito-idp:${a}`)));
    expect(statements[0]!.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/UserPool/), 'Arn'] });
    expect(lambdaOf(real.template, 'accounts').Properties.Environment.Variables.USER_POOL_ID).toEqual({ Ref: expect.stringMatching(/UserPool/) });
    const withCognito = policiesOf(real.template).filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('cognito-idp:'));
    expect(withCognito).toHaveLength(1);
    const withPoolId = Object.values(real.template.findResources('AWS::Lambda::Function')).filter((f: any) => f.Properties.Environment?.Variables?.USER_POOL_ID);
    expect(withPoolId).toHaveLength(1);
    // The adapter makes no call the grant leaves out.
    const adapter = readFileSync('functions/adapters/accounts-cognito.ts', 'utf8');
    const calls = new Set([...adapter.matchAll(/call(?:<[^>]*>)?\('(\w+)'/g), ...adapter.matchAll(/'(Admin\w+)'/g)].map((m) => m[1]));
    expect([...calls].sort()).toEqual([...ACCOUNTS_ADMIN_ACTIONS].sort());
  });

  it('outputs', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'SignInDomain', 'TableName', 'LabSecretsArn', 'ReminderTopicArn']) real.template.hasOutput(name, {});
  });

  it('only the lab webhook reads the lab secrets; only reminder delivery publishes to the topic', () => {
    expect(roleActions(real.template, 'lab-results')).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
    const job = Object.values(real.template.findResources('AWS::Lambda::Function')).find((f: any) => /job deliver-reminders/.test(f.Properties.Description)) as Resource;
    expect(Object.keys(job.Properties.Environment.Variables)).toContain('TOPIC_ARN');
    const policies = policiesOf(real.template);
    const granted = (action: string) =>
      policies.filter((p) => p.Properties.PolicyDocument.Statement.some((s: { Action: string | string[] }) => [s.Action].flat().includes(action)));
    expect(granted('secretsmanager:GetSecretValue')).toHaveLength(1);
    expect(granted('sns:Publish')).toHaveLength(1);
    real.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('cdk-nag AwsSolutions', () => {
  // cdk-nag 3 reports through CDK policy validation, not annotations; validateScope gives the
  // same findings synth sees, after acknowledgements (Validations.of(...).acknowledge).
  for (const [name, { stack }] of [
    ['real stack', real],
    ['with public, lab routes and a job', fake],
  ] as const) {
    it(`${name}: no unacknowledged finding`, () => {
      const report = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(stack);
      const lines = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
      const warnings = lines.filter((l) => l.startsWith('warning'));
      if (warnings.length) console.info(`cdk-nag warnings (${name}):\n${warnings.join('\n')}`);
      expect(lines.filter((l) => !l.startsWith('warning'))).toEqual([]);
      // Warnings fail synth too (the plugin reports success only without findings).
      expect(warnings).toEqual([]);
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    });
  }
});
