import { randomBytes } from 'node:crypto';

// Crockford base32: short, case-insensitive, no ambiguous letters, safe in URLs and
// on printed slips that staff may read aloud.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** A new identifier: a one-letter prefix naming the entity and 12 random characters (60 bits). */
export function newId(prefix: string): string {
  return `${prefix}${randomToken(12)}`;
}
