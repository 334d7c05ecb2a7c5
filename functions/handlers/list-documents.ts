import { httpHandler, json } from '../shared/http.js';
import { listDocuments } from '../use-cases/documents.js';

export const handler = httpHandler('staff', async (req) => json(200, { documents: await listDocuments(req.principal, req.param('stayId')) }));
