import { z } from 'zod';
import { cleanText } from './common.js';

export const ReasonInput = z.object({ reason: cleanText(500).min(3) }).strict();

export const TransferInput = z
  .object({ destination: cleanText(200).min(2), note: cleanText(1000, 'text').optional() })
  .strict();

/** `{documentId}.pdf` as the last path segment. */
export const PdfFileName = z.string().regex(/^[0-9A-Z*~$=]{17}\.pdf$/, 'Expected <documentId>.pdf');
