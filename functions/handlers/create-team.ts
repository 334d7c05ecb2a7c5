import { CreateTeamInput } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { createTeam } from '../use-cases/teams.js';

export const handler = httpHandler('admin', async (req) => json(201, await createTeam(req.principal, req.param('facilityId'), parseInput(CreateTeamInput, req.body))));
