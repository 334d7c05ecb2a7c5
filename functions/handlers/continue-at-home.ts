import { ContinueAtHomeInput } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { continueAtHome } from '../use-cases/continue-at-home.js';

export const handler = httpHandler('staff', async (req) => {
  const result = await continueAtHome(req.principal, req.param('stayId'), parseInput(ContinueAtHomeInput, req.body));
  return json(201, result, { location: `/stays/${result.homeStay.stayId}` });
});
