import { SetDepartureInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { setDeparture } from '../use-cases/departure.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(SetDepartureInput, req.body);
  return json(200, await setDeparture(req.principal, req.param('stayId'), input));
});
