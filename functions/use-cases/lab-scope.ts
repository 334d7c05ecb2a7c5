import { putLab, type LabRecord } from '../entities/lab.js';
import type { LabScope } from '../domain/lab-scope.js';
import { LAB_ID_PATTERN, labSecrets } from '../ports/lab-secrets.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { unknownFacilityIssues } from './load-facility.js';

// PUT /labs/{labId}/facilities: an administrator sets which facilities a lab serves.
// The lab must be registered (it has a secret); every facility must exist.

export async function setLabFacilities(principal: Principal, labId: string, facilities: 'all' | string[], now = new Date()): Promise<LabRecord> {
  assertAdmin(principal);
  if (!LAB_ID_PATTERN.test(labId) || (await (await labSecrets()).secretFor(labId)) === undefined) {
    throw new NotFoundError('No lab with this id is registered (npm run lab -- add NAME, or the lab secrets in the cloud).');
  }
  let scope: LabScope;
  if (facilities === 'all') {
    scope = { all: true };
  } else {
    const issues = await unknownFacilityIssues(facilities);
    if (issues.length > 0) throw new ValidationError(issues);
    scope = { all: false, facilities: [...new Set(facilities)] };
  }
  const record: LabRecord = { labId, scope, updatedAt: now.toISOString(), updatedBy: principal.subject };
  await putLab(record);
  return record;
}
