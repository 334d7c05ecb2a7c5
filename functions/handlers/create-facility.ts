import { CreateFacilityInput } from '../schemas/facility.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { createFacilityUseCase } from '../use-cases/create-facility.js';

export const handler = httpHandler('admin', async (req) => {
  const input = parseInput(CreateFacilityInput, req.body);
  return json(201, await createFacilityUseCase(req.principal, input));
});
