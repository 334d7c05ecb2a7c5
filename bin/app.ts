import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { limitsFromContext } from '../lib/limits.js';
import { QuarantineDeskStack, type QuarantineDeskStackProps } from '../lib/quarantine-desk-stack.js';

const app = new App();

// Optional context: `-c publicBaseUrl=https://desk.example.org` once a custom domain exists,
// `-c logLevel=debug` while investigating, `-c retentionDays=90` for a shorter retention period.
const publicBaseUrl = app.node.tryGetContext('publicBaseUrl') as string | undefined;
const logLevel = app.node.tryGetContext('logLevel') as QuarantineDeskStackProps['logLevel'];
const retentionContext = app.node.tryGetContext('retentionDays') as string | number | undefined;
const retentionDays = retentionContext === undefined ? undefined : Number(retentionContext);
// Operations (README "Operations"): `-c operatorEmail=ops@example.org` subscribes to the alarm topic;
// `-c throttle=50/100 -c publicThrottle=10/20 -c labThrottle=5/10` (requests/s steady/burst),
// `-c accountConcurrency=1000 -c publicConcurrency=10 -c labConcurrency=10`, or
// `-c reserveConcurrency=false` on an account whose Lambda quota is too small to reserve any.
const operatorEmail = app.node.tryGetContext('operatorEmail') as string | undefined;
// Staff sign-in: `-c cognitoDomainPrefix=zz-desk` names the managed login domain (default quarantine-desk-<account>).
const cognitoDomainPrefix = app.node.tryGetContext('cognitoDomainPrefix') as string | undefined;
const limits = limitsFromContext((key) => app.node.tryGetContext(key));

// Env-agnostic: the same template deploys to whichever account/region the CLI is pointed at.
new QuarantineDeskStack(app, 'QuarantineDeskStack', {
  description: 'Quarantine desk: rooms, stays, documents and lab results for quarantine hotels',
  publicBaseUrl,
  logLevel,
  retentionDays,
  limits,
  operatorEmail,
  cognitoDomainPrefix,
});

// cdk-nag 3 is a CDK policy-validation plugin (not an Aspect any more): any finding that is
// neither fixed nor acknowledged with Validations.of(construct).acknowledge() fails synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
