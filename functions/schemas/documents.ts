import * as z from 'zod/mini';
import { cleanText } from './common.js';

export const ReasonInput = z.strictObject({ reason: cleanText(500).check(z.minLength(3)) });

export const TransferInput = z.strictObject({ destination: cleanText(200).check(z.minLength(2)), note: z.optional(cleanText(1000, 'text')) });

/** `{documentId}.pdf` as the last path segment. */
export const PdfFileName = z.string().check(z.regex(/^(?:[0-9A-Z*~$=]{17}|[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.pdf$/, 'Expected <documentId>.pdf'));

/** POST /stays/{stayId}/documents/issue: a document for a released stay that has no valid one of that type. */
export const IssueDocumentInput = z.strictObject({ type: z.enum(['release_notice', 'health_certificate', 'test_report']) });

/** POST /stays/{stayId}/health-signoff: the doctor who reviewed a fever or symptom history. */
export const HealthSignoffInput = z.strictObject({
  doctorName: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
  note: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
});
