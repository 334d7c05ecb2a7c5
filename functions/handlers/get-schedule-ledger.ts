import { httpHandler, json } from '../shared/http.js';
import { scheduleLedger } from '../use-cases/schedule-ledger.js';

export const handler = httpHandler('staff', async (req) => json(200, await scheduleLedger(req.principal, req.param('stayId'))));
