import * as z from 'zod';
import { cleanText } from './common.js';

export const ReasonInput = z.object({ reason: cleanText(500).min(3) }).strict();

export const TransferInput = z
  .object({ destination: cleanText(200).min(2), note: cleanText(1000, 'text').optional() })
  .strict();

/** `{documentId}.pdf` as the last path segment. */
export const PdfFileName = z.string().regex(/^(?:[0-9A-Z*~$=]{17}|[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.pdf$/, 'Expected <documentId>.pdf');

/** POST /stays/{stayId}/documents/issue: a document for a released stay that has no valid one of that type. */
export const IssueDocumentInput = z.object({ type: z.enum(['release_notice', 'health_certificate', 'test_report']) }).strict();

/** POST /stays/{stayId}/health-signoff: the doctor who reviewed a fever or symptom history. */
export const HealthSignoffInput = z
  .object({ doctorName: z.string().trim().min(2).max(80), note: z.string().trim().min(3).max(300) })
  .strict();
