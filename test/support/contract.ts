import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { appendFileSync } from 'node:fs';
import addFormatsModule from 'ajv-formats';
import { buildOpenApi } from '../../functions/openapi.js';

// Validates a response against the OpenAPI document (functions/openapi.ts), the same
// document GET /openapi.json serves: the route by method and path template, the
// response by status, the body by content type. test/support/api.ts runs it on every
// response, so code and contract cannot drift.

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type Doc = ReturnType<typeof buildOpenApi>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

let state: { doc: Doc; ajv: Ajv2020; routes: { method: string; regex: RegExp; path: string }[]; compiled: Map<string, ValidateFunction> } | undefined;

function load() {
  if (state) return state;
  const doc = buildOpenApi();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
  // Same matching as the local server: path parameters are whole segments; first match wins, in route-table order.
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({
      method: method.toUpperCase(),
      path,
      regex: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
    })),
  );
  state = { doc, ajv, routes, compiled: new Map() };
  return state;
}

function validator(key: string, schema: unknown): ValidateFunction {
  const s = load();
  let v = s.compiled.get(key);
  if (!v) {
    // Refs point at #/components/schemas/...: resolve them in the document registered as "openapi".
    v = s.ajv.compile(rebase(schema) as object);
    s.compiled.set(key, v);
  }
  return v;
}

function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : rebase(v)]));
  }
  return value;
}

/** Builds the document and compiles every response schema now, so no timed request pays for it. */
export function warmContract(): void {
  const s = load();
  for (const [path, ops] of Object.entries(s.doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      for (const [status, spec] of Object.entries(op.responses)) {
        for (const [media, c] of Object.entries(spec.content ?? {})) {
          if (c.schema && (media === 'application/json' || media === 'application/problem+json')) validator(`${method.toUpperCase()} ${path} ${status} ${media}`, c.schema);
        }
      }
    }
  }
}

export interface ReceivedResponse {
  method: string;
  /** Path and query, as requested. */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  text: string;
}

/** Why this response breaks the contract, or undefined when it keeps it. */
export function contractViolation(r: ReceivedResponse): string | undefined {
  const s = load();
  const pathname = new URL(r.path, 'http://localhost').pathname;
  const media = r.contentType.split(';')[0]!.trim().toLowerCase();
  const method = r.method.toUpperCase();
  const where = `${method} ${r.path} answered ${r.status} ${media || '(no content type)'}`;
  const route = s.routes.find((x) => x.method === method && x.regex.test(pathname));
  const schemaOf = (content: Record<string, { schema?: unknown }>, key: string) => {
    if (media === 'application/json' || media === 'application/problem+json') {
      const schema = content[media]?.schema;
      if (!schema) return `${where}: the document has no ${media} body for it (documented: ${Object.keys(content).join(', ')})`;
      const validate = validator(key + media, schema);
      if (!validate(r.body)) {
        const errors = (validate.errors ?? []).slice(0, 8).map((e) => `  ${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
        return `${where}: the body does not match the OpenAPI document\n${errors.join('\n')}\nbody: ${r.text.slice(0, 600)}`;
      }
      return undefined;
    }
    if (!Object.keys(content).some((c) => c === '*/*' || c === media)) return `${where}: undocumented content type (documented: ${Object.keys(content).join(', ')})`;
    return undefined;
  };
  if (!route) {
    // API Gateway's own answer for a path or method it has no route for.
    if (r.status === 404 || r.status === 400) return schemaOf({ 'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } } }, 'gateway');
    return `${where}: no route in the OpenAPI document`;
  }
  // CONTRACT_SEEN=<file> lists each route and status the suite received (which documented answers no test reaches).
  if (process.env.CONTRACT_SEEN) appendFileSync(process.env.CONTRACT_SEEN, `${method} ${route.path} ${r.status}\n`);
  const op = s.doc.paths[route.path]![method.toLowerCase()] as Operation;
  const spec = op.responses[String(r.status)];
  if (!spec) return `${where}: status ${r.status} is not documented for ${method} ${route.path} (documented: ${Object.keys(op.responses).join(', ')})`;
  if (!spec.content) return r.text === '' ? undefined : `${where}: the document says no body, got ${r.text.slice(0, 200)}`;
  return schemaOf(spec.content, `${method} ${route.path} ${r.status} `);
}
