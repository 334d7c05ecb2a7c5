import { queryPrefix, withoutKeys } from './partition.js';
import { stayKeys } from './stay.js';

// Special-situation record (特殊情况记录) on a stay's file: PK STAY#<id>,
// SK SITUATION#<iso time>#<situationId>, so the file lists them in order.

import type { SituationKind } from '../domain/care-kinds.js';

export { SITUATION_KINDS, type SituationKind } from '../domain/care-kinds.js';

export interface Situation {
  situationId: string;
  stayId: string;
  facilityId: string;
  /** The hotel room, or the grid cell of a home stay (domain/place.ts). */
  roomNumber?: string;
  gridCell?: string;
  kind: SituationKind;
  text: string;
  recordedAt: string;
  recordedBy: string;
}

export const situationKeys = {
  prefix: 'SITUATION#',
  key: (stayId: string, recordedAt: string, situationId: string) => ({ PK: stayKeys.pk(stayId), SK: `SITUATION#${recordedAt}#${situationId}` }),
};

export function situationItem(s: Situation) {
  return { ...situationKeys.key(s.stayId, s.recordedAt, s.situationId), type: 'Situation', ...s };
}

/** A stay's situations, newest first. */
export async function listSituations(stayId: string): Promise<Situation[]> {
  const items = await queryPrefix(stayKeys.pk(stayId), situationKeys.prefix, { newestFirst: true });
  return items.map((item) => withoutKeys<Situation>(item));
}
