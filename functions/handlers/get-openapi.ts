import { readFile } from 'node:fs/promises';
import { httpHandler } from '../shared/public-http.js';

// GET /openapi.json: the API contract (functions/openapi.ts builds it from the route
// table and the zod schemas). Building it constructs every route's schemas (~50 ms),
// so the deployed function carries the document prebuilt at synth by that same
// generator (openapi.json beside its bundle, lib/handler-assets.ts); where there is
// none (the local stack, tests) it is built on the first request.

let document: Promise<string> | undefined;

async function load(): Promise<string> {
  try {
    return await readFile(new URL('./openapi.json', import.meta.url), 'utf8');
  } catch {
    return (await import('../openapi.js')).openApiJson();
  }
}

export const handler = httpHandler('public', async () => {
  document ??= load();
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
    body: await document,
  };
});
