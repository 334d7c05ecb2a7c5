import { queryPrefix, withoutKeys } from './partition.js';
import { stayKeys } from './stay.js';

// Return-travel plan of a stay (collected around day 12): PK STAY#<id>, SK DEPARTURE
// (one per stay; a PUT replaces it). GSI1 lists a facility's departures by local
// date and time: FACILITY#<fid>#DEPARTURES / <date>#<HH:MM>#<stayId>, so the
// transport plan of a day is one Query. A copy sits on the stay item as `departure`.
// A stay that ends as "transferred" should delete this item (departureKeys.key).

import type { DepartureMode } from '../domain/care-kinds.js';

export { DEPARTURE_MODES, type DepartureMode } from '../domain/care-kinds.js';

export interface Departure {
  destination: { city: string; country: string };
  mode: DepartureMode;
  /** Flight or train number (required for those modes); optional plate or line for car and bus. */
  number?: string;
  /** ISO instant with offset. */
  departureAt: string;
  /** Facility-local date and time of departure. */
  localDate: string;
  localTime: string;
  /** When the vehicle picks the person up (ISO instant), and its facility-local time; absent until planned. */
  pickupAt?: string;
  pickupLocalTime?: string;
  updatedAt: string;
  updatedBy: string;
}

/** What the transport plan lists: the departure plus who and which room. */
export interface DepartureEntry extends Departure {
  stayId: string;
  facilityId: string;
  /** The hotel room, or the grid cell of a home stay (domain/place.ts). */
  roomNumber?: string;
  gridCell?: string;
  nameNative: string;
  nameLatin: string;
}

export const departureKeys = {
  key: (stayId: string) => ({ PK: stayKeys.pk(stayId), SK: 'DEPARTURE' }),
  byDatePk: (facilityId: string) => `FACILITY#${facilityId}#DEPARTURES`,
  byDateSk: (localDate: string, localTime: string, stayId: string) => `${localDate}#${localTime}#${stayId}`,
};

export function departureItem(d: DepartureEntry) {
  return {
    ...departureKeys.key(d.stayId),
    GSI1PK: departureKeys.byDatePk(d.facilityId),
    GSI1SK: departureKeys.byDateSk(d.localDate, d.localTime, d.stayId),
    type: 'Departure',
    ...d,
  };
}

/** A facility's departures on a local date, by time. */
export async function departuresOn(facilityId: string, localDate: string): Promise<DepartureEntry[]> {
  const items = await queryPrefix(departureKeys.byDatePk(facilityId), `${localDate}#`, { index: 'GSI1' });
  return items.map((item) => withoutKeys<DepartureEntry>(item));
}
