import { UpdateTeamInput } from '../schemas/home.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { updateTeam } from '../use-cases/team-edit.js';

export const handler = httpHandler('admin', async (req) => json(200, await updateTeam(req.principal, req.param('facilityId'), req.param('teamId'), parseInput(UpdateTeamInput, req.body))));
