import { httpHandler, json } from '../shared/http.js';
import { listStayTests } from '../use-cases/stay-test-results.js';

export const handler = httpHandler('staff', async (req) => json(200, await listStayTests(req.principal, req.param('stayId'))));
