import { TransferInput } from '../schemas/documents.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { transferStay } from '../use-cases/transfer-stay.js';

export const handler = httpHandler('staff', async (req) => json(200, await transferStay(req.principal, req.param('stayId'), parseInput(TransferInput, req.body))));
