import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { routeKey, routes as defaultRoutes, type RouteDef } from '../functions/routes.js';
import type { HttpEvent } from '../functions/shared/http.js';
import { toApiEvent } from './api-event.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './jwt.js';
import { keyIssuer, tokenVerifier, type TokenVerifier } from './token-verifier.js';

// The local stand-in for API Gateway: matches the route table, checks the JWT on
// staff/admin routes like the HttpApi JWT authorizer, and invokes the very same
// Lambda handlers with API Gateway v2 events.

/** API Gateway HTTP APIs accept payloads up to 10 MB. */
const MAX_PAYLOAD = 10 * 1024 * 1024;

type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

interface CompiledRoute {
  route: RouteDef;
  regex: RegExp;
  names: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const names: string[] = [];
  const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, regex: new RegExp(`^${pattern}$`), names };
}

const handlerCache = new Map<string, Promise<Handler>>();

function loadHandler(name: string): Promise<Handler> {
  let h = handlerCache.get(name);
  if (!h) {
    h = import(`../functions/handlers/${name}.ts`).then((m: { handler: Handler }) => m.handler);
    handlerCache.set(name, h);
  }
  return h;
}

function lambdaContext(name: string, requestId: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 30_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): void {
  res.writeHead(status, headers);
  res.end(body);
}

export interface ServerLimits {
  /** Largest request body; API Gateway HTTP APIs accept payloads up to 10 MB. */
  maxBodyBytes: number;
  /** Time for a client to send the request line and all headers. */
  headersTimeoutMs: number;
  /** Time for a client to send the whole request, body included. */
  requestTimeoutMs: number;
  /** Longest pause while a body is arriving. */
  bodyIdleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxBodyBytes: MAX_PAYLOAD, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, bodyIdleTimeoutMs: 10_000 };

type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 408 | 413 | 400 };

/**
 * The body, read chunk by chunk: refused (413) as soon as it passes the limit, or
 * before reading anything when Content-Length already does, and given up (408)
 * after a pause longer than the idle timeout. Never buffers more than the limit.
 */
function readBody(req: IncomingMessage, limits: ServerLimits): Promise<BodyResult> {
  if (Number(req.headers['content-length']) > limits.maxBodyBytes) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, status: 408 }), limits.bodyIdleTimeoutMs);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return finish({ ok: false, status: 413 });
      chunks.push(chunk);
      arm();
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 400 });
    req.on('data', onData).once('end', onEnd).once('error', onError);
    arm();
  });
}

const REFUSED: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Request Entity Too Large' };

/** Answers and hangs up without reading the rest of the request. */
function refuse(req: IncomingMessage, res: ServerResponse, status: 400 | 408 | 413): void {
  res.shouldKeepAlive = false;
  res.once('finish', () => {
    // FIN first so the client reads the answer; then drop whatever it still sends.
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 1000).unref();
  });
  send(res, status, JSON.stringify({ message: REFUSED[status] }), { 'content-type': 'application/json', connection: 'close' });
}

export interface LocalServerOptions {
  /** Checks bearer tokens; default: tokens signed with `publicKey` (`npm run token`). */
  verify?: TokenVerifier;
  publicKey?: KeyObject;
  /** Requests under this path prefix (the local OpenID provider, /oidc) go to `handle`. */
  mount?: { prefix: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void };
  routes?: readonly RouteDef[];
  limits?: Partial<ServerLimits>;
}

export function createLocalServer(opts: LocalServerOptions): Server {
  const verify = opts.verify ?? (opts.publicKey ? tokenVerifier([keyIssuer(LOCAL_ISSUER, LOCAL_AUDIENCE, opts.publicKey)]) : async () => undefined);
  const compiled = (opts.routes ?? defaultRoutes).map(compile);
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Node answers 408 itself when headers or the whole request are late; it looks at
  // its connections once per check interval, so that is kept well under the timeouts.
  const timeouts = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, limits.headersTimeoutMs / 4)),
  };
  return createServer(timeouts, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ message: 'Internal Server Error' }));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const mount = opts.mount;
    if (mount && (url.pathname === mount.prefix || url.pathname.startsWith(`${mount.prefix}/`))) return void (await mount.handle(req, res));
    let match: { c: CompiledRoute; params: Record<string, string> } | undefined;
    for (const c of compiled) {
      if (c.route.method !== req.method) continue;
      const m = c.regex.exec(url.pathname);
      if (!m) continue;
      try {
        match = { c, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])) };
      } catch {
        return send(res, 400, JSON.stringify({ message: 'Bad Request' }));
      }
      break;
    }
    if (!match) return send(res, 404, JSON.stringify({ message: 'Not Found' }));
    const { route } = match.c;

    let claims: Record<string, unknown> | undefined;
    if (route.access === 'staff' || route.access === 'admin') {
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      claims = token ? await verify(token) : undefined;
      if (!claims) return send(res, 401, JSON.stringify({ message: 'Unauthorized' }), { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    }
    const read = await readBody(req, limits);
    if (!read.ok) return refuse(req, res, read.status);
    const { body } = read;

    const event = toApiEvent({ req, url, routeKey: routeKey(route), pathParameters: match.params, body, claims });
    const handler = await loadHandler(route.handler);
    const result = await handler(event, lambdaContext(route.handler, event.requestContext.requestId));
    writeResult(res, result);
  }
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  // Like API Gateway: a bare value (not a {statusCode} object) is a 200 JSON body.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return send(res, 200, typeof result === 'string' ? result : JSON.stringify(result));
  }
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
}
