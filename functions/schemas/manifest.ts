import * as z from 'zod';
import { MAX_BATCH_ROWS } from './stay.js';

// Manifest bodies: JSON rows, a file to import, the refused rows to download.
// Apart from ./registration.ts so single check-in does not bundle them.

/** A flight's shared values, applied to every row that leaves them blank. */
export const FlightDefaults = z
  .object({
    arrivedAt: z.string().max(40).optional(),
    flightNumber: z.string().max(12).optional(),
    originCountry: z.string().max(2).optional(),
    category: z.enum(['inbound', 'close_contact', 'secondary_contact']).optional(),
  })
  .strict();
export type FlightDefaults = z.infer<typeof FlightDefaults>;

export const ManifestBody = z.union([
  z.array(z.unknown()).min(1).max(MAX_BATCH_ROWS),
  z.object({ stays: z.array(z.unknown()).min(1).max(MAX_BATCH_ROWS) }).strict(),
]);

export const DryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() }).strict();

/** A manifest file (xlsx or CSV) as uploaded by the page or a script. */
export const ImportInput = z
  .object({
    fileName: z.string().min(1).max(200),
    /** The file's bytes, base64. */
    contentBase64: z.string().min(1).max(1_300_000),
    defaults: FlightDefaults.optional(),
    /** Staff's room choices by file row number, e.g. {"7": "1203"}. */
    rooms: z.record(z.string().regex(/^\d{1,5}$/), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/)).optional(),
    /** Register only these file rows (the page sends a large file in parts, to show progress). */
    onlyRows: z.array(z.int().min(2).max(100000)).min(1).max(MAX_BATCH_ROWS).optional(),
  })
  .strict();
export type ImportInput = z.infer<typeof ImportInput>;

/** The refused rows of an import, to download, fix and import again. */
export const RefusedFileInput = z
  .object({
    fileName: z.string().min(1).max(200),
    contentBase64: z.string().min(1).max(1_300_000),
    rows: z.array(z.object({ row: z.int().min(2), reason: z.string().max(2000) }).strict()).min(1).max(MAX_BATCH_ROWS),
  })
  .strict();
