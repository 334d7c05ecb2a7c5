import * as z from 'zod/mini';
import { dateTime, describe } from './common.js';

export const PersonEdited = z.object({
  stayId: z.string(),
  changed: describe(z.array(z.string()), 'The fields whose value changed'),
  relinked: describe(z.boolean(), 'The travel document changed: lab results now match the new one'),
  version: z.int(),
});

export const RoomMoved = z.object({
  stayId: z.string(),
  fromRoom: z.string(),
  roomNumber: z.string(),
  fromRoomState: describe(z.enum(['cleaning', 'occupied']), 'cleaning: nobody is left in the old room'),
});

export const StayCancelled = z.object({ stayId: z.string(), status: z.literal('cancelled'), cancelledAt: dateTime, roomNumber: z.optional(z.string()) });
