import { IssueDocumentInput } from '../schemas/documents.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { issueDocumentAgain } from '../use-cases/reissue-document.js';

export const handler = httpHandler('staff', async (req) => {
  const { type } = parseInput(IssueDocumentInput, req.body);
  return json(201, await issueDocumentAgain(req.principal, req.param('stayId'), type));
});
