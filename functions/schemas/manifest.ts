import * as z from 'zod/mini';
import { MAX_BATCH_ROWS } from './stay.js';

// Manifest bodies: JSON rows, a file to import, the refused rows to download.
// Apart from ./registration.ts so single check-in does not bundle them.

/** A flight's shared values, applied to every row that leaves them blank. */
export const FlightDefaults = z.strictObject({
  arrivedAt: z.optional(z.string().check(z.maxLength(40))),
  flightNumber: z.optional(z.string().check(z.maxLength(12))),
  originCountry: z.optional(z.string().check(z.maxLength(2))),
  category: z.optional(z.enum(['inbound', 'close_contact', 'secondary_contact'])),
});
export type FlightDefaults = z.infer<typeof FlightDefaults>;

export const ManifestBody = z.union([
  z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
  z.strictObject({ stays: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)) }),
]);

export const DryRunQuery = z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) });

const roomPick = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/));

/** A manifest file (xlsx or CSV) as uploaded by the page or a script. */
export const ImportInput = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The file's bytes, base64. */
  contentBase64: z.string().check(z.minLength(1), z.maxLength(1_300_000)),
  defaults: z.optional(FlightDefaults),
  /** Staff's room choices by file row number, e.g. {"7": "1203"}. */
  rooms: z.optional(z.record(z.string().check(z.regex(/^\d{1,5}$/)), roomPick)),
  /** Register only these file rows (the page sends a large file in parts, to show progress). */
  onlyRows: z.optional(z.array(z.int().check(z.gte(2), z.lte(100000))).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS))),
});
export type ImportInput = z.infer<typeof ImportInput>;

/** The refused rows of an import, to download, fix and import again. */
export const RefusedFileInput = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  contentBase64: z.string().check(z.minLength(1), z.maxLength(1_300_000)),
  rows: z.array(z.strictObject({ row: z.int().check(z.gte(2)), reason: z.string().check(z.maxLength(2000)) })).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
});
