import { httpHandler, json } from '../shared/http.js';
import { confirmCheck } from '../use-cases/self-service.js';

// POST /stays/{stayId}/checks/{checkId}/confirm: staff confirm a self-reported reading as it stands.
export const handler = httpHandler('staff', async (req) => json(200, await confirmCheck(req.principal, req.param('stayId'), req.param('checkId'))));
