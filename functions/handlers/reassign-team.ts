import { ReassignTeamInput } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { reassignTeam } from '../use-cases/reassign-team.js';

export const handler = httpHandler('staff', async (req) => json(200, await reassignTeam(req.principal, req.param('stayId'), parseInput(ReassignTeamInput, req.body))));
