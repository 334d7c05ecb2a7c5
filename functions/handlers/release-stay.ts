import { httpHandler, json } from '../shared/http.js';
import { releaseStay } from '../use-cases/release-stay.js';

export const handler = httpHandler('staff', async (req) => json(200, await releaseStay(req.principal, req.param('stayId'))));
