import { tableName } from '../shared/db.js';
import { facilityKeys } from './facility.js';
import { queryPrefix } from './partition.js';
import type { Category, StayStatus } from './stay.js';

// Anonymous counts of a facility's stays, kept when retention removes the personal
// data: PK FACILITY#<id>, SK STATS#<yyyy-mm> (the month the stays closed, facility
// time). Flat counters `stays`, `status_<status>`, `category_<category>`, added to
// in the same transaction that anonymizes a stay, so each stay counts exactly once.

export interface FacilityStats {
  facilityId: string;
  /** yyyy-mm: month (facility-local) in which the counted stays closed. */
  month: string;
  stays: number;
  byStatus: Partial<Record<StayStatus, number>>;
  byCategory: Partial<Record<Category, number>>;
  updatedAt: string;
}

export const facilityStatsKeys = {
  prefix: 'STATS#',
  key: (facilityId: string, month: string) => ({ PK: facilityKeys.pk(facilityId), SK: `STATS#${month}` }),
};

/** A transaction Update adding one anonymized stay to its month's counters. */
export function countStayUpdate(p: { facilityId: string; month: string; status: StayStatus; category: Category; at: string }) {
  return {
    Update: {
      TableName: tableName(),
      Key: facilityStatsKeys.key(p.facilityId, p.month),
      UpdateExpression: 'SET #type = :type, facilityId = :fid, #month = :month, updatedAt = :at ADD stays :one, #status :one, #category :one',
      ExpressionAttributeNames: { '#type': 'type', '#month': 'month', '#status': `status_${p.status}`, '#category': `category_${p.category}` },
      ExpressionAttributeValues: { ':type': 'FacilityStats', ':fid': p.facilityId, ':month': p.month, ':at': p.at, ':one': 1 },
    },
  };
}

function fromItem(item: Record<string, unknown>): FacilityStats {
  const byStatus: FacilityStats['byStatus'] = {};
  const byCategory: FacilityStats['byCategory'] = {};
  for (const [k, v] of Object.entries(item)) {
    if (k.startsWith('status_')) byStatus[k.slice(7) as StayStatus] = Number(v);
    if (k.startsWith('category_')) byCategory[k.slice(9) as Category] = Number(v);
  }
  return { facilityId: String(item.facilityId), month: String(item.month), stays: Number(item.stays ?? 0), byStatus, byCategory, updatedAt: String(item.updatedAt) };
}

/** A facility's monthly counts, oldest month first. */
export async function listFacilityStats(facilityId: string): Promise<FacilityStats[]> {
  return (await queryPrefix(facilityKeys.pk(facilityId), facilityStatsKeys.prefix, { consistent: true })).map(fromItem);
}
