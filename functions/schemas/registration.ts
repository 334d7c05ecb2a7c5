import * as z from 'zod/mini';
import { cleanText } from './common.js';
import { RegisterStayInput } from './stay.js';

// Check-in input with the household: people travelling together (a family, a child
// with a parent, a caretaker) share a household key and are roomed together.

export const householdKey = cleanText(80).check(z.minLength(1));

export const RegistrationInput = z.safeExtend(RegisterStayInput, {
  /** Household key: the same for everyone travelling together (a manifest's family label, or a housemate's householdId). */
  household: z.optional(householdKey),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;
