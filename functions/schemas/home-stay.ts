import * as z from 'zod/mini';
import { HomeAddressInput } from './home.js';
import { RegisterStayInput } from './stay.js';

// A home-isolation check-in: the hotel person file with the home address instead of a room.

/** POST /facilities/{facilityId}/stays of a home programme: the same person file as a hotel check-in, with the home address instead of a room. */
export const RegisterHomeStayInput = z.safeExtend(RegisterStayInput, { home: HomeAddressInput }).check(
  z.superRefine((v, ctx) => {
    if (v.roomNumber !== undefined) ctx.addIssue({ code: 'custom', path: ['roomNumber'], message: 'A home-isolation stay has no room: give the home address' });
  }),
);
export type RegisterHomeStayInput = z.infer<typeof RegisterHomeStayInput>;
