import { activeStayItem } from '../entities/active-stay.js';
import { auditPut } from '../entities/audit.js';
import { openDueItem } from '../entities/due-item.js';
import type { Facility } from '../entities/facility.js';
import { gridKeys, teamOfGridCell, teamStayItem } from '../entities/team.js';
import { stayItem, type Stay } from '../entities/stay.js';
import type { RegisterHomeStayInput } from '../schemas/home-stay.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { putMetric } from '../shared/metrics.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { checkInLedger, dueItemsOf, newStay } from './register-stay.js';

// Registration into home isolation: as a hotel check-in (one transaction: the stay,
// the claim on the travel document, the due items the jobs read, the audit entry and
// the end-date ledger), with the home address instead of a room, and the person
// given to the three-person team covering the address's grid cell (the grid cell
// item is checked in the same transaction, so a cell moved meanwhile is noticed).

export async function registerHomeStay(principal: Principal, facility: Facility, input: RegisterHomeStayInput, now = new Date()): Promise<Stay> {
  const teamId = await teamForCell(facility.facilityId, input.home.gridCell);
  const at = now.toISOString();
  const stay: Stay = newStay(principal, facility, input, { stayId: newId('S'), home: input.home, teamId }, now);
  await transactWithRetry(
    [
      gridCondition(facility.facilityId, input.home.gridCell, teamId),
      ...openHomeStayItems(stay, teamId),
      auditPut({ stayId: stay.stayId, at, actor: principal.subject, action: 'check_in', changes: { home: true, gridCell: input.home.gridCell, teamId, status: 'active', facilityId: stay.facilityId } }),
      checkInLedger(stay),
    ],
    (reasons) => homeCheckInConflict(reasons, facility.facilityId, input.home.gridCell),
  );
  putMetric('CheckIns');
  return stay;
}

/** The team covering a grid cell, or a 400 naming the cell (an administrator adds it to a team first). */
export async function teamForCell(facilityId: string, gridCell: string): Promise<string> {
  const teamId = await teamOfGridCell(facilityId, gridCell);
  if (!teamId) {
    throw new ValidationError([{ path: 'home.gridCell', message: `No team covers grid cell ${gridCell}: add the cell to a team first`, code: 'no_team_for_grid_cell' }]);
  }
  return teamId;
}

export function gridCondition(facilityId: string, gridCell: string, teamId: string) {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: gridKeys.key(facilityId, gridCell),
      ConditionExpression: 'teamId = :team',
      ExpressionAttributeValues: { ':team': teamId },
    },
  };
}

/** The writes that open a home stay: the document claim, the stay, its due items and its place on the team's list. */
export function openHomeStayItems(stay: Stay, teamId: string): TxItems {
  return [
    {
      Put: {
        TableName: tableName(),
        Item: activeStayItem(stay.person.document, stay.stayId, stay.facilityId),
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: tableName(), Item: stayItem(stay), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...dueItemsOf(stay).map((d) => ({ Put: { TableName: tableName(), Item: openDueItem(d) } })),
    { Put: { TableName: tableName(), Item: teamStayItem({ stayId: stay.stayId, teamId, facilityId: stay.facilityId, assignedAt: stay.createdAt }) } },
  ];
}

/** Reasons index 0 is the grid condition, 1 the document claim (as openHomeStayItems orders them after it). */
export function homeCheckInConflict(reasons: { Code?: string; Item?: Record<string, unknown> }[], facilityId: string, gridCell: string): Error | undefined {
  const [grid, person] = reasons;
  if (grid?.Code === 'ConditionalCheckFailed') {
    return new ConflictError(`Grid cell ${gridCell} moved to another team meanwhile. Try again.`, [{ code: 'stay_changed', message: 'The grid cell changed team at the same time.' }]);
  }
  if (person?.Code === 'ConditionalCheckFailed') {
    const sameFacility = person.Item?.facilityId === facilityId;
    return new ConflictError('This person already has an open stay.', [
      { code: 'person_has_open_stay', message: sameFacility ? `Already registered here as stay ${String(person.Item?.stayId)}.` : 'Registered at another facility.' },
    ]);
  }
  return undefined;
}
