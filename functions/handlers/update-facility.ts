import { UpdateFacilityInput } from '../schemas/facility.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { updateFacilityUseCase } from '../use-cases/create-facility.js';

export const handler = httpHandler('admin', async (req) => json(200, await updateFacilityUseCase(req.principal, req.param('facilityId'), parseInput(UpdateFacilityInput, req.body))));
