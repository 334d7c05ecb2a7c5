import * as z from 'zod/mini';
import { actor, dateTime, describe, Page } from './common.js';

const OUTCOMES = ['negative', 'positive', 'inconclusive'] as const;
const MATCHED_BY = ['stay_id', 'document', 'assignment'] as const;
/** No stay found, the lab does not serve the stay's facility, or an assignment was undone. */
const UNMATCHED_REASONS = ['unknown_stay', 'no_stay_for_document', 'no_stay_at_collection_time', 'outside_lab_scope', 'unassigned'] as const;
const STATUSES = ['stored', 'superseded', 'duplicate', 'stale', 'unmatched'] as const;

const Subject = z.union([
  z.object({ stayId: z.string() }),
  z.object({ document: z.object({ type: z.enum(['passport', 'id_card', 'travel_permit', 'other']), number: z.string(), country: z.string() }) }),
]);

export const IngestReport = z.object({
  labId: z.string(),
  received: z.int(),
  counts: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.int()])) as Record<(typeof STATUSES)[number], z.ZodMiniNumberFormat>),
  results: z.array(
    z.object({
      index: z.int(),
      sampleId: z.string(),
      status: z.enum(STATUSES),
      stayId: describe(z.optional(z.string()), 'The stay this report was matched to (also for stale reports)'),
      unmatchedReason: z.optional(z.enum(UNMATCHED_REASONS)),
    }),
  ),
});

const LabResultVersion = {
  labId: z.string(),
  sampleId: z.string(),
  subject: Subject,
  collectedAt: dateTime,
  resultedAt: dateTime,
  result: z.enum(OUTCOMES),
  method: z.optional(z.string()),
  ct: z.optional(z.number()),
  contentHash: z.string(),
  versionKey: z.string(),
};

export const UnmatchedList = z.object({
  samples: z.array(
    z.object({
      labId: z.string(),
      sampleId: z.string(),
      reason: z.optional(z.enum(UNMATCHED_REASONS)),
      subject: Subject,
      collectedAt: dateTime,
      resultedAt: dateTime,
      result: z.enum(OUTCOMES),
      receivedAt: dateTime,
      updatedAt: dateTime,
    }),
  ),
  ...Page,
});

export const SampleHistory = z.object({
  sample: z.object({
    labId: z.string(),
    sampleId: z.string(),
    versionKey: z.string(),
    current: z.object(LabResultVersion),
    state: z.enum(['matched', 'unmatched']),
    stayId: z.optional(z.string()),
    facilityId: z.optional(z.string()),
    matchedBy: z.optional(z.enum(MATCHED_BY)),
    unmatchedReason: z.optional(z.enum(UNMATCHED_REASONS)),
    assignedStayId: z.optional(z.string()),
    assignedBy: z.optional(actor),
    assignedAt: z.optional(dateTime),
    firstReceivedAt: dateTime,
    updatedAt: dateTime,
  }),
  versions: z.array(z.object({ ...LabResultVersion, receivedAt: dateTime })),
});

export const AssignedSample = z.object({
  labId: z.string(),
  sampleId: z.string(),
  stayId: z.string(),
  state: z.literal('matched'),
  versions: z.int(),
  becamePositive: z.boolean(),
  subjectMatches: describe(z.boolean(), "The sample's subject (stay id or travel document) names this person; false: an administrator assigned it with a reason"),
});

export const UnassignedSample = z.object({
  labId: z.string(),
  sampleId: z.string(),
  state: z.literal('unmatched'),
  unmatchedReason: z.literal('unassigned'),
  previousStayId: z.string(),
  warnings: z.array(z.object({ code: z.enum(['stay_still_positive']), message: z.string() })),
});

/** A registered lab and the facilities it serves. */
export const LabRecord = z.object({
  labId: z.string(),
  scope: z.union([z.object({ all: z.literal(true) }), z.object({ all: z.literal(false), facilities: z.array(z.string()) })]),
  updatedAt: dateTime,
  updatedBy: actor,
});

export const StayTests = z.object({
  stayId: z.string(),
  retestDates: z.array(z.string()),
  latestRetest: z.optional(z.object({ result: z.enum(OUTCOMES), collectedDate: z.string(), sampleId: z.string(), labId: z.string(), collectedAt: dateTime, resultedAt: dateTime })),
  tests: z.array(
    z.object({
      stayId: z.string(),
      facilityId: z.string(),
      labId: z.string(),
      sampleId: z.string(),
      collectedAt: dateTime,
      resultedAt: dateTime,
      result: z.enum(OUTCOMES),
      method: z.optional(z.string()),
      ct: z.optional(z.number()),
      versionKey: z.string(),
      matchedBy: z.enum(MATCHED_BY),
      recordedAt: dateTime,
    }),
  ),
});
