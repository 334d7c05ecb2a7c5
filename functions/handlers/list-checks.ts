import { httpHandler, json } from '../shared/http.js';
import { listStayChecks } from '../use-cases/record-check.js';

export const handler = httpHandler('staff', async (req) => json(200, await listStayChecks(req.principal, req.param('stayId'))));
