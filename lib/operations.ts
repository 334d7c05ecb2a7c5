import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { IngestStatus } from '../functions/use-cases/ingest-lab-results.js';
import { METRICS_NAMESPACE, type MetricName } from '../functions/shared/metrics.js';
import { pascalCase } from './route-plan.js';

// What operators watch: alarms to their own SNS topic (not the staff reminder
// topic), and one dashboard with the API, the functions, the jobs and the
// business metrics the use cases publish (functions/shared/metrics.ts).

/** The thresholds, in one place (README "Operations"). */
export const ALARM_THRESHOLDS = {
  /** Percent of API requests answered 5xx over 5 minutes, counted once at least MIN_REQUESTS arrived. */
  serverErrorPercent: 1,
  minRequests: 20,
  /** Throttled Lambda invocations in 5 minutes, any function of the account in the region. */
  throttles: 1,
  /** A reminder waiting longer than this is not reaching staff (the job runs every minute). */
  reminderAgeSeconds: 15 * 60,
} as const;

const LAB_STATUSES: readonly IngestStatus[] = ['stored', 'superseded', 'duplicate', 'stale', 'unmatched'];

export interface OperationsProps {
  httpApi: HttpApi;
  /** Each job's dead-letter queue, by job name. */
  deadLetterQueues: ReadonlyArray<{ job: string; queue: IQueue }>;
  /** Subscribed to the operators' topic by e-mail (confirmation link sent by SNS). */
  operatorEmail?: string;
}

export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key (its policy
    // is fixed): a key of ours whose policy lets CloudWatch use it.
    const key = new Key(this, 'TopicKey', { description: 'quarantine-desk operator alarms topic', enableKeyRotation: true });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', { displayName: 'quarantine-desk operators', enforceSSL: true, masterKey: key });
    // The topic's own policy (enforceSSL) replaces SNS's default one: let this account's alarms publish.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
    if (props.operatorEmail) this.topic.addSubscription(new EmailSubscription(props.operatorEmail));
    const action = new SnsAction(this.topic);

    const add = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);

    for (const { job, queue } of props.deadLetterQueues) {
      add(
        new Alarm(this, `${pascalCase(job)}DeadLetters`, {
          alarmDescription: `Job ${job}: a run failed after its retries and is kept in its dead-letter queue. Read the job's log group, fix, then redrive or purge the queue.`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: Stats.MAXIMUM }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          // SQS stops publishing for an idle empty queue.
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const requests = props.httpApi.metricCount({ period: fiveMinutes, statistic: Stats.SUM });
    const serverErrors = props.httpApi.metricServerError({ period: fiveMinutes, statistic: Stats.SUM });
    const serverErrorRate = new MathExpression({
      expression: `IF(requests >= ${ALARM_THRESHOLDS.minRequests}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      period: fiveMinutes,
      label: '5xx %',
    });
    add(
      new Alarm(this, 'Api5xxRate', {
        alarmDescription: `More than ${ALARM_THRESHOLDS.serverErrorPercent}% of API requests answered 5xx in 5 minutes (503 = DynamoDB unavailable or throttling; 500 = a bug: see the function's errors).`,
        metric: serverErrorRate,
        threshold: ALARM_THRESHOLDS.serverErrorPercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const throttles = lambdaMetric('Throttles', Stats.SUM, fiveMinutes);
    add(
      new Alarm(this, 'LambdaThrottles', {
        alarmDescription:
          'Lambda invocations were throttled: the account concurrency is exhausted (staff and lab may be refused) or an open function hit its reserved concurrency under a flood. Region-wide metric: keep this stack in its own account.',
        metric: throttles,
        threshold: ALARM_THRESHOLDS.throttles,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const reminderAge = businessMetric('OldestUndeliveredReminderAge', Stats.MAXIMUM, Duration.minutes(1));
    add(
      new Alarm(this, 'ReminderBacklogAge', {
        alarmDescription: `A reminder has waited more than ${ALARM_THRESHOLDS.reminderAgeSeconds / 60} minutes for delivery (SNS failing, or the deliver-reminders job not running: missing data counts as breaching).`,
        metric: reminderAge,
        threshold: ALARM_THRESHOLDS.reminderAgeSeconds,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        // The job publishes every minute, 0 when nothing waits: silence means it stopped.
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    const hour = Duration.hours(1);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `quarantine-desk-${Stack.of(this).region}`.replace(/[^A-Za-z0-9_-]/g, '-'),
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '# quarantine-desk\nAlarms go to the operators topic (stack output `OperatorTopicArn`). See README "Operations".', width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    this.dashboard.addWidgets(
      graph('API requests and errors', [requests, props.httpApi.metricClientError({ period: fiveMinutes, statistic: Stats.SUM }), serverErrors]),
      graph('API latency (ms)', [props.httpApi.metricLatency({ period: fiveMinutes, statistic: Stats.p(50) }), props.httpApi.metricLatency({ period: fiveMinutes, statistic: Stats.p(99) })]),
      graph('Lambda (region)', [throttles, lambdaMetric('Errors', Stats.SUM, fiveMinutes), lambdaMetric('ConcurrentExecutions', Stats.MAXIMUM, fiveMinutes)]),
    );
    this.dashboard.addWidgets(
      graph('Job dead letters', props.deadLetterQueues.map(({ job, queue }) => queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: Stats.MAXIMUM, label: job }))),
      graph('Reminder outbox', [reminderAge, businessMetric('UndeliveredReminders', Stats.MAXIMUM, Duration.minutes(1))]),
    );
    this.dashboard.addWidgets(
      graph('Check-ins, checks, fever alerts, releases (per hour)', (['CheckIns', 'HealthChecks', 'FeverAlerts', 'Releases'] as const).map((m) => businessMetric(m, Stats.SUM, hour))),
      graph('Lab results by status (per hour)', LAB_STATUSES.map((status) => businessMetric('LabResults', Stats.SUM, hour, { status }))),
    );
  }
}

function graph(title: string, metrics: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left: metrics, width: 8, height: 6 });
}

function lambdaMetric(metricName: string, statistic: string, period: Duration): Metric {
  return new Metric({ namespace: 'AWS/Lambda', metricName, statistic, period });
}

/** A metric the functions publish through functions/shared/metrics.ts (same names, same dimensions). */
export function businessMetric(metricName: MetricName, statistic: string, period: Duration, dimensions?: { status: string }): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName, statistic, period, dimensionsMap: dimensions, ...(dimensions ? { label: dimensions.status } : {}) });
}
