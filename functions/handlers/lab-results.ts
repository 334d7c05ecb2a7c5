import { LabDeliveryInput } from '../schemas/lab.js';
import { httpHandler, json } from '../shared/public-http.js';
import { parseInput } from '../shared/validation.js';
import { ingestLabResults } from '../use-cases/ingest-lab-results.js';
import { authenticateLab } from '../use-cases/lab-auth.js';

// POST /lab/results: the signed lab webhook. The signature is checked on the raw
// body before anything is parsed (401 otherwise); then the body is validated as a
// whole (400 naming every bad field, nothing stored), then each result is stored
// and answered on its own (200 with per-result statuses).
export const handler = httpHandler(
  'lab',
  async (req) => {
    // Verified by authenticateLab before this runs: the header names the signing lab.
    const labId = req.header('x-lab-id')!.trim();
    const input = parseInput(LabDeliveryInput, req.body);
    return json(200, await ingestLabResults(labId, input.results));
  },
  { authenticate: authenticateLab },
);
