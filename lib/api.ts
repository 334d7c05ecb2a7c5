import { Fn, Lazy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnRoute,
  CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../functions/routes.js';
import { DEFAULT_LIMITS, type ApiThrottle, type TrafficLimits } from './limits.js';
import { pascalCase, routeConstructId } from './route-plan.js';

export interface QuarantineApiProps {
  /** Every route not explicitly public or lab gets this one (default-deny). */
  staffAuthorizer: IHttpRouteAuthorizer;
  /** Stage default for staff routes, lower route-level limits for the open ones (lib/limits.ts). */
  limits?: Pick<TrafficLimits, 'stage' | 'public' | 'lab'>;
}

/** Why a route without a JWT authorizer is still acceptable; shown in the cdk-nag report. */
const NO_JWT_REASONS: Record<'public' | 'lab', string> = {
  public:
    'Public by design: document verification and document download links are opened by people and border officers without accounts; each request is authorised in the handler by the per-document secret key in the URL.',
  lab: 'Lab result webhook: laboratories are machines without Cognito identities; every request is authenticated in the handler by an HMAC signature over the raw body with the lab\'s shared secret.',
};

// The HttpApi: same-origin web form, so no CORS; one $default stage with access
// logs (JSON, no request bodies, no query strings) and throttling: the stage
// default applies to each staff route, and every public route and the lab webhook
// get their own, lower, route-level limits, so a flood of anonymous requests is
// refused at the gateway (429) before it reaches a Lambda.
export class QuarantineApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private readonly integrations = new Map<IFunction, HttpLambdaIntegration>();
  private readonly limits: Pick<TrafficLimits, 'stage' | 'public' | 'lab'>;
  /** Route key -> route-level throttle, for the open routes. */
  private readonly routeThrottles = new Map<string, ApiThrottle>();

  constructor(scope: Construct, id: string, props: QuarantineApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'quarantine-desk',
      description: 'Quarantine desk: staff API, lab webhook and public document verification',
      createDefaultStage: false,
      defaultAuthorizer: props.staffAuthorizer,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.limits = props.limits ?? DEFAULT_LIMITS;
    const throttle = this.limits.stage;
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            // Who did it: the Cognito subject, never a name.
            sub: '$context.authorizer.claims.sub',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // The L2 stage has no per-route settings; CloudFormation's RouteSettings are keyed by route key.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Lazy.any({
      produce: () =>
        this.routeThrottles.size === 0
          ? undefined
          : Object.fromEntries([...this.routeThrottles].map(([key, t]) => [key, { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }])),
    });
  }

  /** `https://{apiId}.execute-api.{region}.{urlSuffix}`, no trailing slash; built from the id so functions can read it without a dependency cycle. */
  get endpoint(): string {
    const stack = Stack.of(this);
    return Fn.join('', ['https://', this.httpApi.apiId, '.execute-api.', stack.region, '.', stack.urlSuffix]);
  }

  addRoute(route: RouteDef, fn: IFunction): HttpRoute {
    let integration = this.integrations.get(fn);
    if (!integration) {
      // One invoke permission per function (any route of this API), not one per
      // route: ~90 routes would otherwise spend 90 of the stack's 500 resources.
      integration = new HttpLambdaIntegration(`${pascalCase(route.handler)}Integration`, fn, { scopePermissionToRoute: false });
      this.integrations.set(fn, integration);
    }
    const open = route.access === 'public' || route.access === 'lab';
    const httpRoute = new HttpRoute(this, routeConstructId(route), {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration,
      // staff and admin alike need a valid ID token; that the caller is an admin is
      // checked by the handler (httpHandler('admin')), as ID tokens carry no scopes.
      authorizer: open ? new HttpNoneAuthorizer() : undefined,
    });
    if (open) {
      Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason: NO_JWT_REASONS[route.access as 'public' | 'lab'] });
      this.routeThrottles.set(routeKey(route), route.access === 'lab' ? this.limits.lab : this.limits.public);
      // Route settings name the route: the stage may only be updated once it exists.
      (this.stage.node.defaultChild as CfnStage).addResourceDependency(httpRoute.node.defaultChild as CfnRoute);
    }
    return httpRoute;
  }
}
