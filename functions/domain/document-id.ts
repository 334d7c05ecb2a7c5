import { randomToken } from '../shared/ids.js';

// Document ids are printed on paper and typed in by hand at checkpoints, so they
// carry a Crockford base32 check symbol (mod 37): a mistyped or tampered id is
// "not valid" without a database read.

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';

function checkSymbol(body: string): string {
  let mod = 0;
  for (const ch of body) {
    const v = SYMBOLS.indexOf(ch);
    if (v < 0 || v > 31) return '?';
    mod = (mod * 32 + v) % 37;
  }
  return SYMBOLS[mod] as string;
}

/** 'D' + 15 random symbols (75 bits) + check symbol. */
export function newDocumentId(): string {
  const body = randomToken(15);
  return `D${body}${checkSymbol(body)}`;
}

export function isWellFormedDocumentId(id: string): boolean {
  if (!/^D[0-9A-HJKMNP-TV-Z]{15}[0-9A-Z*~$=]$/.test(id)) return false;
  return checkSymbol(id.slice(1, 16)) === id.slice(16);
}
