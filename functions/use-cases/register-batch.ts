import * as z from 'zod/mini';
import { MAX_BATCH_ROWS, RegisterStayInput } from '../schemas/stay.js';
import { AppError, ServiceUnavailableError, ValidationError } from '../shared/errors.js';
import { isUnavailable } from '../shared/http-errors.js';
import { mapWithConcurrency } from '../shared/concurrency.js';
import type { Principal } from '../shared/principal.js';
import { parseInput, toFieldIssues } from '../shared/validation.js';
import { loadFacilityFor } from './load-facility.js';
import { registerStay } from './register-stay.js';

// A flight manifest: each row is checked in on its own (its own transaction), so one
// bad row never blocks the flight; the report says per row what happened and why.

const BatchBody = z.union([
  z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
  z.strictObject({ stays: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)) }),
]);

export type BatchRow =
  | { row: number; status: 'created'; stayId: string; roomNumber: string; day1Date: string; endDate: string }
  | { row: number; status: 'refused'; problem: { status: number; title: string; detail: string; issues?: unknown; reasons?: unknown } };

export interface BatchReport {
  created: number;
  refused: number;
  rows: BatchRow[];
}

export async function registerBatch(principal: Principal, facilityId: string, body: unknown, now = new Date()): Promise<BatchReport> {
  await loadFacilityFor(principal, facilityId);
  const parsed = parseInput(BatchBody, body);
  const rows = Array.isArray(parsed) ? parsed : parsed.stays;
  // Modest parallelism: fast for a 300-seat flight without starving other requests.
  let unavailable = 0;
  const results = await mapWithConcurrency(rows, 4, async (raw, row): Promise<BatchRow> => {
    try {
      const result = RegisterStayInput.safeParse(raw);
      if (!result.success) throw new ValidationError(toFieldIssues(result.error));
      const stay = await registerStay(principal, facilityId, result.data, now);
      return { row, status: 'created', stayId: stay.stayId, roomNumber: stay.roomNumber, day1Date: stay.schedule.day1Date, endDate: stay.schedule.endDate };
    } catch (err) {
      if (err instanceof AppError) {
        return { row, status: 'refused', problem: { status: err.status, title: err.title, detail: err.message, ...err.extras } };
      }
      if (isUnavailable(err)) {
        unavailable++;
        return { row, status: 'refused', problem: { status: 503, title: 'Service unavailable', detail: 'Not registered: the data store was unavailable. Resubmit this row.' } };
      }
      throw err;
    }
  });
  // Nothing was registered because the data store was down: the whole manifest is a
  // 503 with Retry-After (resending it is safe), not a 200 listing every row as refused.
  if (unavailable > 0 && !results.some((r) => r.status === 'created')) {
    throw new ServiceUnavailableError('The data store was unavailable: no row was registered. Resend the manifest shortly.');
  }
  return {
    created: results.filter((r) => r.status === 'created').length,
    refused: results.filter((r) => r.status === 'refused').length,
    rows: results,
  };
}
