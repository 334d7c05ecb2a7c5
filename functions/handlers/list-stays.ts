import { ListStaysQuery } from '../schemas/stay.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { listStays } from '../use-cases/list-stays.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(ListStaysQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await listStays(req.principal, req.param('facilityId'), query));
});
