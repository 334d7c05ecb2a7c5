import { httpHandler, json } from '../shared/http.js';
import { revokeLink } from '../use-cases/personal-link.js';

export const handler = httpHandler('staff', async (req) => json(200, await revokeLink(req.principal, req.param('stayId'))));
