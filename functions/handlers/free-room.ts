import { httpHandler, json } from '../shared/http.js';
import { markRoomFree } from '../use-cases/free-room.js';

export const handler = httpHandler('staff', async (req) => json(200, await markRoomFree(req.principal, req.param('facilityId'), req.param('roomNumber'))));
