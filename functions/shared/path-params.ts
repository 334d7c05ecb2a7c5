import { canonicalFacilityId } from '../domain/facility-id.js';
import { NotFoundError } from './errors.js';

// Path parameters are checked before any read: every id, slug, room number, barcode
// and file name we issue is short and made of URL-safe characters, so anything
// longer or with other characters names nothing here. It is a 404 (like an unknown
// id) at once, never a DynamoDB key error or an oversized key surfacing as a 500.

const MAX_LENGTH = 128;
/** Unreserved URL characters, plus `* $ =` (check symbols of document ids). */
const SAFE = /^[A-Za-z0-9._~*$=-]+$/;

/**
 * The path parameters, checked; `invalidAsEmpty` hands a bad one over as '' (which
 * names nothing) for handlers that answer "unknown" in their own format.
 */
export function checkedPathParameters(raw: Record<string, string | undefined> | undefined, invalidAsEmpty = false): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    if (value.length === 0 || value.length > MAX_LENGTH || !SAFE.test(value)) {
      if (!invalidAsEmpty) throw new NotFoundError('No such resource.');
      params[name] = '';
      continue;
    }
    params[name] = name === 'facilityId' ? canonicalFacilityId(value) : value;
  }
  return params;
}
