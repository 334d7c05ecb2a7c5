import { RequestListQuery } from '../schemas/self-service.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { listRequests } from '../use-cases/self-service.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(RequestListQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await listRequests(req.principal, req.param('facilityId'), query));
});
