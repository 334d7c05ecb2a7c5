import { AssignSampleInput } from '../schemas/lab.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { assignSample } from '../use-cases/lab-samples.js';

// POST /lab/unmatched/{labId}/{sampleId}/assign {stayId, reason?}: staff of the stay's facility when
// the sample names that person; an administrator otherwise, with a reason.
export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(AssignSampleInput, req.body);
  return json(200, await assignSample(req.principal, req.param('labId'), req.param('sampleId'), input));
});
