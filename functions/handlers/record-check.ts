import { RecordCheckInput, RecordCheckQuery } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { recordCheck } from '../use-cases/record-check.js';

// POST /stays/{stayId}/checks[?replace=true]: 201 when recorded, 200 when it replaced
// the slot's earlier reading, 409 (check_exists) for a second reading without replace.
export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(RecordCheckQuery, req.event.queryStringParameters ?? {}, ['query']);
  const input = parseInput(RecordCheckInput, req.body);
  const result = await recordCheck(req.principal, req.param('stayId'), input, query.replace === 'true');
  return json(result.replaced ? 200 : 201, result);
});
