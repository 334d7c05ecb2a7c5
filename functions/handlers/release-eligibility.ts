import { httpHandler, json } from '../shared/http.js';
import { releaseEligibility } from '../use-cases/release-eligibility.js';

export const handler = httpHandler('staff', async (req) => json(200, await releaseEligibility(req.principal, req.param('stayId'))));
