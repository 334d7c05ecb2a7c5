import { EndCheckInput } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { recordEndCheck } from '../use-cases/end-check.js';

export const handler = httpHandler('staff', async (req) => json(200, await recordEndCheck(req.principal, req.param('stayId'), parseInput(EndCheckInput, req.body))));
