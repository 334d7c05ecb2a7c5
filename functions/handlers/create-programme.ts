import { CreateProgrammeInput } from '../schemas/programme.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { createProgramme } from '../use-cases/create-programme.js';

export const handler = httpHandler('admin', async (req) => {
  const facility = await createProgramme(req.principal, parseInput(CreateProgrammeInput, req.body));
  return json(201, facility, { location: `/facilities/${facility.facilityId}` });
});
