import * as z from 'zod/mini';
import { DOCUMENT_REFUSAL_CODES } from '../../domain/document-eligibility.js';
import { actor, date, dateTime, describe, meta } from './common.js';
import { Reason } from './problem.js';

const Refusal = z.object({ code: z.enum(DOCUMENT_REFUSAL_CODES), message: z.string(), messageZh: z.string() });

const DOCUMENT_TYPES = ['release_notice', 'health_certificate', 'test_report', 'home_release_notice'] as const;
const REVOCATION_CODES = ['revoked_by_staff', 'reissued', 'positive_result_after_release'] as const;
const revocationCode = describe(z.enum(REVOCATION_CODES), 'Why it was revoked: by staff, replaced by a reissue, or a positive result after release');

/** A document as listed to staff: no key, no snapshot. */
export const DocumentSummary = meta(z.object({
    documentId: z.string(),
    stayId: z.string(),
    facilityId: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    state: z.enum(['valid', 'revoked']),
    issuedAt: dateTime,
    issuedBy: actor,
    revokedAt: z.optional(dateTime),
    revokedBy: z.optional(actor),
    revokedReason: describe(z.optional(z.string()), "The staff's own words (never shown publicly)"),
    revocationCode: z.optional(revocationCode),
    replaces: describe(z.optional(z.string()), 'The document this one replaces (reissue)'),
    replacedBy: z.optional(z.string()),
    anonymizedAt: z.optional(dateTime),
  }), { id: 'DocumentSummary' });

export const DocumentList = z.object({ documents: z.array(DocumentSummary) });

/** A new document: its download key is in this answer only (stored as a hash). */
export const DocumentReceipt = meta(z.object({
    documentId: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    key: describe(z.string(), 'The secret download key: shown once, never stored'),
    downloadUrl: z.string(),
    downloadQr: describe(z.object({ size: z.int(), path: z.string() }), 'SVG path of the download QR code (modules of 1 unit)'),
    verifyUrl: z.string(),
  }), { id: 'DocumentReceipt' });

export const Released = z.object({
  stayId: z.string(),
  status: z.literal('released'),
  releasedAt: dateTime,
  releasedDate: date,
  roomNumber: describe(z.optional(z.string()), 'Hotel stays'),
  roomState: describe(z.optional(z.literal('cleaning')), 'Hotel stays: the room goes to cleaning'),
  documents: z.array(DocumentReceipt),
  withheld: describe(z.optional(z.array(z.object({ type: z.enum(DOCUMENT_TYPES), reasons: z.array(Refusal) }))), 'Documents the record does not allow yet (e.g. a health certificate awaiting a doctor): issue them later with POST /stays/{stayId}/documents/issue'),
});

export const ReleaseEligibility = z.object({
  stayId: z.string(),
  eligible: describe(z.boolean(), 'True: POST /stays/{stayId}/release would release now'),
  reasons: describe(z.array(Reason), 'Every unmet condition (empty when eligible)'),
});

export const HealthSignoffResult = z.object({
  stayId: z.string(),
  healthSignoff: z.object({ doctorName: z.string(), note: z.string(), signedAt: dateTime }),
});

export const Revoked = z.object({ documentId: z.string(), state: z.literal('revoked'), revokedAt: dateTime });

export const Verification = meta(z.object({
    status: z.enum(['valid', 'revoked', 'not_valid']),
    documentId: z.optional(z.string()),
    type: z.optional(z.enum(DOCUMENT_TYPES)),
    issueDate: z.optional(date),
    facility: z.optional(z.string()),
    authority: describe(z.optional(z.string()), 'The issuing authority, when the facility issues in its name'),
    holderInitials: describe(z.optional(z.string()), 'Absent once retention removed the personal data'),
    documentNumber: describe(z.optional(z.string()), 'Masked'),
    revokedAt: z.optional(dateTime),
    revocationCode: z.optional(revocationCode),
  }), { id: 'Verification' });
