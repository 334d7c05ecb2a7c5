import { PageQuery } from '../schemas/page.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { listUnmatched } from '../use-cases/lab-samples.js';

export const handler = httpHandler('admin', async (req) => {
  const query = parseInput(PageQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await listUnmatched(req.principal, query));
});
