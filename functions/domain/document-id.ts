import { randomToken } from '../shared/ids.js';

// Document ids are printed on paper, read out over the phone and typed in by hand at
// checkpoints. So they use only Crockford base32 (digits and capitals without I, L,
// O, U: no symbols, no look-alikes), in four groups of four, e.g. DK7Q-4M2X-9TZC-H8N5,
// and end in a Luhn mod 32 check character: a mistyped character or two swapped
// neighbours (except 0 and Z, Luhn's one blind pair) are "not valid" without a database read. Typed input is forgiving
// (lower case, spaces or no hyphens, O for 0, I or L for 1).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;

/** Luhn mod N check character of `body` (all characters in ALPHABET). */
function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]!);
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

const group = (id: string) => id.match(/.{4}/g)!.join('-');

/** 'D' + 14 random characters (70 bits) + check character, grouped by four. */
export function newDocumentId(): string {
  const body = `D${randomToken(14)}`;
  return group(`${body}${checkCharacter(body)}`);
}

// Ids issued before the readable format: 'D' + 15 characters + a mod 37 check symbol
// (which could be * ~ $ = U). Still verified, so paper already handed out stays checkable.
const LEGACY_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
function isLegacyDocumentId(id: string): boolean {
  if (!/^D[0-9A-HJKMNP-TV-Z]{15}[0-9A-Z*~$=]$/.test(id)) return false;
  let mod = 0;
  for (const ch of id.slice(1, 16)) mod = (mod * 32 + LEGACY_SYMBOLS.indexOf(ch)) % 37;
  return LEGACY_SYMBOLS[mod] === id[16];
}

/** The stored id for what someone typed or scanned; undefined when it cannot be a document id. */
export function normalizeDocumentId(input: string): string | undefined {
  if (input.length > 40) return undefined;
  if (isLegacyDocumentId(input)) return input;
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^D[0-9A-HJKMNP-TV-Z]{15}$/.test(compact)) return undefined;
  return checkCharacter(compact.slice(0, 15)) === compact[15] ? group(compact) : undefined;
}

/** True for an id exactly as stored (new grouped form or legacy form) with a matching check character. */
export function isWellFormedDocumentId(id: string): boolean {
  return normalizeDocumentId(id) === id;
}
