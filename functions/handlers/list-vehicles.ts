import { httpHandler, json } from '../shared/http.js';
import { listVehicles } from '../use-cases/vehicles.js';

export const handler = httpHandler('staff', async (req) => json(200, await listVehicles(req.principal, req.param('facilityId'))));
