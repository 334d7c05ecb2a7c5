import { ReasonInput } from '../schemas/documents.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { reissueDocument } from '../use-cases/reissue-document.js';

export const handler = httpHandler('staff', async (req) => {
  const { reason } = parseInput(ReasonInput, req.body);
  return json(201, await reissueDocument(req.principal, req.param('stayId'), req.param('documentId'), reason));
});
