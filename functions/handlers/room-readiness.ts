import { RoomPolicyInput, RoomReadinessInput } from '../schemas/rooms.js';
import { httpHandler, json } from '../shared/http.js';
import { assertAdmin } from '../shared/principal.js';
import { parseInput } from '../shared/validation.js';
import { roomReadinessBulk, roomReadinessStep, setRoomPolicy } from '../use-cases/free-room.js';

// Room readiness: one room's inspection, many rooms' (or a floor's) step, and the facility's policy.
export const handler = httpHandler('staff', async (req) => {
  const facilityId = req.param('facilityId');
  switch (req.event.routeKey) {
    case 'POST /facilities/{facilityId}/rooms/{roomNumber}/inspect':
      return json(200, await roomReadinessStep(req.principal, facilityId, req.param('roomNumber'), 'inspect'));
    case 'PUT /facilities/{facilityId}/room-policy':
      // Admins only, and staff learn that before anything about their body (403, not 400).
      assertAdmin(req.principal);
      return json(200, await setRoomPolicy(req.principal, facilityId, parseInput(RoomPolicyInput, req.body)));
    default:
      return json(200, await roomReadinessBulk(req.principal, facilityId, parseInput(RoomReadinessInput, req.body)));
  }
});
