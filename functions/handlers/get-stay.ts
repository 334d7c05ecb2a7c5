import { httpHandler, json } from '../shared/http.js';
import { viewStay } from '../use-cases/view-stay.js';

export const handler = httpHandler('staff', async (req) => json(200, await viewStay(req.principal, req.param('stayId'))));
