import { ReasonInput } from '../schemas/documents.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { revokeDocument } from '../use-cases/documents.js';

export const handler = httpHandler('staff', async (req) => {
  const { reason } = parseInput(ReasonInput, req.body);
  return json(200, await revokeDocument(req.principal, req.param('stayId'), req.param('documentId'), reason));
});
