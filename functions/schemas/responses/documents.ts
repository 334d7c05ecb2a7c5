import * as z from 'zod';
import { DOCUMENT_REFUSAL_CODES } from '../../domain/document-eligibility.js';
import { actor, date, dateTime } from './common.js';

const Refusal = z.object({ code: z.enum(DOCUMENT_REFUSAL_CODES), message: z.string(), messageZh: z.string() });

const DOCUMENT_TYPES = ['release_notice', 'health_certificate', 'test_report', 'home_release_notice'] as const;
const REVOCATION_CODES = ['revoked_by_staff', 'reissued', 'positive_result_after_release'] as const;
const revocationCode = z.enum(REVOCATION_CODES).describe('Why it was revoked: by staff, replaced by a reissue, or a positive result after release');

/** A document as listed to staff: no key, no snapshot. */
export const DocumentSummary = z
  .object({
    documentId: z.string(),
    stayId: z.string(),
    facilityId: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    state: z.enum(['valid', 'revoked']),
    issuedAt: dateTime,
    issuedBy: actor,
    revokedAt: dateTime.optional(),
    revokedBy: actor.optional(),
    revokedReason: z.string().optional().describe("The staff's own words (never shown publicly)"),
    revocationCode: revocationCode.optional(),
    replaces: z.string().optional().describe('The document this one replaces (reissue)'),
    replacedBy: z.string().optional(),
    anonymizedAt: dateTime.optional(),
  })
  .meta({ id: 'DocumentSummary' });

export const DocumentList = z.object({ documents: z.array(DocumentSummary) });

/** A new document: its download key is in this answer only (stored as a hash). */
export const DocumentReceipt = z
  .object({
    documentId: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    key: z.string().describe('The secret download key: shown once, never stored'),
    downloadUrl: z.string(),
    downloadQr: z.object({ size: z.int(), path: z.string() }).describe('SVG path of the download QR code (modules of 1 unit)'),
    verifyUrl: z.string(),
  })
  .meta({ id: 'DocumentReceipt' });

export const Released = z.object({
  stayId: z.string(),
  status: z.literal('released'),
  releasedAt: dateTime,
  releasedDate: date,
  roomNumber: z.string().optional().describe('Hotel stays'),
  roomState: z.literal('cleaning').optional().describe('Hotel stays: the room goes to cleaning'),
  documents: z.array(DocumentReceipt),
  withheld: z
    .array(z.object({ type: z.enum(DOCUMENT_TYPES), reasons: z.array(Refusal) }))
    .optional()
    .describe('Documents the record does not allow yet (e.g. a health certificate awaiting a doctor): issue them later with POST /stays/{stayId}/documents/issue'),
});

export const HealthSignoffResult = z.object({
  stayId: z.string(),
  healthSignoff: z.object({ doctorName: z.string(), note: z.string(), signedAt: dateTime }),
});

export const Revoked = z.object({ documentId: z.string(), state: z.literal('revoked'), revokedAt: dateTime });

export const Verification = z
  .object({
    status: z.enum(['valid', 'revoked', 'not_valid']),
    documentId: z.string().optional(),
    type: z.enum(DOCUMENT_TYPES).optional(),
    issueDate: date.optional(),
    facility: z.string().optional(),
    authority: z.string().optional().describe('The issuing authority, when the facility issues in its name'),
    holderInitials: z.string().optional().describe('Absent once retention removed the personal data'),
    documentNumber: z.string().optional().describe('Masked'),
    revokedAt: dateTime.optional(),
    revocationCode: revocationCode.optional(),
  })
  .meta({ id: 'Verification' });
