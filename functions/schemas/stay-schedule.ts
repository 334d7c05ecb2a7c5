import * as z from 'zod';

const WHY = 'Say why the observation period changes (kept in the audit trail)';

/** PUT /stays/{stayId}/schedule: the policy fields to change, and why (kept in the audit trail). */
export const ChangeScheduleInput = z
  .object({
    stayDays: z.number().int().min(1).max(60).optional(),
    retestDays: z.array(z.number().int().min(1).max(60)).max(10).optional(),
    documentDay: z.number().int().min(1).max(60).optional(),
    reason: z.string({ message: WHY }).trim().min(3, WHY).max(500),
  })
  .strict();
export type ChangeScheduleInput = z.infer<typeof ChangeScheduleInput>;
