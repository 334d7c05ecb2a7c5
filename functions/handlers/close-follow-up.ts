import { FollowUpDoneInput } from '../schemas/self-service.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { closeFollowUp } from '../use-cases/follow-ups.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(FollowUpDoneInput, req.body);
  return json(200, await closeFollowUp(req.principal, req.param('stayId'), req.param('followUpId'), input.note));
});
