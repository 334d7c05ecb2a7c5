import * as z from 'zod/mini';
import { normaliseDocumentNumber } from '../domain/travel-document.js';
import { cleanText, countryCode, facilityIdSchema, instant, slug } from './common.js';

// The lab webhook body and the unmatched-queue inputs.

export const MAX_RESULTS_PER_DELIVERY = 500;
/** Lab clocks drift a little; a result "from the future" beyond this is a typo. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const sampleIdSchema = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'Use 1-64 letters, digits, ., _ or - (the barcode)'));
const stayIdSchema = z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[0-9A-Z]{2,40}$/, 'Not a stay id'));

const LabDocumentInput = z.pipe(
  z.strictObject({
    type: z.enum(['passport', 'id_card', 'travel_permit', 'other']),
    number: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,29}$/, 'Use 3-30 letters, digits, spaces or -')),
    country: z.pipe(z.string().check(z.trim(), z.toUpperCase()), countryCode),
  }),
  // Matched like stays are keyed: upper case, no spaces or dashes (type and country must be equal too).
  z.transform((d) => ({ ...d, number: normaliseDocumentNumber(d.number) })),
);

export const LabResultInput = z
  .strictObject({
    sampleId: sampleIdSchema,
    stayId: z.optional(stayIdSchema),
    document: z.optional(LabDocumentInput),
    collectedAt: instant,
    resultedAt: instant,
    result: z.enum(['negative', 'positive', 'inconclusive']),
    method: z.optional(cleanText(40).check(z.minLength(1))),
    /** Cycle threshold of an RT-PCR, when the lab reports it. */
    ct: z.optional(z.number().check(z.gte(0), z.lte(60))),
  })
  .check(
    z.superRefine((r, ctx) => {
      if ((r.stayId === undefined) === (r.document === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['stayId'], message: 'Give either stayId or document (exactly one)' });
      }
      const now = Date.now();
      const collected = Date.parse(r.collectedAt);
      const resulted = Date.parse(r.resultedAt);
      if (collected > now + CLOCK_SKEW_MS) ctx.addIssue({ code: 'custom', path: ['collectedAt'], message: 'The collection time is in the future' });
      if (resulted > now + CLOCK_SKEW_MS) ctx.addIssue({ code: 'custom', path: ['resultedAt'], message: 'The result time is in the future' });
      if (resulted < collected) ctx.addIssue({ code: 'custom', path: ['resultedAt'], message: 'The result time is before the collection time' });
    }),
  );
export type LabResultInput = z.infer<typeof LabResultInput>;

export const LabDeliveryInput = z.strictObject({
  results: z
    .array(LabResultInput)
    .check(z.minLength(1, 'Send at least one result'), z.maxLength(MAX_RESULTS_PER_DELIVERY, `Send at most ${MAX_RESULTS_PER_DELIVERY} results per request`)),
});
export type LabDeliveryInput = z.infer<typeof LabDeliveryInput>;

export const AssignSampleInput = z.strictObject({
  stayId: stayIdSchema,
  /** Needed (from an administrator) when the sample's subject does not name the stay's person. */
  reason: z.optional(cleanText(500).check(z.minLength(3, 'Say why (kept in the audit trail)'))),
});

/** PUT /labs/{labId}/facilities: the facilities the lab serves, or "all". */
export const LabFacilitiesInput = z.strictObject({
  facilities: z.union([z.literal('all'), z.array(facilityIdSchema).check(z.maxLength(500))], { message: 'Give a list of facility ids, or "all"' }),
});

export const UnassignSampleInput = z.strictObject({ reason: cleanText(500).check(z.minLength(3, 'Say why the assignment is undone (kept in the audit trail)')) });
