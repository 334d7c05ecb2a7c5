import { listFacilities } from '../entities/facility.js';
import { httpHandler, json } from '../shared/http.js';
import { canAccessFacility } from '../shared/principal.js';

export const handler = httpHandler('staff', async (req) => {
  const facilities = (await listFacilities()).filter((f) => canAccessFacility(req.principal, f.facilityId));
  return json(200, { facilities });
});
