import * as z from 'zod';
import { DEFAULT_POLICY, policyProblems } from '../domain/schedule.js';
import { roomNumber, slug, timeZone } from './common.js';

export const PolicyInput = z
  .object({
    stayDays: z.number().int().min(1).max(60).default(DEFAULT_POLICY.stayDays),
    retestDays: z.array(z.number().int().min(1).max(60)).max(10).default(DEFAULT_POLICY.retestDays),
    documentDay: z.number().int().min(1).max(60).default(DEFAULT_POLICY.documentDay),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const message of policyProblems(p)) ctx.addIssue({ code: 'custom', message });
  });

export const CreateFacilityInput = z
  .object({
    facilityId: slug.optional(),
    name: z.string().trim().min(1).max(120),
    timeZone,
    policy: PolicyInput.default(DEFAULT_POLICY),
  })
  .strict();

export const AddRoomsInput = z
  .object({
    rooms: z.array(roomNumber).min(1).max(1000).optional(),
    /** Convenience for a floor: prefix + numbers from..to, e.g. {prefix:"", from:101, to:130}. */
    range: z
      .object({ prefix: z.string().regex(/^[A-Za-z0-9-]{0,4}$/).default(''), from: z.number().int().min(0).max(99999), to: z.number().int().min(0).max(99999) })
      .strict()
      .refine((r) => r.to >= r.from && r.to - r.from < 1000, 'range must hold 1 to 1000 rooms (to >= from)')
      .optional(),
  })
  .strict()
  .refine((v) => v.rooms || v.range, 'Give rooms (a list) or range (from..to)');
