import { EditPersonInput } from '../schemas/corrections.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { editPerson } from '../use-cases/edit-person.js';

export const handler = httpHandler('staff', async (req) => json(200, await editPerson(req.principal, req.param('stayId'), parseInput(EditPersonInput, req.body))));
