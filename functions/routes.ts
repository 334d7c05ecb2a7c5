import type { Access } from './shared/http.js';

// THE route table. The CDK stack creates one Lambda per handler and one HttpApi
// route per entry (JWT authorizer on staff/admin routes); the local server serves
// exactly the same entries with the same handlers. Add a route here and both follow.

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template: parameters are whole segments, `{name}`. */
  path: string;
  /** File name under functions/handlers/ (without .ts) exporting `handler`. */
  handler: string;
  /** public: anyone; lab: HMAC-signed lab webhook; staff/admin: JWT of facility staff / administrators. */
  access: Access;
  /** Lambda memory and timeout when the default (256 MB, 10 s) does not fit. */
  memoryMb?: number;
  timeoutSeconds?: number;
}

export const routes: readonly RouteDef[] = [
  { method: 'POST', path: '/facilities', handler: 'create-facility', access: 'admin' },
  { method: 'GET', path: '/facilities', handler: 'list-facilities', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}', handler: 'get-facility', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/rooms', handler: 'add-rooms', access: 'admin', timeoutSeconds: 29 },
  { method: 'GET', path: '/facilities/{facilityId}/board', handler: 'get-board', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/stays', handler: 'register-stay', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/stays/batch', handler: 'register-batch', access: 'staff', memoryMb: 512, timeoutSeconds: 29 },
  { method: 'GET', path: '/facilities/{facilityId}/stays', handler: 'list-stays', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}', handler: 'get-stay', access: 'staff' },
];

export interface JobDef {
  name: string;
  handler: string;
  /** EventBridge schedule expression, e.g. "cron(0 * * * ? *)". */
  schedule: string;
  /** Local timer period in seconds. */
  localEverySeconds: number;
}

export const jobs: readonly JobDef[] = [];

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;
