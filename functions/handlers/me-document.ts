import { isWellFormedDocumentId } from '../domain/document-id.js';
import { NotFoundError } from '../shared/errors.js';
import { httpHandler } from '../shared/public-http.js';
import { openWithSecret } from '../use-cases/personal-link.js';
import { personDocument } from '../use-cases/person-document.js';
import { pdfResponse } from '../views/pdf-response.js';
import { clientAddress, personalSecret } from './personal-request.js';

// GET /me/documents/{documentId}: a released person's document, with the personal key.
export const handler = httpHandler('public', async (req) => {
  const access = await openWithSecret(personalSecret(req), clientAddress(req));
  const id = req.param('documentId');
  if (!isWellFormedDocumentId(id)) throw new NotFoundError('Not found.');
  return pdfResponse(await personDocument(access, id));
}, { invalidPathAsEmpty: true });
