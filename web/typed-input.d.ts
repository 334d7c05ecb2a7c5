// Types of typed-input.js for its unit tests.
export function halfWidth(text: string): string;
export function readDate(text: string): { date: string; ambiguous?: true } | { problem: 'calendar_date' } | undefined;
export function readDecimal(text: string): number | undefined;
