import { auditPut } from '../entities/audit.js';
import { isHomeProgramme, type Facility } from '../entities/facility.js';
import { stayKeys, type Stay } from '../entities/stay.js';
import { getTeam, gridItem, listTeams, staffTeamItem, TEAM_ROLES, teamItem, teamKeys, teamStayItem, teamStayKeys, type Team } from '../entities/team.js';
import type { CreateTeamInput, ReassignTeamInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { assertOpen, loadStayWithFacility } from './care-context.js';
import { loadFacilityFor } from './load-facility.js';

// Three-person teams of a home programme: created by an administrator with the grid
// cells they cover (one team per cell, claimed in the same transaction); each home
// stay is given the team of its cell at registration. Moving a person to another
// team is a staff decision with a reason, audited on the stay.

export function assertHomeProgramme(facility: Facility): void {
  if (!isHomeProgramme(facility)) {
    throw new ValidationError([{ path: 'facilityId', message: `${facility.name} is a hotel, not a home-isolation programme`, code: 'not_home_programme' }]);
  }
}

export async function createTeam(principal: Principal, facilityId: string, input: CreateTeamInput, now = new Date()): Promise<Team> {
  assertAdmin(principal);
  const facility = await loadFacilityFor(principal, facilityId);
  assertHomeProgramme(facility);
  const team: Team = {
    teamId: input.teamId,
    facilityId: facility.facilityId,
    name: input.name,
    members: input.members,
    gridCells: input.gridCells,
    createdAt: now.toISOString(),
    createdBy: principal.subject,
  };
  const items: TxItems = [
    { Put: { TableName: tableName(), Item: teamItem(team), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...team.gridCells.map((cell) => ({
      Put: { TableName: tableName(), Item: gridItem(team.facilityId, cell, team.teamId), ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const },
    })),
    ...TEAM_ROLES.flatMap((role) => {
      const sub = team.members[role].staffSub;
      return sub ? [{ Put: { TableName: tableName(), Item: staffTeamItem(sub, team.facilityId, team.teamId, role) } }] : [];
    }),
  ];
  await transactWithRetry(items, (reasons) => {
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return new ConflictError(`Team ${team.teamId} exists.`, [{ code: 'team_exists', message: 'Choose another teamId.' }]);
    const taken = team.gridCells.flatMap((cell, i) => (reasons[i + 1]?.Code === 'ConditionalCheckFailed' ? [{ cell, by: String(reasons[i + 1]?.Item?.teamId) }] : []));
    if (taken.length > 0) {
      return new ConflictError('A grid cell is already covered by another team.', taken.map((t) => ({ code: 'grid_cell_taken' as const, message: `Grid cell ${t.cell} is covered by team ${t.by}.` })));
    }
    return undefined;
  });
  return team;
}

export async function listTeamsOf(principal: Principal, facilityId: string) {
  const facility = await loadFacilityFor(principal, facilityId);
  assertHomeProgramme(facility);
  return { facilityId: facility.facilityId, teams: await listTeams(facility.facilityId) };
}

export function assertHomeStay(stay: Stay): asserts stay is Stay & { home: NonNullable<Stay['home']>; teamId: string } {
  if (!stay.home || !stay.teamId) {
    throw new ConflictError('This stay is in a hotel, not in home isolation.', [{ code: 'not_a_home_stay', message: 'Only a home-isolation stay has a team.' }]);
  }
}

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
