import type { DocumentType } from '../documents/snapshot.js';
import { documentRefusals } from '../domain/document-eligibility.js';
import { getFacilityCached, type Facility } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { loadStayFor } from './load-stay.js';
import { documentFacts, gatherReleaseEvidence, type ReleaseEvidence } from './release-evidence.js';

// Before a document is issued after release (reissue, or again after a revocation):
// the stay must be released and its whole record must still allow the document
// (domain/document-eligibility.ts). Otherwise 409 with every reason as a code.

export interface Issuable {
  stay: Stay;
  facility: Facility;
  evidence: ReleaseEvidence;
  releasedDate: string;
}

export async function loadIssuable(principal: Principal, stayId: string, type: DocumentType, now: Date): Promise<Issuable> {
  // 410 Gone for an anonymized stay: there is no person left to issue a document for.
  const stay = await loadStayFor(principal, stayId, true);
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  if (stay.status !== 'released') {
    throw new ConflictError('Documents are issued for released stays only.', [
      { code: 'stay_not_released', message: `The stay is ${stay.status}, not released.`, messageZh: '该人员尚未解除隔离。' } as { code: string; message: string },
    ]);
  }
  const evidence = await gatherReleaseEvidence(stay, facility.timeZone, now);
  const refusals = documentRefusals(type, documentFacts(stay, facility, evidence));
  if (refusals.length > 0) throw new ConflictError('The record no longer allows this document to be issued.', refusals);
  const releasedDate = stay.releasedAt ? localDate(new Date(stay.releasedAt), facility.timeZone) : localDate(now, facility.timeZone);
  return { stay, facility, evidence, releasedDate };
}
