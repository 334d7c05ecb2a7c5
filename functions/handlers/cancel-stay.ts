import { CancelStayInput } from '../schemas/corrections.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { cancelStay } from '../use-cases/cancel-stay.js';

export const handler = httpHandler('staff', async (req) => json(200, await cancelStay(req.principal, req.param('stayId'), parseInput(CancelStayInput, req.body))));
