import { Fn, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
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
import type { RouteDef } from '../functions/routes.js';
import { pascalCase, routeConstructId } from './route-plan.js';

export interface ApiThrottle {
  /** Steady requests per second across the whole API. */
  rateLimit: number;
  burstLimit: number;
}

/** A few hundred staff across a district's hotels; batch registration is one request per manifest. */
export const DEFAULT_THROTTLE: ApiThrottle = { rateLimit: 50, burstLimit: 100 };

export interface QuarantineApiProps {
  /** Every route not explicitly public or lab gets this one (default-deny). */
  staffAuthorizer: IHttpRouteAuthorizer;
  throttle?: ApiThrottle;
}

/** Why a route without a JWT authorizer is still acceptable; shown in the cdk-nag report. */
const NO_JWT_REASONS: Record<'public' | 'lab', string> = {
  public:
    'Public by design: document verification and document download links are opened by people and border officers without accounts; each request is authorised in the handler by the per-document secret key in the URL.',
  lab: 'Lab result webhook: laboratories are machines without Cognito identities; every request is authenticated in the handler by an HMAC signature over the raw body with the lab\'s shared secret.',
};

// The HttpApi: same-origin web form, so no CORS; one $default stage with access
// logs (JSON, no request bodies, no query strings) and default throttling.
export class QuarantineApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private readonly integrations = new Map<IFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: QuarantineApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'quarantine-desk',
      description: 'Quarantine desk: staff API, lab webhook and public document verification',
      createDefaultStage: false,
      defaultAuthorizer: props.staffAuthorizer,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const throttle = props.throttle ?? DEFAULT_THROTTLE;
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
  }

  /** `https://{apiId}.execute-api.{region}.{urlSuffix}`, no trailing slash; built from the id so functions can read it without a dependency cycle. */
  get endpoint(): string {
    const stack = Stack.of(this);
    return Fn.join('', ['https://', this.httpApi.apiId, '.execute-api.', stack.region, '.', stack.urlSuffix]);
  }

  addRoute(route: RouteDef, fn: IFunction): HttpRoute {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${pascalCase(route.handler)}Integration`, fn);
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
    if (open) Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason: NO_JWT_REASONS[route.access as 'public' | 'lab'] });
    return httpRoute;
  }
}
