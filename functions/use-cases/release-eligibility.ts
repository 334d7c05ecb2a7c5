import { localDate } from '../domain/calendar.js';
import { releaseRefusals } from '../domain/release-eligibility.js';
import { getFacilityCached, type Facility } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { homeReleaseGate } from './home-release.js';
import { loadStayFor } from './load-stay.js';
import { gatherReleaseEvidence, type ReleaseEvidence } from './release-evidence.js';

// Whether a stay may be released now, with every unmet condition: release itself
// (release-stay.ts) refuses with these, and the file asks before the button is pressed.

/** Every unmet condition of release; none: the stay may be released now. Home isolation (销号) has its own gate (use-cases/home-release.ts). */
export function releaseRefusalsOf(stay: Stay, facility: Facility, evidence: ReleaseEvidence, now: Date) {
  return stay.home
    ? homeReleaseGate(stay, facility, evidence, now)
    : releaseRefusals({
        status: stay.status,
        today: localDate(now, facility.timeZone),
        documentDate: stay.schedule.documentDate,
        firstRetestDate: stay.schedule.retestDates[0],
        latestRetest: evidence.latestRetest,
        feverOrSymptomInLast24h: evidence.feverOrSymptomInLast24h,
      });
}

/** GET /stays/{stayId}/release: whether release is possible now, with every unmet condition (what POST would answer 409 with). */
export async function releaseEligibility(principal: Principal, stayId: string, now = new Date()) {
  const stay = await loadStayFor(principal, stayId, true);
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const reasons = releaseRefusalsOf(stay, facility, await gatherReleaseEvidence(stay, facility.timeZone, now), now);
  return { stayId: stay.stayId, eligible: reasons.length === 0, reasons };
}

