import { httpHandler } from '../shared/public-http.js';
import { openApiJson } from '../openapi.js';

// GET /openapi.json: the API contract, generated once per cold start from the route
// table and the zod schemas (functions/openapi.ts).
export const handler = httpHandler('public', async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body: openApiJson(),
}));
