import { httpHandler, json } from '../shared/http.js';
import { roomBoard } from '../use-cases/room-board.js';

export const handler = httpHandler('staff', async (req) => json(200, await roomBoard(req.principal, req.param('facilityId'))));
