// Which facilities a lab serves (set by an administrator: PUT /labs/{labId}/facilities).
// A result the lab sends for a stay of a facility it does not serve never lands on
// that stay: it waits in the admins' unmatched queue (reason `outside_lab_scope`).
// A lab nobody scoped serves no facility: being able to sign requests proves who
// the lab is, not whose samples it may report on.

import { canonicalFacilityId } from './facility-id.js';

export type LabScope = { all: true } | { all: false; facilities: string[] };

export function servesFacility(scope: LabScope | undefined, facilityId: string): boolean {
  if (!scope) return false;
  return scope.all || scope.facilities.includes(canonicalFacilityId(facilityId));
}
