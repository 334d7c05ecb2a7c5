import * as z from 'zod/mini';
import { operations, type Operation, type ResponseSpec } from './contract.js';
import { GatewayError, ISSUE_CODES, LabAuthProblem, Problem, PROBLEM_TYPES, REASON_CODES } from './schemas/responses/problem.js';
import { routeKey, routes, type RouteDef } from './routes.js';

// The OpenAPI 3.1 document, generated from the route table (functions/routes.ts) and
// the contract (functions/contract.ts) with zod's own JSON Schema output: nothing in it
// is written by hand. Served at GET /openapi.json, linted and used by the tests to
// validate every response the suite receives.

type JsonSchema = Record<string, unknown>;
type Doc = Record<string, unknown> & { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, JsonSchema> } & Record<string, unknown> };

const PARAMS: Readonly<Record<string, string>> = {
  facilityId: 'Facility id (slug)',
  stayId: 'Stay id',
  roomNumber: 'Room number',
  documentId: 'Document id (17 characters)',
  file: 'File name',
  labId: 'Lab id',
  sampleId: 'Sample id (the barcode)',
  teamId: 'Team id (three-person team of a home programme)',
  checkId: 'Check id: <date>-<slot>, e.g. 2026-12-03-morning',
  requestId: 'Request id',
  followUpId: 'Follow-up id: <date>-<slot>',
};

const SECURITY: Record<RouteDef['access'], unknown[]> = {
  public: [],
  staff: [{ bearer: [] }],
  admin: [{ bearer: [] }],
  lab: [{ labId: [], labTimestamp: [], labSignature: [] }],
};

const WHO: Record<RouteDef['access'], string> = {
  public: 'Public.',
  staff: 'Staff of the facility (JWT); administrators may act on every facility.',
  admin: 'Administrators only (JWT with role admin).',
  lab: 'A lab, HMAC-signed (X-Lab-Id, X-Lab-Timestamp, X-Lab-Signature).',
};

class Builder {
  readonly schemas: Record<string, JsonSchema> = {};

  /** A zod schema as JSON Schema, its named parts (meta id) moved to components/schemas. */
  schema(s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
    const out = z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _s, $defs, ...rest } = out as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [name, def] of Object.entries($defs ?? {})) {
      const key = io === 'input' ? `${name}Input` : name;
      const moved = relink(def, io);
      const known = this.schemas[key];
      if (known && JSON.stringify(known) !== JSON.stringify(moved)) throw new Error(`Two different schemas named ${key}`);
      this.schemas[key] = moved;
    }
    return relink(rest, io);
  }
}

