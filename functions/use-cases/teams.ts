import { gridItem, listTeams, staffTeamItem, TEAM_ROLES, teamItem, type Team } from '../entities/team.js';
import type { CreateTeamInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError } from '../shared/errors.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { assertHomeProgramme } from './home-guards.js';
import { loadFacilityFor } from './load-facility.js';

// Three-person teams of a home programme: created by an administrator with the grid
// cells they cover (one team per cell, claimed in the same transaction); each home
// stay is given the team of its cell at registration (reassign-team.ts moves one).

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
    ...(input.duty ? { duty: input.duty } : {}),
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
    return cellsTaken(team.gridCells, reasons.slice(1));
  });
  return team;
}

/** The 409 naming every cell another team covers (reasons: one per cell, in order), or undefined. */
export function cellsTaken(cells: string[], reasons: { Code?: string; Item?: Record<string, unknown> }[]): ConflictError | undefined {
  const taken = cells.flatMap((cell, i) => (reasons[i]?.Code === 'ConditionalCheckFailed' ? [{ cell, by: String(reasons[i]?.Item?.teamId) }] : []));
  if (taken.length === 0) return undefined;
  return new ConflictError('A grid cell is already covered by another team.', taken.map((t) => ({ code: 'grid_cell_taken' as const, message: `Grid cell ${t.cell} is covered by team ${t.by}.` })));
}

export async function listTeamsOf(principal: Principal, facilityId: string) {
  const facility = await loadFacilityFor(principal, facilityId);
  assertHomeProgramme(facility);
  return { facilityId: facility.facilityId, teams: await listTeams(facility.facilityId) };
}

