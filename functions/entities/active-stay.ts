import { documentRef, type TravelDocument } from './stay.js';

// Guard item: one per travel document while its holder has an open stay, so a
// person can never be checked in twice. PK DOC#<type>#<country>#<number>, SK ACTIVE_STAY.
// Created in the check-in transaction (attribute_not_exists) and deleted when the stay closes.

export const activeStayKeys = {
  key: (doc: Pick<TravelDocument, 'type' | 'country' | 'number'>) => ({ PK: documentRef(doc), SK: 'ACTIVE_STAY' }),
};

export function activeStayItem(doc: TravelDocument, stayId: string, facilityId: string) {
  return { ...activeStayKeys.key(doc), type: 'ActiveStay', stayId, facilityId };
}
