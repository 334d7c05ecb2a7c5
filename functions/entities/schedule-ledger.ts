import { tableName } from '../shared/db.js';
import { randomToken } from '../shared/ids.js';
import { queryPrefix, withoutKeys } from './partition.js';
import { stayKeys } from './stay.js';

// The end-date ledger of a stay: PK STAY#<id>, SK LEDGER#<iso time>#<random>, one
// entry per change of the last day of observation (check-in, a schedule change,
// continuing at home), with the old date, the new date, the reason and who. Written
// in the same transaction as the change; the person's countdown reads the stay's
// current schedule, which the latest entry equals.

export type LedgerEvent = 'check_in' | 'schedule_changed' | 'continued_at_home' | 'continued_from_hotel';

export interface LedgerEntry {
  stayId: string;
  at: string;
  actor: string;
  event: LedgerEvent;
  /** Absent on the first entry (check-in). */
  oldEndDate?: string;
  newEndDate: string;
  reason: string;
}

export const ledgerKeys = {
  prefix: 'LEDGER#',
  key: (stayId: string, at: string) => ({ PK: stayKeys.pk(stayId), SK: `LEDGER#${at}#${randomToken(6)}` }),
};

/** The transaction item that records `e` together with the change of the end date. */
export function ledgerPut(e: LedgerEntry) {
  return { Put: { TableName: tableName(), Item: { ...ledgerKeys.key(e.stayId, e.at), type: 'LedgerEntry', ...e } } };
}

/** Every entry, oldest first. */
export async function listLedger(stayId: string): Promise<LedgerEntry[]> {
  return (await queryPrefix(stayKeys.pk(stayId), ledgerKeys.prefix, { consistent: true })).map((i) => withoutKeys<LedgerEntry>(i));
}
