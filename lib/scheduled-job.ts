import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JobDef } from '../functions/routes.js';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { HandlerAssets } from './handler-assets.js';
import { HandlerFunction } from './handler-function.js';
import { DEFAULT_MEMORY_MB } from './route-plan.js';

export const DEFAULT_JOB_TIMEOUT_SECONDS = 60;
const RETRIES = 2;

export interface ScheduledJobProps {
  job: JobDef;
  table: ITable;
  environment: Record<string, string>;
  logGroup: ILogGroup;
  assets?: HandlerAssets;
}

// A job from the `jobs` list: a function run by an EventBridge rule. A run that
// cannot be delivered (rule side) or that still fails after the retries
// (function side) ends up in the job's own dead-letter queue instead of
// disappearing; schedule expressions are evaluated in UTC.
export class ScheduledJob extends Construct {
  readonly handlerFunction: HandlerFunction;
  readonly deadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { job } = props;
    if (!/^(rate|cron)\(.+\)$/.test(job.schedule)) throw new Error(`Job ${job.name}: "${job.schedule}" is not an EventBridge rate(...) or cron(...) expression`);

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    props.assets?.prepare?.();
    this.handlerFunction = new HandlerFunction(this, 'Handler', {
      handler: job.handler,
      memoryMb: DEFAULT_MEMORY_MB,
      timeoutSeconds: DEFAULT_JOB_TIMEOUT_SECONDS,
      environment: props.environment,
      logGroup: props.logGroup,
      extraEnvironment: props.assets?.environment,
      copyFiles: props.assets?.copyFiles,
      deadLetterQueue: this.deadLetterQueue,
      description: `quarantine-desk job ${job.name} (${job.schedule})`,
    });
    // Jobs update due items, so they write; DeleteItem only for a job declared `deletes`.
    this.handlerFunction.grantTable(props.table, 'write', job.deletes === true);

    this.rule = new Rule(this, 'Schedule', {
      description: `quarantine-desk job ${job.name}`,
      schedule: Schedule.expression(job.schedule),
      targets: [
        new LambdaFunction(this.handlerFunction.fn, {
          retryAttempts: RETRIES,
          deadLetterQueue: this.deadLetterQueue,
        }),
      ],
    });
  }
}
