import { DryRunQuery } from '../schemas/manifest.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { registerBatch } from '../use-cases/register-batch.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(DryRunQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await registerBatch(req.principal, req.param('facilityId'), req.body, { dryRun: query.dryRun === 'true' }));
});
