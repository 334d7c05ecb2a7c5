import { getTeam, gridItem, gridKeys, staffTeamItem, staffTeamKeys, TEAM_ROLES, teamAuditKeys, teamItem, type Team, type TeamAuditEntry, type TeamRole } from '../entities/team.js';
import type { UpdateTeamInput } from '../schemas/home.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { randomToken } from '../shared/ids.js';
import { assertAdmin, type Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { assertHomeProgramme } from './home-guards.js';
import { loadFacilityFor } from './load-facility.js';
import { cellsTaken } from './teams.js';

// Editing a team is its own module: it is the only team change that deletes (the
// cells and account links it gives up), and create-team must not carry DeleteItem.

const accountsOf = (t: Pick<Team, 'members'>) => new Map(TEAM_ROLES.flatMap((r) => (t.members[r].staffSub ? [[t.members[r].staffSub!, r] as const] : [])));

/**
 * PUT /facilities/{facilityId}/teams/{teamId}: one transaction writes the team (under
 * the version read), claims the cells it gains, frees the ones it gives up, moves the
 * staff-account links and records the audit entry (fields and cells, not names).
 * The people already followed keep their team (reassign-team.ts moves a person).
 */
export async function updateTeam(principal: Principal, facilityId: string, teamId: string, input: UpdateTeamInput, now = new Date()): Promise<Team> {
  assertAdmin(principal);
  const facility = await loadFacilityFor(principal, facilityId);
  assertHomeProgramme(facility);
  const before = await getTeam(facility.facilityId, teamId, true);
  if (!before) throw new NotFoundError(`Team ${teamId} does not exist in this programme.`);
  const at = now.toISOString();
  const members = { ...before.members };
  for (const r of TEAM_ROLES) if (input.members?.[r]) members[r] = input.members[r]!;
  const after: Team = {
    ...before,
    ...(input.name ? { name: input.name } : {}),
    members,
    ...(input.gridCells ? { gridCells: input.gridCells } : {}),
    ...(input.duty ? { duty: { ...before.duty, ...input.duty } } : {}),
    version: (before.version ?? 0) + 1,
    updatedAt: at,
    updatedBy: principal.subject,
  };
  // The whole team: the same account in two roles is refused (one answer, each field named).
  const doubled = TEAM_ROLES.filter((r, i) => after.members[r].staffSub && TEAM_ROLES.slice(0, i).some((q) => after.members[q].staffSub === after.members[r].staffSub));
  if (doubled.length) {
    throw new ValidationError(doubled.map((r) => ({ path: `members.${r}.staffSub`, message: 'This staff account is already another member of the team: one account is one member', code: 'custom' })));
  }
  const added = after.gridCells.filter((c) => !before.gridCells.includes(c));
  const removed = before.gridCells.filter((c) => !after.gridCells.includes(c));
  const oldAccounts = accountsOf(before);
  const newAccounts = accountsOf(after);
  const changedAccounts = [...new Set([...oldAccounts.keys(), ...newAccounts.keys()])].filter((sub) => oldAccounts.get(sub) !== newAccounts.get(sub));
  const roleChanged = (r: TeamRole) => JSON.stringify(before.members[r]) !== JSON.stringify(after.members[r]);
  const fields = [
    ...(input.name && input.name !== before.name ? ['name'] : []),
    ...TEAM_ROLES.filter(roleChanged).map((r) => `members.${r}`),
    ...(added.length || removed.length ? ['gridCells'] : []),
    ...(input.duty && JSON.stringify(before.duty ?? {}) !== JSON.stringify(after.duty ?? {}) ? ['duty'] : []),
  ];
  const audit: TeamAuditEntry = {
    facilityId: facility.facilityId,
    teamId,
    at,
    actor: principal.subject,
    action: 'team_updated',
    changes: { fields, gridCellsAdded: added, gridCellsRemoved: removed, staffAccountsChanged: TEAM_ROLES.filter((r) => before.members[r].staffSub !== after.members[r].staffSub) },
  };
  const items: TxItems = [
    {
      Put: {
        TableName: tableName(),
        Item: teamItem(after),
        ConditionExpression: before.version === undefined ? 'attribute_exists(PK) AND attribute_not_exists(version)' : 'version = :v',
        ...(before.version === undefined ? {} : { ExpressionAttributeValues: { ':v': before.version } }),
      },
    },
    ...added.map((cell) => ({
      Put: {
        TableName: tableName(),
        Item: gridItem(facility.facilityId, cell, teamId),
        ConditionExpression: 'attribute_not_exists(PK) OR teamId = :me',
        ExpressionAttributeValues: { ':me': teamId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    })),
    ...removed.map((cell) => ({ Delete: { TableName: tableName(), Key: gridKeys.key(facility.facilityId, cell), ConditionExpression: 'teamId = :me', ExpressionAttributeValues: { ':me': teamId } } })),
    ...changedAccounts.map((sub) => {
      const role = newAccounts.get(sub);
      return role
        ? { Put: { TableName: tableName(), Item: staffTeamItem(sub, facility.facilityId, teamId, role) } }
        : { Delete: { TableName: tableName(), Key: staffTeamKeys.key(sub, facility.facilityId, teamId) } };
    }),
    { Put: { TableName: tableName(), Item: { ...teamAuditKeys.key(facility.facilityId, teamId, at, randomToken(6)), type: 'TeamAudit', ...audit } } },
  ];
  const changedMeanwhile = () => new ConflictError('The team was changed meanwhile. Reload and try again.', [{ code: 'team_changed', message: 'Another edit was saved first.' }]);
  await transactWithRetry(items, (reasons) => {
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return changedMeanwhile();
    const taken = cellsTaken(added, reasons.slice(1, 1 + added.length));
    if (taken) return taken;
    if (reasons.slice(1 + added.length, 1 + added.length + removed.length).some((r) => r.Code === 'ConditionalCheckFailed')) return changedMeanwhile();
    return undefined;
  });
  return after;
}
