import { PdfFileName } from '../schemas/documents.js';
import { NotFoundError } from '../shared/errors.js';
import { httpHandler } from '../shared/public-http.js';
import { downloadWithKey } from '../use-cases/document-downloads.js';
import { pdfResponse } from '../views/pdf-response.js';

// Public: the holder's link `/documents/<id>.pdf?key=<secret>`. Anything wrong is a plain 404.
export const handler = httpHandler('public', async (req) => {
  const file = PdfFileName.safeParse(req.param('file'));
  if (!file.success) throw new NotFoundError('No such document.');
  return pdfResponse(await downloadWithKey(file.data.slice(0, -4), req.query('key')));
});
