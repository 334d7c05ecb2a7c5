// Facility ids are case-insensitive: `fa` and `FA` name one facility. The canonical
// form (stored in keys, compared in tokens) is lower case, so every way in — the
// create body, a path, a JWT claim, a job's event — lands on the same item.

export function canonicalFacilityId(id: string): string {
  return id.toLowerCase();
}
