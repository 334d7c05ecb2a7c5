import { listFacilityStats, type FacilityStats } from '../entities/facility-stats.js';
import type { Principal } from '../shared/principal.js';
import { loadFacilityFor } from './load-facility.js';

// GET /facilities/{facilityId}/stats: the anonymous counts the retention job keeps
// (stays closed per month, by outcome and category), which outlive personal data.

type Counts = Pick<FacilityStats, 'stays' | 'byStatus' | 'byCategory'>;

function add(into: Record<string, number | undefined>, from: Record<string, number | undefined>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
}

export async function getFacilityStats(principal: Principal, facilityId: string): Promise<{ facilityId: string; months: Omit<FacilityStats, 'facilityId'>[]; total: Counts }> {
  await loadFacilityFor(principal, facilityId);
  const months = await listFacilityStats(facilityId);
  const total: Counts = { stays: 0, byStatus: {}, byCategory: {} };
  for (const m of months) {
    total.stays += m.stays;
    add(total.byStatus, m.byStatus);
    add(total.byCategory, m.byCategory);
  }
  return { facilityId, months: months.map(({ facilityId: _f, ...m }) => m), total };
}
