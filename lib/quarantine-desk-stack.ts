import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { jobs as allJobs, routes as allRoutes, type JobDef, type RouteDef } from '../functions/routes.js';
import { QuarantineApi } from './api.js';
import { StaffAuth } from './auth.js';
import { handlerAssets as allHandlerAssets, type HandlerAssets } from './handler-assets.js';
import { FunctionLogs } from './function-logs.js';
import { HandlerFunction } from './handler-function.js';
import { Integrations } from './integrations.js';
import { checkLimits, DEFAULT_LIMITS, type TrafficLimits } from './limits.js';
import { Operations } from './operations.js';
import { pascalCase, planHandlers } from './route-plan.js';
import { ScheduledJob } from './scheduled-job.js';
import { QuarantineTable } from './table.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export interface QuarantineDeskStackProps extends StackProps {
  /** Defaults to the route table in functions/routes.ts; tests pass their own. */
  routes?: readonly RouteDef[];
  /** Defaults to the jobs list in functions/routes.ts. */
  jobs?: readonly JobDef[];
  handlerAssets?: Readonly<Record<string, HandlerAssets>>;
  /** Base URL printed in documents' links and QR codes; defaults to the API's execute-api URL. */
  publicBaseUrl?: string;
  logLevel?: (typeof LOG_LEVELS)[number];
  /** Days after a stay closes before the retention job removes its personal data (and reminders expire). */
  retentionDays?: number;
  /** API throttles and reserved concurrency of the open functions (lib/limits.ts); defaults DEFAULT_LIMITS. */
  limits?: TrafficLimits;
  /** E-mail subscribed to the operators' alarm topic. */
  operatorEmail?: string;
  /** Cognito managed login domain prefix (globally unique); default quarantine-desk-<account id>. */
  cognitoDomainPrefix?: string;
}

// Everything is driven by functions/routes.ts: one Lambda per distinct handler,
// one HttpApi route per entry, one scheduled function per job. Adding a route
// there is all it takes to deploy it.
export class QuarantineDeskStack extends Stack {
  constructor(scope: Construct, id: string, props: QuarantineDeskStackProps = {}) {
    super(scope, id, props);
    const routes = props.routes ?? allRoutes;
    const jobs = props.jobs ?? allJobs;
    const assets = props.handlerAssets ?? allHandlerAssets;
    const logLevel = props.logLevel ?? 'info';
    // config.ts rejects anything else at cold start; better to fail the synth.
    if (!LOG_LEVELS.includes(logLevel)) throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
    const retentionDays = props.retentionDays ?? 180;
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) throw new Error(`retentionDays must be a whole number of days from 1 to 3650, not ${retentionDays}`);

    const { table } = new QuarantineTable(this, 'Data');
    // The page's own URL is the sign-in callback; the API (which serves it) is created after the client its authorizer names.
    let apiEndpoint = '';
    const auth = new StaffAuth(this, 'StaffAuth', { webOrigin: props.publicBaseUrl ?? Lazy.string({ produce: () => apiEndpoint }), domainPrefix: props.cognitoDomainPrefix });
    const limits = props.limits ?? DEFAULT_LIMITS;
    const api = new QuarantineApi(this, 'Api', { staffAuthorizer: auth.authorizer, limits });
    apiEndpoint = api.endpoint;
    const integrations = new Integrations(this, 'Integrations');
    // Handlers that talk to a port's cloud adapter get its name and permission (and only they).
    const wireIntegrations = (handler: string, fn: HandlerFunction) => {
      if (handler === 'lab-results') integrations.grantLabSecrets(fn.fn);
      if (handler === 'deliver-reminders') integrations.grantReminders(fn.fn);
      if (handler === 'accounts') auth.grantAccountsAdmin(fn.fn);
      // The page's sign-in settings and its CSP (the managed login domain).
      if (handler === 'auth-config' || handler === 'web-assets') for (const [k, v] of Object.entries(auth.webEnvironment)) fn.fn.addEnvironment(k, v);
    };

    // Names as functions/shared/config.ts reads them.
    const environment = {
      TABLE_NAME: table.tableName,
      PUBLIC_BASE_URL: props.publicBaseUrl ?? api.endpoint,
      LOG_LEVEL: logLevel,
      RETENTION_DAYS: String(retentionDays),
      // No NODE_OPTIONS=--enable-source-maps: it reads and parses each bundle's map at
      // every cold start; the bundles map their own stack traces when one is printed
      // (functions/adapters/mapped-stack-traces.ts, injected by lib/bundling.ts).
    };

    const logs = new FunctionLogs(this, 'FunctionLogs');
    const plans = planHandlers(routes);
    // Open functions (no JWT: public pages and the lab webhook) get reserved concurrency:
    // a flood of anonymous requests takes at most that, never the staff routes' pool.
    const reservation = (plan: (typeof plans)[number]) =>
      !limits.reserveConcurrency || !plan.open ? undefined : plan.routes.some((r) => r.access === 'lab') ? limits.labConcurrency : limits.publicConcurrency;
    checkLimits(limits, plans.map(reservation).filter((n) => n !== undefined));

    for (const plan of plans) {
      assets[plan.handler]?.prepare?.();
      const fn = new HandlerFunction(this, `${pascalCase(plan.handler)}Handler`, {
        handler: plan.handler,
        memoryMb: plan.memoryMb,
        timeoutSeconds: plan.timeoutSeconds,
        environment,
        logGroup: logs.of(plan.open ? 'open' : 'staff'),
        extraEnvironment: assets[plan.handler]?.environment,
        copyFiles: assets[plan.handler]?.copyFiles,
        reservedConcurrency: reservation(plan),
      });
      fn.grantTable(table, plan.table, plan.deletes);
      wireIntegrations(plan.handler, fn);
      for (const route of plan.routes) api.addRoute(route, fn.fn);
    }

    const jobNames = new Set<string>();
    const deadLetterQueues: { job: string; queue: ScheduledJob['deadLetterQueue'] }[] = [];
    for (const job of jobs) {
      if (jobNames.has(job.name)) throw new Error(`Job ${job.name} is declared twice in functions/routes.ts`);
      jobNames.add(job.name);
      const scheduled = new ScheduledJob(this, `${pascalCase(job.name)}Job`, { job, table, environment, logGroup: logs.of('jobs'), assets: assets[job.handler] });
      wireIntegrations(job.handler, scheduled.handlerFunction);
      deadLetterQueues.push({ job: job.name, queue: scheduled.deadLetterQueue });
    }
    const operations = new Operations(this, 'Operations', { httpApi: api.httpApi, deadLetterQueues, operatorEmail: props.operatorEmail });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url, description: 'Base URL of the HttpApi ($default stage)' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: auth.domain.baseUrl(), description: 'Cognito managed login (staff sign in here from the page)' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'LabSecretsArn', { value: integrations.labSecrets.secretArn, description: 'Put {"<labId>": "<secret>"} here to admit a lab' });
    new CfnOutput(this, 'ReminderTopicArn', { value: integrations.reminderTopic.topicArn, description: 'Subscribe staff e-mail or SMS here' });
    new CfnOutput(this, 'OperatorTopicArn', { value: operations.topic.topicArn, description: 'CloudWatch alarms; subscribe operators here (or -c operatorEmail=)' });
    new CfnOutput(this, 'DashboardName', { value: operations.dashboard.dashboardName });
  }
}
