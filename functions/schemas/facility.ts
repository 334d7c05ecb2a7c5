import * as z from 'zod';
import { FEVER_HISTORY_POLICIES } from '../domain/document-eligibility.js';
import { DEFAULT_POLICY, policyProblems } from '../domain/schedule.js';
import { cleanText, facilityIdSchema, roomNumber, timeZone } from './common.js';

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

const facilityName = cleanText(120, 'name').min(1);
/** The body that issues and seals the documents, e.g. {"name":"某区卫生健康委员会","nameEn":"District Health Commission"}. */
const AuthorityInput = z.object({ name: facilityName, nameEn: facilityName.optional() }).strict();
const feverHistoryCertificate = z.enum(FEVER_HISTORY_POLICIES);

export const CreateFacilityInput = z
  .object({
    facilityId: facilityIdSchema.optional(),
    name: facilityName,
    /** The name English text prints (otherwise `name`). */
    nameEn: facilityName.optional(),
    timeZone,
    policy: PolicyInput.default(DEFAULT_POLICY),
    authority: AuthorityInput.optional(),
    feverHistoryCertificate: feverHistoryCertificate.optional(),
  })
  .strict();

/** PUT /facilities/{facilityId}: the fields documents print; null removes nameEn or authority. */
export const UpdateFacilityInput = z
  .object({
    name: facilityName.optional(),
    nameEn: facilityName.nullable().optional(),
    authority: AuthorityInput.nullable().optional(),
    feverHistoryCertificate: feverHistoryCertificate.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Give at least one of name, nameEn, authority, feverHistoryCertificate');

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
