// Where a person observes: a hotel room, or home (a stay of a home-isolation
// programme, placed by its grid cell). Records derived from a stay (checks, due
// items, situations, reminder lines) copy these fields so lists can show the
// place without reading the stay.

export interface Placed {
  roomNumber?: string;
  home?: { gridCell: string };
}

export interface PlaceFields {
  roomNumber?: string;
  gridCell?: string;
}

export function placeFields(s: Placed): PlaceFields {
  if (s.roomNumber !== undefined) return { roomNumber: s.roomNumber };
  return s.home ? { gridCell: s.home.gridCell } : {};
}

/** For reminder titles and log lines: "room 1203" or "home, grid cell G-07". */
export function placeLabel(s: Placed): string {
  if (s.roomNumber !== undefined) return `room ${s.roomNumber}`;
  return s.home ? `home, grid cell ${s.home.gridCell}` : 'no room';
}

/** Sort key: rooms by number, home stays by grid cell, then the stay id. */
export function placeSortKey(s: PlaceFields): string {
  return s.roomNumber ?? (s.gridCell !== undefined ? `~${s.gridCell}` : '~~');
}
