import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckSlot } from '../domain/checks.js';
import type { DutyRole } from '../domain/team-duty.js';
import { db, tableName } from '../shared/db.js';
import { facilityKeys } from './facility.js';
import { queryPrefix, withoutKeys } from './partition.js';

// Three-person team (三人小组) of a home-isolation programme: a community cadre, a
// doctor of the local health centre and a police officer, covering grid cells (网格).
//   Team:        PK FACILITY#<id>            SK TEAM#<teamId>
//   Grid cell:   PK FACILITY#<id>            SK GRID#<cell>      -> the team covering it (one team per cell)
//   Team's stay: PK FACILITY#<id>#TEAM#<t>   SK STAY#<stayId>    -> the open home stays the team follows (its worklist)
//   Staff link:  PK STAFF#<sub>              SK TEAM#<facility>#<t> -> the teams a staff account belongs to
// A stay's team is chosen from its grid cell at registration and stays the same
// until staff reassign it (audited); moving a grid cell to another team later does
// not move the people already followed.

export const TEAM_ROLES = ['cadre', 'doctor', 'police'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  name: string;
  phone: string;
  /** The member's staff account (JWT `sub`), when they have one. */
  staffSub?: string;
}

export interface Team {
  teamId: string;
  facilityId: string;
  name: string;
  members: Record<TeamRole, TeamMember>;
  gridCells: string[];
  /** The member on duty per report slot (domain/team-duty.ts; absent: the cadre for both). */
  duty?: Partial<Record<CheckSlot, DutyRole>>;
  createdAt: string;
  createdBy: string;
  /** Edits (PUT /facilities/{id}/teams/{teamId}): each one bumps the version and leaves an audit entry. */
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** An edit of a team: who, when, which fields and cells (names and phones stay on the team, not in the trail). */
export interface TeamAuditEntry {
  facilityId: string;
  teamId: string;
  at: string;
  actor: string;
  action: 'team_updated';
  changes: { fields: string[]; gridCellsAdded: string[]; gridCellsRemoved: string[]; staffAccountsChanged: string[] };
}

export interface TeamStay {
  stayId: string;
  teamId: string;
  facilityId: string;
  assignedAt: string;
}

export const teamKeys = {
  prefix: 'TEAM#',
  key: (facilityId: string, teamId: string) => ({ PK: facilityKeys.pk(facilityId), SK: `TEAM#${teamId}` }),
};

/** A team's audit trail: PK FACILITY#<id>#TEAM#<t> (beside its stays), SK AUDIT#<at>#<random>. */
export const teamAuditKeys = {
  prefix: 'AUDIT#',
  key: (facilityId: string, teamId: string, at: string, random: string) => ({ PK: teamStayKeys.pk(facilityId, teamId), SK: `AUDIT#${at}#${random}` }),
};

export const gridKeys = {
  key: (facilityId: string, gridCell: string) => ({ PK: facilityKeys.pk(facilityId), SK: `GRID#${gridCell}` }),
};

export const teamStayKeys = {
  pk: (facilityId: string, teamId: string) => `FACILITY#${facilityId}#TEAM#${teamId}`,
  key: (facilityId: string, teamId: string, stayId: string) => ({ PK: teamStayKeys.pk(facilityId, teamId), SK: `STAY#${stayId}` }),
};

export const staffTeamKeys = {
  pk: (sub: string) => `STAFF#${sub}`,
  key: (sub: string, facilityId: string, teamId: string) => ({ PK: `STAFF#${sub}`, SK: `TEAM#${facilityId}#${teamId}` }),
};

export function teamItem(t: Team) {
  return { ...teamKeys.key(t.facilityId, t.teamId), type: 'Team', ...t };
}

export function gridItem(facilityId: string, gridCell: string, teamId: string) {
  return { ...gridKeys.key(facilityId, gridCell), type: 'GridCell', facilityId, gridCell, teamId };
}

export function teamStayItem(s: TeamStay) {
  return { ...teamStayKeys.key(s.facilityId, s.teamId, s.stayId), type: 'TeamStay', ...s };
}

export function staffTeamItem(sub: string, facilityId: string, teamId: string, role: TeamRole) {
  return { ...staffTeamKeys.key(sub, facilityId, teamId), type: 'StaffTeam', facilityId, teamId, role };
}

export async function getTeam(facilityId: string, teamId: string, consistent = false): Promise<Team | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: teamKeys.key(facilityId, teamId), ConsistentRead: consistent }));
  return out.Item ? withoutKeys<Team>(out.Item) : undefined;
}

export async function listTeams(facilityId: string): Promise<Team[]> {
  return (await queryPrefix(facilityKeys.pk(facilityId), teamKeys.prefix)).map((i) => withoutKeys<Team>(i));
}

/** The team covering a grid cell, if any. */
export async function teamOfGridCell(facilityId: string, gridCell: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: gridKeys.key(facilityId, gridCell), ConsistentRead: true }));
  return out.Item ? String(out.Item.teamId) : undefined;
}

/** The open home stays a team follows. */
export async function listTeamStays(facilityId: string, teamId: string): Promise<TeamStay[]> {
  return (await queryPrefix(teamStayKeys.pk(facilityId, teamId), 'STAY#')).map((i) => withoutKeys<TeamStay>(i));
}

/** The teams a staff account is a member of, with its role in each. */
export async function teamsOfStaff(sub: string): Promise<{ facilityId: string; teamId: string; role: TeamRole }[]> {
  return (await queryPrefix(staffTeamKeys.pk(sub), 'TEAM#')).map((i) => ({ facilityId: String(i.facilityId), teamId: String(i.teamId), role: i.role as TeamRole }));
}

/** Items by key, 100 keys per BatchGet, retrying unprocessed keys. */
export async function batchGetItems(keys: Record<string, string>[], projection?: { expression: string; names: Record<string, string> }): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      const out = await db().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: { Keys: pending, ...(projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}) },
          },
        }),
      );
      found.push(...(out.Responses?.[tableName()] ?? []));
      pending = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
      if (pending?.length && attempt > 8) throw new Error('BatchGet: keys left unprocessed');
      if (pending?.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
  return found;
}
