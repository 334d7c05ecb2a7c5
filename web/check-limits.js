// The temperatures a check may record, in °C: the server's rule (functions/domain/checks.ts
// imports these) and the range the staff and personal pages show next to the field.
export const TEMPERATURE_MIN_C = 34.0;
export const TEMPERATURE_MAX_C = 43.0;
