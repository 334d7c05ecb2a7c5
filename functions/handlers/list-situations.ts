import { httpHandler, json } from '../shared/http.js';
import { listStaySituations } from '../use-cases/situations.js';

export const handler = httpHandler('staff', async (req) => json(200, await listStaySituations(req.principal, req.param('stayId'))));
