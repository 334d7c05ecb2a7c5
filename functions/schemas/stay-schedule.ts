import * as z from 'zod/mini';
import { cleanText } from './common.js';

const WHY = 'Say why the observation period changes (kept in the audit trail)';
const policyDays = () => z.number().check(z.int(), z.gte(1), z.lte(60));

/** PUT /stays/{stayId}/schedule: the policy fields to change, and why (kept in the audit trail). */
export const ChangeScheduleInput = z.strictObject({
  stayDays: z.optional(policyDays()),
  retestDays: z.optional(z.array(policyDays()).check(z.maxLength(10))),
  documentDay: z.optional(policyDays()),
  reason: cleanText(500, 'line', WHY).check(z.minLength(3, WHY)),
});
export type ChangeScheduleInput = z.infer<typeof ChangeScheduleInput>;
