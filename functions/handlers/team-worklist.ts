import { WorklistQuery } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { teamWorklist } from '../use-cases/team-worklist.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(WorklistQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await teamWorklist(req.principal, req.param('facilityId'), req.param('teamId'), query));
});
