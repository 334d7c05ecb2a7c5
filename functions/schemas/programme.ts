import * as z from 'zod/mini';
import { CreateFacilityInput } from './facility.js';

// A home-isolation programme: a facility without rooms, with the hotel's policy fields.

/** POST /home-programmes: a facility without rooms; same policy fields as a hotel. */
export const CreateProgrammeInput = z.strictObject({
  ...CreateFacilityInput.shape,
  level: z.enum(['district', 'street', 'community']),
  homeRelease: z.optional(z.strictObject({ quietSlots: z.number().check(z.int(), z.minimum(1), z.maximum(28)) })),
});
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeInput>;
