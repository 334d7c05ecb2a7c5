import { auditPut } from '../entities/audit.js';
import { stayKeys, type HealthSignoff } from '../entities/stay.js';
import { tableName } from '../shared/db.js';
import { ConflictError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadStayFor } from './load-stay.js';

// POST /stays/{stayId}/health-signoff: a doctor reviewed a stay whose temperature
// log shows a fever or symptom and signs it off, so that under the facility policy
// `doctor_signoff` a health certificate can be issued; the certificate names the
// doctor, the date and the note. Recorded on the stay with an audit entry.

export async function recordHealthSignoff(principal: Principal, stayId: string, input: { doctorName: string; note: string }, now = new Date()) {
  const stay = await loadStayFor(principal, stayId, true);
  const at = now.toISOString();
  const signoff: HealthSignoff = { doctorName: input.doctorName, note: input.note, signedAt: at, recordedBy: principal.subject };
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stay.stayId),
          UpdateExpression: 'SET healthSignoff = :signoff, updatedAt = :at, version = version + :one',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':signoff': signoff, ':at': at, ':one': 1, ':version': stay.version },
        },
      },
      auditPut({ stayId, at, actor: principal.subject, action: 'health_signoff', changes: { doctorName: input.doctorName, ...(stay.healthSignoff ? { replaces: stay.healthSignoff.signedAt } : {}) } }),
    ],
    (reasons) =>
      reasons[0]?.Code === 'ConditionalCheckFailed'
        ? new ConflictError('The stay changed at the same time. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
        : undefined,
  );
  return { stayId, healthSignoff: { doctorName: signoff.doctorName, note: signoff.note, signedAt: at } };
}
