import { PageQuery } from '../schemas/page.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { listFollowUps } from '../use-cases/follow-ups.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(PageQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await listFollowUps(req.principal, req.param('facilityId'), query));
});
