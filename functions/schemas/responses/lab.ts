import * as z from 'zod';
import { actor, dateTime, Page } from './common.js';

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
  counts: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.int()])) as Record<(typeof STATUSES)[number], z.ZodInt>),
  results: z.array(
    z.object({
      index: z.int(),
      sampleId: z.string(),
      status: z.enum(STATUSES),
      stayId: z.string().optional().describe('The stay this report was matched to (also for stale reports)'),
      unmatchedReason: z.enum(UNMATCHED_REASONS).optional(),
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
  method: z.string().optional(),
  ct: z.number().optional(),
  contentHash: z.string(),
  versionKey: z.string(),
};

export const UnmatchedList = z.object({
  samples: z.array(
    z.object({
      labId: z.string(),
      sampleId: z.string(),
      reason: z.enum(UNMATCHED_REASONS).optional(),
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
    stayId: z.string().optional(),
    facilityId: z.string().optional(),
    matchedBy: z.enum(MATCHED_BY).optional(),
    unmatchedReason: z.enum(UNMATCHED_REASONS).optional(),
    assignedStayId: z.string().optional(),
    assignedBy: actor.optional(),
    assignedAt: dateTime.optional(),
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
  subjectMatches: z.boolean().describe("The sample's subject (stay id or travel document) names this person; false: an administrator assigned it with a reason"),
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
  latestRetest: z
    .object({ result: z.enum(OUTCOMES), collectedDate: z.string(), sampleId: z.string(), labId: z.string(), collectedAt: dateTime, resultedAt: dateTime })
    .optional(),
  tests: z.array(
    z.object({
      stayId: z.string(),
      facilityId: z.string(),
      labId: z.string(),
      sampleId: z.string(),
      collectedAt: dateTime,
      resultedAt: dateTime,
      result: z.enum(OUTCOMES),
      method: z.string().optional(),
      ct: z.number().optional(),
      versionKey: z.string(),
      matchedBy: z.enum(MATCHED_BY),
      recordedAt: dateTime,
    }),
  ),
});
