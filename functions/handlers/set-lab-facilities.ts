import { LabFacilitiesInput } from '../schemas/lab.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { setLabFacilities } from '../use-cases/lab-scope.js';

// PUT /labs/{labId}/facilities {facilities: [ids] | "all"}: admins only.
export const handler = httpHandler('admin', async (req) => {
  const input = parseInput(LabFacilitiesInput, req.body);
  return json(200, await setLabFacilities(req.principal, req.param('labId'), input.facilities));
});
