import * as z from 'zod';
import { cleanText } from './common.js';
import { RegisterStayInput } from './stay.js';

// Check-in input with the household: people travelling together (a family, a child
// with a parent, a caretaker) share a household key and are roomed together.

export const householdKey = cleanText(80).min(1);

export const RegistrationInput = RegisterStayInput.safeExtend({
  /** Household key: the same for everyone travelling together (a manifest's family label, or a housemate's householdId). */
  household: householdKey.optional(),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;
