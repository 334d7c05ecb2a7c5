import { PickupInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { assignPickup } from '../use-cases/vehicles.js';

export const handler = httpHandler('staff', async (req) => json(200, await assignPickup(req.principal, req.param('facilityId'), parseInput(PickupInput, req.body))));
