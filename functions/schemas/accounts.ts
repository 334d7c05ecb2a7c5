import * as z from 'zod/mini';
import { crossFieldRule } from '../shared/validation.js';
import { cleanText, facilityIdSchema } from './common.js';

// The accounts administration inputs (admins only). A username is what people type
// at sign-in, here and in Cognito (case-insensitive there too): lower case, 3-64
// letters, digits, . _ or - (URL-safe: it is a path segment). An admin carries no facility list (every facility is
// theirs); a staff account names at least one. custom:facilities holds 2048
// characters, so at most 40 facilities of up to 40 characters.

export const MAX_ACCOUNT_FACILITIES = 40;

export const usernameSchema = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'Use 3-64 letters, digits, ., _ or - (starting with a letter or digit)'));
const role = z.enum(['staff', 'admin'], { message: 'Choose staff or admin' });
const facilities = z.array(facilityIdSchema).check(z.maxLength(MAX_ACCOUNT_FACILITIES));
const displayName = cleanText(80, 'name').check(z.minLength(1, 'Give the name colleagues know this person by'));

export const CreateAccountInput = z
  .strictObject({ username: usernameSchema, name: displayName, role, facilities: z._default(facilities, []) })
  .check(
    crossFieldRule<{ role: string; facilities: string[] }>((a, add) => {
      if (a.role === 'staff' && Array.isArray(a.facilities) && a.facilities.length === 0) add(['facilities'], 'facility_required', 'A staff account works for at least one facility');
    }),
  );
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

/** PUT /accounts/{username}: what changes (at least one field; the result is checked as a whole by the use case). */
export const UpdateAccountInput = z
  .strictObject({ name: z.optional(displayName), role: z.optional(role), facilities: z.optional(facilities) })
  .check(
    crossFieldRule<{ name?: string; role?: string; facilities?: string[] }>((a, add) => {
      if (a.name === undefined && a.role === undefined && a.facilities === undefined) add([], 'required', 'Say what changes: name, role or facilities');
    }),
  );
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;
