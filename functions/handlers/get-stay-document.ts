import { httpHandler } from '../shared/http.js';
import { downloadForStaff } from '../use-cases/document-downloads.js';
import { pdfResponse } from '../views/pdf-response.js';

export const handler = httpHandler('staff', async (req) => pdfResponse(await downloadForStaff(req.principal, req.param('stayId'), req.param('documentId'))));
