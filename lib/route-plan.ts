import type { Access } from '../functions/shared/http.js';
import { routeKey, type RouteDef, type TableAccess } from '../functions/routes.js';
import { widerAccess } from './table-access.js';

// Turns the route table into one plan per Lambda: a handler may serve several
// routes, so its size is the largest any of them asks for, and its table access
// the widest: what a route declares (`table`), else read for a GET and write
// otherwise; DeleteItem only where a route declares `deletes`.

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_ROUTE_TIMEOUT_SECONDS = 10;
/** HttpApi stops waiting for an integration after 30 s; a longer Lambda would only run on unobserved. */
export const MAX_ROUTE_TIMEOUT_SECONDS = 29;

export interface HandlerPlan {
  handler: string;
  routes: RouteDef[];
  memoryMb: number;
  timeoutSeconds: number;
  /** No write access to the table (GET-only handlers unless declared otherwise). */
  readOnly: boolean;
  table: TableAccess;
  deletes: boolean;
  /** Every route of the handler is public or the lab webhook (no JWT): it gets reserved concurrency. */
  open: boolean;
}

const OPEN_ACCESS: readonly Access[] = ['public', 'lab'];

/** What a route may do on the table: its declaration, else read for a GET and write otherwise. */
export function routeTableAccess(route: Pick<RouteDef, 'method' | 'table'>): TableAccess {
  return route.table ?? (route.method === 'GET' ? 'read' : 'write');
}

export function planHandlers(routes: readonly RouteDef[]): HandlerPlan[] {
  const seen = new Set<string>();
  const plans = new Map<string, HandlerPlan>();
  for (const route of routes) {
    const key = routeKey(route);
    if (seen.has(key)) throw new Error(`Route ${key} is declared twice in functions/routes.ts`);
    seen.add(key);
    const timeout = route.timeoutSeconds ?? DEFAULT_ROUTE_TIMEOUT_SECONDS;
    if (timeout > MAX_ROUTE_TIMEOUT_SECONDS) throw new Error(`Route ${key}: timeoutSeconds ${timeout} exceeds the HttpApi limit (${MAX_ROUTE_TIMEOUT_SECONDS})`);
    const plan = plans.get(route.handler) ?? {
      handler: route.handler,
      routes: [],
      memoryMb: 0,
      timeoutSeconds: 0,
      readOnly: true,
      table: 'none' as TableAccess,
      deletes: false,
      open: true,
    };
    plan.routes.push(route);
    plan.memoryMb = Math.max(plan.memoryMb, route.memoryMb ?? DEFAULT_MEMORY_MB);
    plan.timeoutSeconds = Math.max(plan.timeoutSeconds, timeout);
    plan.table = widerAccess(plan.table, routeTableAccess(route));
    plan.deletes ||= route.deletes === true;
    plan.open &&= OPEN_ACCESS.includes(route.access);
    plans.set(route.handler, plan);
  }
  for (const plan of plans.values()) {
    plan.readOnly = plan.table !== 'write';
    if (plan.deletes && plan.table !== 'write') throw new Error(`Handler ${plan.handler} deletes but its table access is '${plan.table}', not 'write'`);
  }
  return [...plans.values()];
}

/** A stable construct id from a route key: logical ids must not change when routes are added or reordered. */
export function routeConstructId(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `Route-${route.method}-${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;
}

/** `get-board` -> `GetBoard`, for construct ids that read well in the console. */
export function pascalCase(name: string): string {
  return name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
