import { HealthSignoffInput } from '../schemas/documents.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { recordHealthSignoff } from '../use-cases/health-signoff.js';

export const handler = httpHandler('staff', async (req) => json(200, await recordHealthSignoff(req.principal, req.param('stayId'), parseInput(HealthSignoffInput, req.body))));
