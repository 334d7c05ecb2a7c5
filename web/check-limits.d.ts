// Types of check-limits.js for the server, which checks readings against the page's own limits.
export const TEMPERATURE_MIN_C: number;
export const TEMPERATURE_MAX_C: number;
