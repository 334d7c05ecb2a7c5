import { httpHandler, json } from '../shared/http.js';
import { getFacilityStats } from '../use-cases/facility-stats.js';

export const handler = httpHandler('staff', async (req) => json(200, await getFacilityStats(req.principal, req.param('facilityId'))));
