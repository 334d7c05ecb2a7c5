import { AddSituationInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { addSituation } from '../use-cases/situations.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(AddSituationInput, req.body);
  return json(201, await addSituation(req.principal, req.param('stayId'), input));
});
