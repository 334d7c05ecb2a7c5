import { stayKeys } from './stay.js';

// Due item: a dated obligation of a stay (a retest sample, the documents, the end of
// observation). PK STAY#<id>, SK DUE#<kind>#<date>. While open it carries GSI3 keys
// FACILITY#<id>#DUE#<kind> / <date>#<stayId>, so a scheduled job reads only what is
// due up to today; resolving it removes the GSI3 keys (sparse index).
// PURGE is written when the stay closes, dated with the facility-local close date:
// the retention job reads those dated on or before (today - RETENTION_DAYS).

export type DueKind = 'RETEST' | 'DOCUMENT' | 'END' | 'PURGE';

export interface DueItem {
  stayId: string;
  facilityId: string;
  kind: DueKind;
  dueDate: string;
  /** Day of stay the item falls on. */
  day: number;
  /** The hotel room, or the grid cell of a home stay (domain/place.ts). */
  roomNumber?: string;
  gridCell?: string;
}

export const dueKeys = {
  key: (stayId: string, kind: DueKind, dueDate: string) => ({ PK: stayKeys.pk(stayId), SK: `DUE#${kind}#${dueDate}` }),
  openPk: (facilityId: string, kind: DueKind) => `FACILITY#${facilityId}#DUE#${kind}`,
  openSk: (dueDate: string, stayId: string) => `${dueDate}#${stayId}`,
};

export function openDueItem(d: DueItem) {
  return {
    ...dueKeys.key(d.stayId, d.kind, d.dueDate),
    GSI3PK: dueKeys.openPk(d.facilityId, d.kind),
    GSI3SK: dueKeys.openSk(d.dueDate, d.stayId),
    type: 'DueItem',
    state: 'open',
    ...d,
  };
}
