// Types of country-codes.js for the server, which checks codes against the page's own list.
export const COUNTRY_CODE_LIST: readonly string[];
