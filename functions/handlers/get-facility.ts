import { httpHandler, json } from '../shared/http.js';
import { loadFacilityFor } from '../use-cases/load-facility.js';

export const handler = httpHandler('staff', async (req) => json(200, await loadFacilityFor(req.principal, req.param('facilityId'))));
