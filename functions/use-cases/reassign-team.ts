import { auditPut } from '../entities/audit.js';
import { stayKeys } from '../entities/stay.js';
import { getTeam, teamKeys, teamStayItem, teamStayKeys } from '../entities/team.js';
import type { ReassignTeamInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { assertOpen, loadStayWithFacility } from './care-context.js';
import { assertHomeStay } from './home-guards.js';

// Moving a person to another team is a staff decision with a reason, audited on the
// stay; the person's place on the teams' lists moves in the same transaction.

/** PUT /stays/{stayId}/team: one transaction moves the stay from its team's list to the new team's, with the audit entry. */
export async function reassignTeam(principal: Principal, stayId: string, input: ReassignTeamInput, now = new Date()) {
  const { stay } = await loadStayWithFacility(principal, stayId);
  assertHomeStay(stay);
  assertOpen(stay, 'a team change');
  if (stay.teamId === input.teamId) {
    throw new ConflictError(`The stay is already followed by team ${input.teamId}.`, [{ code: 'same_team', message: 'Nothing to change.' }]);
  }
  const team = await getTeam(stay.facilityId, input.teamId, true);
  if (!team) throw new ValidationError([{ path: 'teamId', message: `No team ${input.teamId} in this programme`, code: 'unknown_team' }]);
  const at = now.toISOString();
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stayId),
          UpdateExpression: 'SET teamId = :team, updatedAt = :at, version = version + :one',
          ConditionExpression: 'version = :version AND teamId = :from',
          ExpressionAttributeValues: { ':team': team.teamId, ':at': at, ':one': 1, ':version': stay.version, ':from': stay.teamId },
        },
      },
      { ConditionCheck: { TableName: tableName(), Key: teamKeys.key(stay.facilityId, team.teamId), ConditionExpression: 'attribute_exists(PK)' } },
      { Delete: { TableName: tableName(), Key: teamStayKeys.key(stay.facilityId, stay.teamId, stayId) } },
      { Put: { TableName: tableName(), Item: teamStayItem({ stayId, teamId: team.teamId, facilityId: stay.facilityId, assignedAt: at }) } },
      auditPut({ stayId, at, actor: principal.subject, action: 'team_reassigned', changes: { from: stay.teamId, to: team.teamId, reason: input.reason } }),
    ],
    (reasons) =>
      reasons.some((r) => r.Code === 'ConditionalCheckFailed')
        ? new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
        : undefined,
  );
  return { stayId, teamId: team.teamId, previousTeamId: stay.teamId, reason: input.reason, at };
}
