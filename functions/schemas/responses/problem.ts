import * as z from 'zod/mini';
import { describe, meta } from './common.js';
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
import { HOME_ISSUE_CODES, HOME_REASON_CODES } from '../../domain/home-codes.js';
import { SIGNATURE_FAILURES } from '../../domain/lab-signature.js';
import { MANIFEST_ISSUE_CODES, ROOM_REASON_CODES } from '../../manifest/codes.js';

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
  'facility_required',
  'nothing_to_correct',
  'too_many_corrections',
  // Corrections (functions/schemas/corrections.ts, use-cases/move-room.ts).
  'same_room',
  // Cross-field rules (functions/shared/validation.ts crossFieldRule).
  'origin_required',
  'arrival_too_far_ahead',
  'arrival_too_old',
  'number_required',
  'flight_number',
  'train_number',
  'road_number',
  'birth_date_future',
  'one_decimal',
  'pickup_after_departure',
  'pickup_too_early',
  // Vehicles and pickups (functions/use-cases/vehicles.ts).
  'duplicate_vehicle',
  'unknown_vehicle',
  'no_pickup_group',
  'calendar_date',
  // A Chinese resident ID card number (schemas/resident-id.ts).
  'id_format',
  'id_birth_date',
  'id_check_digit',
  'id_birth_date_mismatch',
  'id_sex_mismatch',
  // Characters never right in text (domain/text-hygiene.ts).
  ...TEXT_PROBLEM_CODES,
  ...MANIFEST_ISSUE_CODES,
  ...HOME_ISSUE_CODES,
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
  // A pickup's vehicles have fewer seats than people (functions/use-cases/vehicles.ts).
  'over_capacity',
  'vehicles_changed',
  // Staff accounts.
  'username_taken',
  'own_account',
  'last_admin',
  // Corrections: a move from a home stay, cancelling someone who arrived.
  'not_in_a_room',
  'not_a_no_show',
  // positive_result, retest_missing, retest_not_negative, no_test_results, ... (release uses the retest ones too)
  ...DOCUMENT_REFUSAL_CODES,
  ...ROOM_REASON_CODES,
  // Home isolation: teams, continuation, release (销号).
  ...HOME_REASON_CODES,
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const FieldIssue = meta(z.object({
    path: describe(z.string(), 'Dotted path of the field, e.g. person.document.number, or (body)'),
    message: z.string(),
    code: z.enum(ISSUE_CODES),
    minimum: describe(z.optional(z.number()), 'too_small: the least allowed length or value'),
    maximum: describe(z.optional(z.number()), 'too_big: the most allowed length or value'),
  }), { id: 'FieldIssue' });

const messageZh = describe(z.optional(z.string()), 'The same in Chinese, where the code has one');

export const Reason = meta(z.object({ code: z.enum(REASON_CODES), message: z.string(), messageZh }), { id: 'Reason' });

const titles = [...new Set(PROBLEM_TYPES.map((p) => p.title))] as [string, ...string[]];

export const Problem = meta(z.object({
    type: z.literal('about:blank'),
    title: z.enum(titles),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.string(),
    issues: describe(z.optional(z.array(FieldIssue)), '400: every invalid field'),
    reasons: describe(z.optional(z.array(Reason)), '409: every unmet condition (403: what only an administrator may do)'),
    requestId: z.optional(z.string()),
  }), {
    id: 'Problem',
    description: `RFC 9457 problem details (application/problem+json). Problem types: ${PROBLEM_TYPES.map((p) => `${p.status} ${p.title}`).join('; ')}.`,
  });

/** A 409 whose `reasons` hold only these codes. */
export function conflictOf(codes: readonly ReasonCode[]) {
  return z.extend(Problem, { reasons: z.optional(z.array(z.object({ code: z.enum([...new Set(codes)] as [ReasonCode, ...ReasonCode[]]), message: z.string(), messageZh }))) });
}

/** 401 of the lab webhook: `reason` says what is wrong with the signature headers. */
export const LabAuthProblem = z.extend(Problem, { reason: z.enum(SIGNATURE_FAILURES) });

/** What API Gateway itself answers before any function runs (missing or bad JWT, no route, payload too large). */
export const GatewayError = meta(z.object({ message: z.string() }), { id: 'GatewayError', description: 'Answered by API Gateway itself (no problem body).' });
