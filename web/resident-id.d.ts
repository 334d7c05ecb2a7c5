// Types of resident-id.js for the server, which checks the number with the page's own code.
export type ResidentIdProblem = 'id_format' | 'id_birth_date' | 'id_check_digit';
export function normaliseResidentId(text: string): string;
export function residentIdCheckChar(first17: string): string;
export function residentIdProblem(text: string, today?: string): ResidentIdProblem | undefined;
export function residentIdFacts(text: string, today?: string): { birthDate: string; sex: 'M' | 'F' } | undefined;
