import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { jobs, routeKey, routes } from '../../functions/routes.js';
import { METRICS, METRICS_NAMESPACE } from '../../functions/shared/metrics.js';
import { checkLimits, DEFAULT_LIMITS, limitsFromContext, parseThrottle } from '../../lib/limits.js';
import { ALARM_THRESHOLDS } from '../../lib/operations.js';
import { planHandlers } from '../../lib/route-plan.js';
import { lambdaOf, synth, type Resource } from './synth.js';

// Throttles and reserved concurrency for the open routes, and what operators get:
// alarms to their own topic, a dashboard, the business metrics.

const real = synth();
const plans = planHandlers(routes);
const open = routes.filter((r) => r.access === 'public' || r.access === 'lab');

describe('throttling the open routes', () => {
  it('each public route and the lab webhook has a route-level limit below the stage default; staff routes use the default', () => {
    expect(open.map((r) => r.path).sort()).toEqual(['/', '/api-docs', '/assets/{file}', '/auth/config', '/documents/{file}', '/lab/results', '/openapi.json', '/verify/{documentId}']);
    const stage = (Object.values(real.template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[])[0]!;
    const { DefaultRouteSettings, RouteSettings } = stage.Properties;
    expect(DefaultRouteSettings).toEqual({ ThrottlingRateLimit: DEFAULT_LIMITS.stage.rateLimit, ThrottlingBurstLimit: DEFAULT_LIMITS.stage.burstLimit });
    expect(Object.keys(RouteSettings).sort()).toEqual(open.map(routeKey).sort());
    for (const route of open) {
      const limit = route.access === 'lab' ? DEFAULT_LIMITS.lab : DEFAULT_LIMITS.public;
      const settings = RouteSettings[routeKey(route)];
      expect(settings, routeKey(route)).toEqual({ ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit });
      expect(settings.ThrottlingRateLimit).toBeLessThan(DefaultRouteSettings.ThrottlingRateLimit);
      expect(settings.ThrottlingBurstLimit).toBeLessThan(DefaultRouteSettings.ThrottlingBurstLimit);
    }
    // Route settings name routes: CloudFormation must create them before the stage.
    expect(stage.DependsOn?.filter((d) => d.includes('Route'))).toHaveLength(open.length);
  });

  it('open functions reserve concurrency (public and lab); staff functions and jobs do not', () => {
    for (const plan of plans) {
      const reserved = lambdaOf(real.template, plan.handler).Properties.ReservedConcurrentExecutions;
      if (!plan.open) expect(reserved, plan.handler).toBeUndefined();
      else expect(reserved, plan.handler).toBe(plan.handler === 'lab-results' ? DEFAULT_LIMITS.labConcurrency : DEFAULT_LIMITS.publicConcurrency);
    }
    expect(plans.filter((p) => p.open).map((p) => p.handler).sort()).toEqual(['auth-config', 'download-document', 'get-openapi', 'lab-results', 'verify-document', 'web-assets']);
    for (const job of jobs) expect(lambdaOf(real.template, new RegExp(`job ${job.name} \\(`)).Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('limits come from context, and contradictions fail the synth', () => {
    const ctx = (values: Record<string, unknown>) => limitsFromContext((k) => values[k]);
    expect(ctx({})).toEqual(DEFAULT_LIMITS);
    expect(ctx({ publicThrottle: '4/8', labThrottle: { rateLimit: 2, burstLimit: 3 }, accountConcurrency: '3000', reserveConcurrency: 'false' })).toMatchObject({
      public: { rateLimit: 4, burstLimit: 8 },
      lab: { rateLimit: 2, burstLimit: 3 },
      accountConcurrency: 3000,
      reserveConcurrency: false,
    });
    expect(() => parseThrottle('publicThrottle', '10')).toThrow(/RATE\/BURST/);
    expect(() => ctx({ publicConcurrency: '0' })).toThrow(/at least 1/);
    expect(() => ctx({ reserveConcurrency: 'maybe' })).toThrow(/true or false/);
    expect(() => checkLimits({ ...DEFAULT_LIMITS, public: { rateLimit: 80, burstLimit: 20 } }, [])).toThrow(/below the stage default/);
    // A new account's quota of 10 leaves nothing to reserve: say so and how to proceed.
    expect(() => checkLimits({ ...DEFAULT_LIMITS, accountConcurrency: 10 }, [10, 10])).toThrow(/reserveConcurrency=false/);
    expect(() => checkLimits({ ...DEFAULT_LIMITS, accountConcurrency: 10, reserveConcurrency: false }, [10, 10])).not.toThrow();
    const openReserved = plans.filter((p) => p.open).reduce((n, p) => n + (p.handler === 'lab-results' ? DEFAULT_LIMITS.labConcurrency : DEFAULT_LIMITS.publicConcurrency), 0);
    expect(() => synth({ limits: { ...DEFAULT_LIMITS, accountConcurrency: 120 } })).toThrow(new RegExp(`reserve ${openReserved} concurrent executions`));
    const unreserved = synth({ limits: { ...DEFAULT_LIMITS, reserveConcurrency: false } });
    unreserved.template.allResourcesProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
  });
});

describe('operations', () => {
  const topicId = Object.keys(real.template.findResources('AWS::SNS::Topic', { Properties: { DisplayName: 'quarantine-desk operators' } }));
  const alarms = Object.values(real.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];

  it('an operators topic, encrypted with a rotated key CloudWatch may use, exported', () => {
    expect(topicId).toHaveLength(1);
    real.template.hasOutput('OperatorTopicArn', { Value: { Ref: topicId[0] } });
    real.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
    real.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId[0] }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': Match.anyValue() } }) }),
        ]),
      },
    });
    real.template.resourceCountIs('AWS::SNS::Subscription', 0);
    synth({ operatorEmail: 'ops@example.org' }).template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: Match.stringLikeRegexp('OperationsAlarms') } });
  });

  it('every alarm notifies the operators, on alarm and on recovery', () => {
    expect(alarms).toHaveLength(jobs.length + 3);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId[0] }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId[0] }]);
    }
  });

  it("each job's dead-letter queue not empty", () => {
    for (const job of jobs) {
      const queueId = Object.keys(real.template.findResources('AWS::SQS::Queue')).find((id) => id.startsWith(`${job.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}JobDeadLetters`));
      expect(queueId, job.name).toBeDefined();
      const alarm = alarms.find((a) => a.Properties.Dimensions?.[0]?.Value?.['Fn::GetAtt']?.[0] === queueId);
      expect(alarm?.Properties, job.name).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('API 5xx rate, Lambda throttles, age of the oldest undelivered reminder', () => {
    const rate = alarms.find((a) => a.Properties.Metrics?.some((m: any) => /100 \* errors \/ requests/.test(m.Expression ?? '')));
    expect(rate?.Properties.Threshold).toBe(ALARM_THRESHOLDS.serverErrorPercent);
    const metricNames = rate!.Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName).sort();
    expect(metricNames).toEqual(['5xx', 'Count']);
    expect(rate!.Properties.Metrics.find((m: any) => m.MetricStat).MetricStat.Metric.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: expect.stringMatching(/HttpApi/) } }]);

    expect(alarms.find((a) => a.Properties.Namespace === 'AWS/Lambda')?.Properties).toMatchObject({ MetricName: 'Throttles', Statistic: 'Sum', Threshold: 1 });

    const age = alarms.find((a) => a.Properties.Namespace === METRICS_NAMESPACE)?.Properties;
    expect(age).toMatchObject({ MetricName: 'OldestUndeliveredReminderAge', Statistic: 'Maximum', Threshold: ALARM_THRESHOLDS.reminderAgeSeconds, TreatMissingData: 'breaching', Period: 60 });
    expect(age?.Dimensions).toBeUndefined();
    expect(METRICS.OldestUndeliveredReminderAge).toBe('Seconds');
  });

  it('a dashboard with the API, functions, jobs and every business metric', () => {
    const dashboards = Object.values(real.template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const name of Object.keys(METRICS)) expect(body, name).toContain(`\\"${name}\\"`);
    for (const status of ['stored', 'superseded', 'duplicate', 'stale', 'unmatched']) expect(body).toContain(`\\"status\\",\\"${status}\\"`);
    for (const text of ['AWS/ApiGateway', '5xx', 'AWS/Lambda', 'Throttles', 'ApproximateNumberOfMessagesVisible', METRICS_NAMESPACE]) expect(body).toContain(text);
    real.template.hasOutput('DashboardName', {});
  });
});

describe('README', () => {
  it('states the limits and thresholds the stack uses', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Operations'), readme.indexOf('## Design')).replace(/\s+/g, ' ');
    const t = (x: { rateLimit: number; burstLimit: number }) => `${x.rateLimit}/${x.burstLimit}`;
    for (const text of [
      `-c throttle=${t(DEFAULT_LIMITS.stage)}`,
      `-c publicThrottle=${t(DEFAULT_LIMITS.public)}`,
      `-c labThrottle=${t(DEFAULT_LIMITS.lab)}`,
      `-c accountConcurrency=${DEFAULT_LIMITS.accountConcurrency}`,
      `-c publicConcurrency=${DEFAULT_LIMITS.publicConcurrency}`,
      `-c labConcurrency=${DEFAULT_LIMITS.labConcurrency}`,
      `5xx over ${ALARM_THRESHOLDS.serverErrorPercent}%`,
      `from ${ALARM_THRESHOLDS.minRequests} requests`,
      `older than ${ALARM_THRESHOLDS.reminderAgeSeconds / 60} minutes`,
      ...Object.keys(METRICS).map((m) => `\`${m}\``),
    ]) {
      expect(section, text).toContain(text);
    }
  });
});
