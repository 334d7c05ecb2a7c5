import { AnswerRequestInput } from '../schemas/self-service.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { answerRequest } from '../use-cases/self-service.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(AnswerRequestInput, req.body);
  return json(200, await answerRequest(req.principal, req.param('stayId'), req.param('requestId'), input));
});
