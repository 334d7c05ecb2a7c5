import { UnassignSampleInput } from '../schemas/lab.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { unassignSample } from '../use-cases/unassign-sample.js';

// POST /lab/samples/{labId}/{sampleId}/unassign {reason}: an assignment undone, the
// sample back in the unmatched queue. Admins, or staff of the stay's facility.
export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(UnassignSampleInput, req.body);
  return json(200, await unassignSample(req.principal, req.param('labId'), req.param('sampleId'), input.reason));
});
