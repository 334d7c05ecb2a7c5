import { tableName } from '../shared/db.js';
import { randomToken } from '../shared/ids.js';
import { facilityKeys } from './facility.js';
import { queryPrefix } from './partition.js';
import { stayKeys } from './stay.js';

// Audit entry: who changed a stay, when and what. PK STAY#<id>, SK AUDIT#<iso time>#<random>,
// written in the same transaction as the change it records. `changes` names fields
// and codes, not personal values, so the trail can be shown to any admin.

export interface AuditEntry {
  stayId: string;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
}

export const auditKeys = {
  prefix: 'AUDIT#',
  key: (stayId: string, at: string) => ({ PK: stayKeys.pk(stayId), SK: `AUDIT#${at}#${randomToken(6)}` }),
};

export function auditItem(e: AuditEntry) {
  return { ...auditKeys.key(e.stayId, e.at), type: 'Audit', ...e };
}

/** The transaction item that records `e` together with the change it describes. */
export function auditPut(e: AuditEntry) {
  return { Put: { TableName: tableName(), Item: auditItem(e) } };
}

export async function listAudit(stayId: string): Promise<AuditEntry[]> {
  // Only the audit fields: nothing else stored on the item leaks into the trail.
  return (await queryPrefix(stayKeys.pk(stayId), auditKeys.prefix)).map((item) => {
    const { stayId: id, at, actor, action, changes } = item as unknown as AuditEntry;
    return { stayId: id, at, actor, action, changes };
  });
}

/**
 * A facility's own audit entry, for what concerns no single stay (a reminder marked
 * handled): PK FACILITY#<id>, SK AUDIT#<iso time>#<random>, codes and ids only.
 */
export function facilityAuditPut(e: { facilityId: string; at: string; actor: string; action: string; changes: Record<string, unknown> }) {
  return { Put: { TableName: tableName(), Item: { PK: facilityKeys.pk(e.facilityId), SK: `${auditKeys.prefix}${e.at}#${randomToken(6)}`, type: 'FacilityAudit', ...e } } };
}