function relink<T>(value: T, io: 'input' | 'output'): T {
  if (Array.isArray(value)) return value.map((v) => relink(v, io)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${v.slice(8)}${io === 'input' ? 'Input' : ''}` : relink(v, io),
      ]),
    ) as T;
  }
  return value;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = (schema: JsonSchema = ref('Problem')) => ({ 'application/problem+json': { schema } });

function operationId(route: RouteDef, used: Set<string>): string {
  const camel = (s: string) => s.replace(/[-_.]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
  let id = camel(route.handler);
  const segment = route.path.split('/').filter((p) => p && !p.startsWith('{')).pop() ?? 'root';
  if (used.has(id)) id = camel(`${route.handler}-${segment}`);
  // One handler serving the same last segment with several methods (GET/POST /accounts, PUT /accounts/{username}).
  if (used.has(id)) id = camel(`${route.method.toLowerCase()}-${route.handler}-${segment}`);
  used.add(id);
  return id;
}

function response(b: Builder, spec: ResponseSpec): JsonSchema {
  const content: Record<string, unknown> = {};
  if (spec.json) content['application/json'] = { schema: b.schema(spec.json, 'output') };
  if (spec.problem) Object.assign(content, problemContent(b.schema(spec.problem, 'output')));
  if (spec.media) content[spec.media] = { schema: spec.media.startsWith('text/') ? { type: 'string' } : { type: 'string', contentMediaType: spec.media } };
  return {
    description: spec.description,
    ...(Object.keys(content).length ? { content } : {}),
    ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
  };
}

/** The problems every route of this kind can answer, besides its own. */
function commonProblems(b: Builder, route: RouteDef, op: Operation): Record<number, JsonSchema> {
  const out: Record<number, JsonSchema> = {};
  const problem = (description: string, extra: Record<string, unknown> = {}, schema?: JsonSchema) => ({ description, content: { ...problemContent(schema), ...extra } });
  const gateway = { 'application/json': { schema: ref('GatewayError') } };
  const hasParams = route.path.includes('{');
  // Every function parses a body when one is sent (size, media type, JSON), whatever the route.
  const takesBody = route.method !== 'GET' && route.handler !== 'web-assets';
  if (takesBody || op.request?.query || hasParams) {
    const what = [op.request?.body || op.request?.query ? 'invalid input (`issues` names every bad field)' : '', takesBody ? 'a malformed or too deeply nested body' : '', hasParams ? 'a badly encoded path (API Gateway)' : '']
      .filter(Boolean)
      .join(', ');
    out[400] = problem(what[0]!.toUpperCase() + what.slice(1), hasParams ? gateway : {});
  }
  if (route.access === 'staff' || route.access === 'admin') {
    out[401] = problem('No valid JWT (answered by API Gateway) or claims without a role', gateway);
    out[403] = problem(route.access === 'admin' ? 'Not an administrator, or not a facility of the caller' : 'Not a facility of the caller');
  }
  if (route.access === 'lab') out[401] = problem('Unknown lab, bad signature, or a timestamp more than 5 minutes off: `reason` says which', {}, b.schema(LabAuthProblem, 'output'));
  if (hasParams || route.handler === 'web-assets') out[404] = problem('No such resource');
  if (takesBody) {
    out[413] = problem('The body is larger than the limit (1 MiB by default; 10 MB at API Gateway)', gateway);
    out[415] = problem('The body is not application/json');
  }
  if (route.handler !== 'web-assets' && route.handler !== 'get-openapi') {
    out[503] = { ...problem('The data store is unavailable or throttling: retry'), headers: { 'retry-after': { description: 'Seconds to wait', schema: { type: 'string' } } } };
  }
  out[500] = problem('Unexpected error');
  return out;
}

function parameters(b: Builder, route: RouteDef, op: Operation): JsonSchema[] {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const params: JsonSchema[] = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    description: PARAMS[name] ?? name,
    schema: op.request?.params?.[name] ? b.schema(op.request.params[name], 'input') : { type: 'string' },
  }));
  if (op.request?.query) {
    const q = b.schema(op.request.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const { description, ...rest } = schema;
      params.push({ name, in: 'query', required: (q.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return params;
}

export function buildOpenApi(): Doc {
  const b = new Builder();
  const paths: Doc['paths'] = {};
  const used = new Set<string>();
  for (const route of routes) {
    const key = routeKey(route);
    const op = operations[key];
    if (!op) throw new Error(`No contract for ${key} (functions/contract.ts)`);
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(op.responses)) if (spec) responses[status] = response(b, spec);
    for (const [status, r] of Object.entries(commonProblems(b, route, op))) responses[status] ??= r;
    const params = parameters(b, route, op);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route, used),
      summary: op.summary,
      // The first paragraph is the README's endpoint table cell (test/readme/endpoints.test.ts).
      description: `${op.description}\n\n${WHO[route.access]}`,
      tags: [op.tag],
      security: SECURITY[route.access],
      ...(params.length ? { parameters: params } : {}),
      ...(op.request?.body ? { requestBody: { required: true, content: { 'application/json': { schema: b.schema(op.request.body, 'input') } } } } : {}),
      responses,
    };
  }
  b.schema(Problem, 'output');
  b.schema(GatewayError, 'output');
  const tags = [...new Set(Object.values(operations).map((o) => o.tag))];
  return {
    openapi: '3.1.1',
    info: {
      title: 'quarantine-desk API',
      version: '1',
      description: [
        'Centralized quarantine hotels: facilities and rooms, check-in of people and flight manifests, daily care, lab results, release and documents.',
        '',
        'Errors are RFC 9457 problem details (`application/problem+json`): `issues` lists every invalid field, `reasons` every unmet condition.',
        `Problem types (status, title): ${PROBLEM_TYPES.map((p) => `${p.status} ${p.title}`).join(', ')}.`,
        `Field issue codes: ${ISSUE_CODES.map((c) => `\`${c}\``).join(', ')}.`,
        `Condition codes (409 \`reasons\`): ${REASON_CODES.map((c) => `\`${c}\``).join(', ')}.`,
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: tags.map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(b.schemas).sort(([a], [c]) => a.localeCompare(c))),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token in the cloud; `npm run token` locally. Carries `role` and `facilities`.' },
        labId: { type: 'apiKey', in: 'header', name: 'X-Lab-Id', description: 'The lab id (`npm run lab -- add`)' },
        labTimestamp: { type: 'apiKey', in: 'header', name: 'X-Lab-Timestamp', description: 'Now in unix seconds (±5 minutes)' },
        labSignature: { type: 'apiKey', in: 'header', name: 'X-Lab-Signature', description: '`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the lab secret' },
      },
    },
  };
}

const TAGS: Record<Operation['tag'], string> = {
  Facilities: 'Facilities, rooms and the room board',
  Stays: 'Check-in, the person file, schedule, release and transfer',
  Care: 'Temperature checks, special situations, the daily sheet and return transport',
  Documents: 'Release documents: listing, PDFs, revocation, reissue and public verification',
  Lab: 'The signed lab webhook, unmatched results and test results',
  Home: 'Home isolation (居家隔离): programmes, three-person teams and their worklists, continuing a hotel stay at home, the end-of-period check',
  Accounts: 'Staff accounts (admins only): create, role and facilities, disable, one-time passwords; every change audited',
  Web: 'The staff web form',
  API: 'This document and its reference page',
};

let cached: string | undefined;

/** The document as JSON text, built once per process. */
export function openApiJson(): string {
  cached ??= JSON.stringify(buildOpenApi());
  return cached;
}
