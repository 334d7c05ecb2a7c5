import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config } from './config.js';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.js';
import { problemResponse } from './http-errors.js';
import { jsonDepth } from './json-depth.js';
import { logger } from './logger.js';
import { checkedPathParameters } from './path-params.js';
import { assertAdmin, principalFromClaims, type Principal } from './principal.js';

// Every HTTP handler is `httpHandler(access, fn)`: a middy chain that parses the
// JSON body (size-limited), resolves the caller, times the request and turns any
// thrown error into a problem response. Handlers stay a few lines long.
// This module holds the chain without the facility guard (which reads the table):
// staff routes take `httpHandler` from ./http.ts (chain + guard), public and lab
// routes from ./public-http.ts, so the static-asset bundle carries no DynamoDB client.

export type Access = 'public' | 'staff' | 'admin' | 'lab';

/** The API Gateway v2 event; `authorizer` is present on JWT-protected routes. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
};
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface HttpRequest {
  event: HttpEvent;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  /** Raw body text, exactly as sent (signature checks need it). */
  rawBody: string;
  principal: Principal;
  requestId: string;
  param(name: string): string;
  query(name: string): string | undefined;
  header(name: string): string | undefined;
}

interface RequestContext extends Context {
  http?: { body: unknown; rawBody: string; principal?: Principal; params: Record<string, string> };
}

/** Our bodies nest 4 levels at most; anything far deeper is an attack or a bug. */
const MAX_JSON_DEPTH = 20;

const ANONYMOUS: Principal = { subject: 'anonymous', role: 'staff', facilities: [] };

function decodeBody(event: HttpEvent): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

export interface HttpHandlerOptions {
  /**
   * Authenticates the request from its raw body and headers BEFORE the body is
   * parsed; required on 'lab' routes (HMAC signature), so an unsigned request is a
   * 401 whatever its body holds, even malformed JSON.
   */
  authenticate?: (raw: { rawBody: string; header(name: string): string | undefined }) => Promise<unknown>;
  /**
   * A path parameter out of bounds (too long, odd characters) reaches the handler as ''
   * instead of a 404 problem: for public pages that answer "not valid" in their own format.
   */
  invalidPathAsEmpty?: boolean;
}

/** Checks the path's facility or stay against the caller's facilities (./facility-guard.ts). */
export type ScopeGuard = (principal: Principal, pathParameters: Record<string, string | undefined> | undefined) => Promise<void>;

const parseRequest = (access: Access, options: HttpHandlerOptions, guard: ScopeGuard | undefined): MiddlewareObj<HttpEvent, HttpResult, Error, RequestContext> => ({
  before: async ({ event, context }) => {
    // Who first: a caller without access learns nothing, not even that the body was bad.
    let principal: Principal | undefined;
    if (access === 'staff' || access === 'admin') {
      principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
      if (access === 'admin') assertAdmin(principal);
      if (!guard) throw new Error(`A '${access}' route needs the facility guard (functions/shared/http.ts)`);
    }
    // Checked (and the facility id made canonical) before the guard reads anything with them.
    const params = checkedPathParameters(event.pathParameters, options.invalidPathAsEmpty);
    if (principal && guard) await guard(principal, params);
    const rawBody = decodeBody(event);
    if (Buffer.byteLength(rawBody) > config().MAX_BODY_BYTES) {
      throw new PayloadTooLargeError(`The body must be at most ${config().MAX_BODY_BYTES} bytes.`);
    }
    if (options.authenticate) await options.authenticate({ rawBody, header: (name) => event.headers?.[name.toLowerCase()] });
    let body: unknown;
    if (rawBody.trim() !== '') {
      const type = event.headers?.['content-type'] ?? 'application/json';
      if (!/^application\/(.+\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError('Send the body as application/json.');
      if (jsonDepth(rawBody) > MAX_JSON_DEPTH) throw new MalformedBodyError(`The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new MalformedBodyError('The body is not valid JSON.');
      }
    }
    context.http = { body, rawBody, principal, params };
  },
});

const problems: MiddlewareObj<HttpEvent, HttpResult, Error, RequestContext> = {
  onError: async (request) => {
    request.response = problemResponse(request.error, request.event.requestContext?.requestId);
  },
};

const accessLog: MiddlewareObj<HttpEvent, HttpResult, Error, RequestContext> = {
  before: async (request) => {
    (request.internal as Record<string, unknown>).startedAt = performance.now();
  },
  after: async (request) => logRequest(request.event, request.response, request.internal),
  onError: async (request) => logRequest(request.event, request.response, request.internal),
};

function logRequest(event: HttpEvent, response: HttpResult | null | undefined, internal: Record<string, unknown>): void {
  const started = internal.startedAt as number | undefined;
  // Route key and status only: paths can hold ids but never personal data.
  logger.info('request', {
    route: event.routeKey,
    status: response?.statusCode,
    ms: started === undefined ? undefined : Math.round((performance.now() - started) * 10) / 10,
    requestId: event.requestContext?.requestId,
  });
}

/** The chain for `access`; staff and admin routes must pass the facility guard. */
export function buildHttpHandler(access: Access, fn: (req: HttpRequest) => Promise<HttpResult>, options: HttpHandlerOptions, guard: ScopeGuard | undefined) {
  // Fail closed at cold start: a lab route without its signature check would be open to anyone,
  // a staff route without the guard would let staff of one facility into another's stays.
  if (access === 'lab' && !options.authenticate) throw new Error("A 'lab' route needs options.authenticate (signature check)");
  if ((access === 'staff' || access === 'admin') && !guard) throw new Error(`A '${access}' route needs the facility guard (functions/shared/http.ts)`);
  return middy<HttpEvent, HttpResult, Error, RequestContext>()
    .use(accessLog)
    .use(problems)
    .use(parseRequest(access, options, guard))
    .handler(async (event, context) => {
      const parsed = context.http ?? { body: undefined, rawBody: '', params: {} };
      return fn({
        event,
        body: parsed.body,
        rawBody: parsed.rawBody,
        principal: parsed.principal ?? ANONYMOUS,
        requestId: event.requestContext?.requestId ?? '',
        param: (name) => parsed.params[name] ?? '',
        query: (name) => event.queryStringParameters?.[name],
        header: (name) => event.headers?.[name.toLowerCase()],
      });
    });
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** A binary body (API Gateway passes it base64-encoded). */
export function binary(statusCode: number, body: Buffer, headers: Record<string, string>): HttpResult {
  return { statusCode, headers, body: body.toString('base64'), isBase64Encoded: true };
}
