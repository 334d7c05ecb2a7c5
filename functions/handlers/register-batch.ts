import { httpHandler, json } from '../shared/http.js';
import { registerBatch } from '../use-cases/register-batch.js';

export const handler = httpHandler('staff', async (req) => json(200, await registerBatch(req.principal, req.param('facilityId'), req.body)));
