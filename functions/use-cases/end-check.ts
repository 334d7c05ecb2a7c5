import { auditPut } from '../entities/audit.js';
import { stayKeys, type EndCheck } from '../entities/stay.js';
import { getTeam } from '../entities/team.js';
import { localDate } from '../domain/calendar.js';
import type { EndCheckInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { assertOpen, loadStayWithFacility } from './care-context.js';
import { assertHomeStay } from './home-guards.js';

// POST /stays/{stayId}/end-check: at the end of home isolation the doctor of the
// person's team does a health check (DOMAIN.md: "the health centre's doctor do a
// health check and record the release"). A doctor with a staff account records it
// themselves; for a doctor without one, staff of the programme record it in the
// doctor's name. From the last day of observation on; a later check replaces it.

export async function recordEndCheck(principal: Principal, stayId: string, input: EndCheckInput, now = new Date()) {
  const { stay, facility } = await loadStayWithFacility(principal, stayId);
  assertHomeStay(stay);
  assertOpen(stay, 'a health check');
  const team = await getTeam(stay.facilityId, stay.teamId);
  if (!team) throw new NotFoundError(`Team ${stay.teamId} does not exist.`);
  const doctor = team.members.doctor;
  if (doctor.staffSub && doctor.staffSub !== principal.subject && principal.role !== 'admin') {
    throw new ForbiddenError("Only the team's doctor records the end-of-period health check.", [
      { code: 'not_team_doctor', message: `${doctor.name} (team ${team.name}) records this check.` },
    ]);
  }
  const today = localDate(now, facility.timeZone);
  if (today < stay.schedule.endDate) {
    throw new ConflictError(`The end-of-period check is done from the last day of observation, ${stay.schedule.endDate}.`, [
      { code: 'before_end_date', message: `Home isolation ends after ${stay.schedule.endDate}.` },
    ]);
  }
  const at = now.toISOString();
  const endCheck: EndCheck = { doctorName: doctor.name, fit: input.fit, ...(input.note ? { note: input.note } : {}), date: today, recordedAt: at, recordedBy: principal.subject };
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stayId),
          // A fact release rests on: bump the version release pins.
          UpdateExpression: 'SET endCheck = :check, updatedAt = :at, version = version + :one',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':check': endCheck, ':at': at, ':one': 1, ':version': stay.version },
        },
      },
      auditPut({ stayId, at, actor: principal.subject, action: 'end_check_recorded', changes: { fit: input.fit, teamId: team.teamId, date: today, replaced: stay.endCheck !== undefined } }),
    ],
    (reasons) =>
      reasons.some((r) => r.Code === 'ConditionalCheckFailed')
        ? new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
        : undefined,
  );
  return { stayId, endCheck };
}
