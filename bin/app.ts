import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { QuarantineDeskStack, type QuarantineDeskStackProps } from '../lib/quarantine-desk-stack.js';

const app = new App();

// Optional context: `-c publicBaseUrl=https://desk.example.org` once a custom domain exists,
// `-c logLevel=debug` while investigating, `-c retentionDays=90` for a shorter retention period.
const publicBaseUrl = app.node.tryGetContext('publicBaseUrl') as string | undefined;
const logLevel = app.node.tryGetContext('logLevel') as QuarantineDeskStackProps['logLevel'];
const retentionContext = app.node.tryGetContext('retentionDays') as string | number | undefined;
const retentionDays = retentionContext === undefined ? undefined : Number(retentionContext);

// Env-agnostic: the same template deploys to whichever account/region the CLI is pointed at.
new QuarantineDeskStack(app, 'QuarantineDeskStack', {
  description: 'Quarantine desk: rooms, stays, documents and lab results for quarantine hotels',
  publicBaseUrl,
  logLevel,
  retentionDays,
});

// cdk-nag 3 is a CDK policy-validation plugin (not an Aspect any more): any finding that is
// neither fixed nor acknowledged with Validations.of(construct).acknowledge() fails synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
