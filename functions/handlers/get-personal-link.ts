import { httpHandler, json } from '../shared/http.js';
import { linkStatus } from '../use-cases/personal-link.js';

export const handler = httpHandler('staff', async (req) => json(200, await linkStatus(req.principal, req.param('stayId'))));
