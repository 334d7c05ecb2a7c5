import { RegistrationInput } from '../schemas/registration.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { registerStay } from '../use-cases/register-stay.js';
import { toStayResponse } from '../use-cases/stay-response.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(RegistrationInput, req.body);
  const stay = await registerStay(req.principal, req.param('facilityId'), input);
  return json(201, toStayResponse(stay), { location: `/stays/${stay.stayId}` });
});
