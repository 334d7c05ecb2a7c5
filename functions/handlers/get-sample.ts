import { httpHandler, json } from '../shared/http.js';
import { sampleWithHistory } from '../use-cases/lab-samples.js';

export const handler = httpHandler('admin', async (req) => json(200, await sampleWithHistory(req.principal, req.param('labId'), req.param('sampleId'))));
