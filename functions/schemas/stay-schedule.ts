import * as z from 'zod';
import { cleanText } from './common.js';

const WHY = 'Say why the observation period changes (kept in the audit trail)';

/** PUT /stays/{stayId}/schedule: the policy fields to change, and why (kept in the audit trail). */
export const ChangeScheduleInput = z
  .object({
    stayDays: z.number().int().min(1).max(60).optional(),
    retestDays: z.array(z.number().int().min(1).max(60)).max(10).optional(),
    documentDay: z.number().int().min(1).max(60).optional(),
    reason: cleanText(500, 'line', WHY).min(3, WHY),
  })
  .strict();
export type ChangeScheduleInput = z.infer<typeof ChangeScheduleInput>;
