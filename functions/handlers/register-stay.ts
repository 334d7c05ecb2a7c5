import { httpHandler, json } from '../shared/http.js';
import { registerAnyStay } from '../use-cases/register-any-stay.js';
import { toStayResponse } from '../use-cases/stay-response.js';

export const handler = httpHandler('staff', async (req) => {
  const stay = await registerAnyStay(req.principal, req.param('facilityId'), req.body);
  return json(201, toStayResponse(stay), { location: `/stays/${stay.stayId}` });
});
