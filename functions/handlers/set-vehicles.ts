import { VehiclesInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { setVehicles } from '../use-cases/vehicles.js';

export const handler = httpHandler('staff', async (req) => json(200, await setVehicles(req.principal, req.param('facilityId'), parseInput(VehiclesInput, req.body))));
