import { guardFacilityScope } from './facility-guard.js';
import { buildHttpHandler, type Access, type HttpHandlerOptions, type HttpRequest, type HttpResult } from './http-chain.js';

// The HTTP chain (./http-chain.ts) with the facility guard, for any route. Public
// and lab handlers use ./public-http.ts instead, which leaves the guard (and with
// it the DynamoDB client) out of bundles that never read the table.

export { binary, json, type Access, type HttpEvent, type HttpHandlerOptions, type HttpRequest, type HttpResult } from './http-chain.js';

export function httpHandler(access: Access, fn: (req: HttpRequest) => Promise<HttpResult>, options: HttpHandlerOptions = {}) {
  return buildHttpHandler(access, fn, options, guardFacilityScope);
}
