// ISO 3166-1 alpha-2 codes (officially assigned). Nationality and document
// countries are checked against this list so that a typo is refused at the desk;
// the list is the page's (web/country-codes.js), so the picker offers exactly these.
import { COUNTRY_CODE_LIST } from '../../web/country-codes.js';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(COUNTRY_CODE_LIST);

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}
