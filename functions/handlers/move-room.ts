import { MoveRoomInput } from '../schemas/corrections.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { moveRoom } from '../use-cases/move-room.js';

export const handler = httpHandler('staff', async (req) => json(200, await moveRoom(req.principal, req.param('stayId'), parseInput(MoveRoomInput, req.body))));
