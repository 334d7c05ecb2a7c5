import * as z from 'zod';

export const ReasonInput = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

export const TransferInput = z
  .object({ destination: z.string().trim().min(2).max(200), note: z.string().trim().max(1000).optional() })
  .strict();

/** `{documentId}.pdf` as the last path segment. */
export const PdfFileName = z.string().regex(/^[0-9A-Z*~$=]{17}\.pdf$/, 'Expected <documentId>.pdf');
