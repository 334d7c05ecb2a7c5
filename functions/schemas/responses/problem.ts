import * as z from 'zod';
import {
  ConflictError,
  ForbiddenError,
  GoneError,
  MalformedBodyError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type AppError,
} from '../../shared/errors.js';
import { DOCUMENT_REFUSAL_CODES } from '../../domain/document-eligibility.js';
import { TEXT_PROBLEM_CODES } from '../../domain/text-hygiene.js';
import { SIGNATURE_FAILURES } from '../../domain/lab-signature.js';

// RFC 9457 problem details, as functions/shared/http-errors.ts writes them. The
// titles come from the typed errors themselves, so the list cannot drift.

const typed: AppError[] = [
  new ValidationError([]),
  new MalformedBodyError(''),
  new UnauthorizedError(''),
  new ForbiddenError(''),
  new NotFoundError(''),
  new ConflictError(''),
  new GoneError(''),
  new PayloadTooLargeError(''),
  new UnsupportedMediaTypeError(''),
  new ServiceUnavailableError(),
  new TooManyRequestsError(),
];

/** Every problem type the API answers with: status and title (500 is the unexpected error). */
export const PROBLEM_TYPES: readonly { status: number; title: string }[] = [
  ...typed.map((e) => ({ status: e.status, title: e.title })),
  { status: 500, title: 'Internal error' },
];

/** Field issue codes: zod's own and the ones use cases add. */
export const ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
  'invalid_cursor',
  'future',
  'date_mismatch',
  'outside_stay',
  'outside_release_window',
  'unknown_room',
  'schedule',
  'required',
  'unknown_facility',
  'nothing_to_correct',
  'too_many_corrections',
  // Characters never right in text (domain/text-hygiene.ts).
  ...TEXT_PROBLEM_CODES,
] as const;

/** Why a document cannot be issued (release withholds it; reissue and issue answer 409). */
export const DOCUMENT_REFUSALS = DOCUMENT_REFUSAL_CODES;

/** Codes of unmet conditions in a 409 `reasons` list, each route lists its own. */
export const REASON_CODES = [
  'facility_exists',
  'room_not_cleaning',
  'no_free_room',
  'room_not_free',
  'person_has_open_stay',
  'stay_not_active',
  'before_document_day',
  'recent_fever_or_symptom',
  'stay_closed',
  'stay_changed',
  'check_exists',
  'already_revoked',
  'already_matched',
  'revoked',
  'stay_not_released',
  'document_valid',
  'not_assigned',
  'shortening_needs_admin',
  'no_personal_link',
  'not_self_reported',
  'follow_up_done',
  // positive_result, retest_missing, retest_not_negative, no_test_results, ... (release uses the retest ones too)
  ...DOCUMENT_REFUSAL_CODES,
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const FieldIssue = z
  .object({
    path: z.string().describe('Dotted path of the field, e.g. person.document.number, or (body)'),
    message: z.string(),
    code: z.enum(ISSUE_CODES),
  })
  .meta({ id: 'FieldIssue' });

const messageZh = z.string().optional().describe('The same in Chinese, where the code has one');

export const Reason = z.object({ code: z.enum(REASON_CODES), message: z.string(), messageZh }).meta({ id: 'Reason' });

const titles = [...new Set(PROBLEM_TYPES.map((p) => p.title))] as [string, ...string[]];

export const Problem = z
  .object({
    type: z.literal('about:blank'),
    title: z.enum(titles),
    status: z.int().min(400).max(599),
    detail: z.string(),
    issues: z.array(FieldIssue).optional().describe('400: every invalid field'),
    reasons: z.array(Reason).optional().describe('409: every unmet condition (403: what only an administrator may do)'),
    requestId: z.string().optional(),
  })
  .meta({
    id: 'Problem',
    description: `RFC 9457 problem details (application/problem+json). Problem types: ${PROBLEM_TYPES.map((p) => `${p.status} ${p.title}`).join('; ')}.`,
  });

/** A 409 whose `reasons` hold only these codes. */
export function conflictOf(codes: readonly ReasonCode[]) {
  return Problem.extend({ reasons: z.array(z.object({ code: z.enum([...new Set(codes)] as [ReasonCode, ...ReasonCode[]]), message: z.string(), messageZh })).optional() });
}

/** 401 of the lab webhook: `reason` says what is wrong with the signature headers. */
export const LabAuthProblem = Problem.extend({ reason: z.enum(SIGNATURE_FAILURES) });

/** What API Gateway itself answers before any function runs (missing or bad JWT, no route, payload too large). */
export const GatewayError = z.object({ message: z.string() }).meta({ id: 'GatewayError', description: 'Answered by API Gateway itself (no problem body).' });
