import { listLedger } from '../entities/schedule-ledger.js';
import type { Principal } from '../shared/principal.js';
import { loadStayRecordFor } from './load-stay.js';

/** GET /stays/{stayId}/schedule-ledger: every change of the end date (old, new, reason, who), oldest first, and the current one. */
export async function scheduleLedger(principal: Principal, stayId: string) {
  const stay = await loadStayRecordFor(principal, stayId, true);
  return { stayId: stay.stayId, endDate: stay.schedule.endDate, entries: await listLedger(stay.stayId) };
}
