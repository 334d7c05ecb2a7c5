import * as z from 'zod/mini';
import { crossFieldRule } from '../shared/validation.js';
import { cleanText, roomNumber } from './common.js';
import { residentIdNumberRule } from './resident-id.js';
import { PersonFields } from './stay.js';

// Corrections of a stay after check-in: the person's data (with a reason), a move to
// another room, the cancellation of a no-show's registration (with a reason).

const reason = cleanText(500).check(z.minLength(3));

/** Any of the person's fields, as at check-in; the document is sent whole (type, number, country). */
const PersonEdit = z.strictObject({
  ...z.partial(PersonFields).shape,
  // No default here: an absent language is no change.
  language: z.optional(z.enum(['zh', 'en', 'ko'])),
}).check(residentIdNumberRule);

export const EditPersonInput = z
  .strictObject({ person: PersonEdit, reason })
  .check(
    crossFieldRule<{ person: Record<string, unknown> }>((v, add) => {
      const p = v.person as unknown;
      if (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) add(['person'], 'nothing_to_correct', 'Send at least one field to correct');
    }),
  );
export type EditPersonInput = z.infer<typeof EditPersonInput>;

export const MoveRoomInput = z.strictObject({ roomNumber, reason: z.optional(reason) });
export type MoveRoomInput = z.infer<typeof MoveRoomInput>;

export const CancelStayInput = z.strictObject({ reason });
export type CancelStayInput = z.infer<typeof CancelStayInput>;
