import { AddRoomsInput } from '../schemas/rooms.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { addRoomsUseCase } from '../use-cases/add-rooms.js';

export const handler = httpHandler('admin', async (req) => {
  const input = parseInput(AddRoomsInput, req.body);
  return json(201, await addRoomsUseCase(req.principal, req.param('facilityId'), input));
});
