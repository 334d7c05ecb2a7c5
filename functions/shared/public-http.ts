import { buildHttpHandler, type HttpHandlerOptions, type HttpRequest, type HttpResult } from './http-chain.js';

// The HTTP chain for routes without a signed-in caller ('public', 'lab'): no facility
// guard, so nothing here imports the table client. Staff routes use ./http.ts.

export { binary, json, type HttpRequest, type HttpResult } from './http-chain.js';

export function httpHandler(access: 'public' | 'lab', fn: (req: HttpRequest) => Promise<HttpResult>, options: HttpHandlerOptions = {}) {
  return buildHttpHandler(access, fn, options, undefined);
}
