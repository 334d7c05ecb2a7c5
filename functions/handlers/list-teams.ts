import { httpHandler, json } from '../shared/http.js';
import { listTeamsOf } from '../use-cases/teams.js';

export const handler = httpHandler('staff', async (req) => json(200, await listTeamsOf(req.principal, req.param('facilityId'))));
