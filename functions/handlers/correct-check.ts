import { CorrectCheckInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { correctCheck } from '../use-cases/record-check.js';

// POST /stays/{stayId}/checks/{checkId}/correction {temperatureC?, symptoms?, reason}:
// the corrected values go on the check, the first reading and each correction stay beside them.
export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(CorrectCheckInput, req.body);
  return json(200, await correctCheck(req.principal, req.param('stayId'), req.param('checkId'), input));
});
