import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../entities/audit.js';
import { parseCheckId } from '../entities/check.js';
import { followUpIdOf, watchKeys, type ReportWatch } from '../entities/report-watch.js';
import type { DutyRole } from '../domain/team-duty.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadFacilityFor } from './load-facility.js';
import { loadStayFor } from './load-stay.js';

// Follow-ups of missed reports (step 3 of use-cases/missed-reports.ts): the team's
// list of people to call or visit, oldest deadline first, until a member marks one
// done with a note (what they found). The note and who wrote it stay on the watch.

export interface FollowUp {
  followUpId: string;
  stayId: string;
  facilityId: string;
  date: string;
  slot: ReportWatch['slot'];
  deadlineAt: string;
  step: number;
  teamId?: string;
  role?: DutyRole;
  assignee?: string;
  openedAt: string;
  reportedAt?: string;
  doneAt?: string;
  doneBy?: string;
  note?: string;
}

export const toFollowUp = (w: ReportWatch): FollowUp => ({
  followUpId: followUpIdOf(w),
  stayId: w.stayId,
  facilityId: w.facilityId,
  date: w.date,
  slot: w.slot,
  deadlineAt: w.deadlineAt,
  step: w.step,
  ...(w.teamId ? { teamId: w.teamId } : {}),
  ...(w.followUp?.role ? { role: w.followUp.role } : {}),
  ...(w.followUp?.assignee ? { assignee: w.followUp.assignee } : {}),
  openedAt: w.followUp?.openedAt ?? w.deadlineAt,
  ...(w.reportedAt ? { reportedAt: w.reportedAt } : {}),
  ...(w.followUp?.doneAt ? { doneAt: w.followUp.doneAt, doneBy: w.followUp.doneBy, note: w.followUp.note } : {}),
});

export async function listFollowUps(principal: Principal, facilityId: string, q: { limit: number; cursor?: string }) {
  await loadFacilityFor(principal, facilityId);
  const pk = watchKeys.followUpPk(facilityId);
  const out = await db().send(
    new QueryCommand({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, Limit: q.limit, ExclusiveStartKey: decodeCursor(q.cursor, { index: 'GSI1', partition: pk }) }),
  );
  return { followUps: (out.Items ?? []).map((i) => toFollowUp(i as unknown as ReportWatch)), cursor: encodeCursor(out.LastEvaluatedKey) };
}

export async function closeFollowUp(principal: Principal, stayId: string, followUpId: string, note: string, now = new Date()): Promise<FollowUp> {
  await loadStayFor(principal, stayId);
  const id = parseCheckId(followUpId);
  const key = id ? watchKeys.key(stayId, id.date, id.slot) : undefined;
  const found = key ? (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item : undefined;
  if (!key || !found || !(found as ReportWatch).followUp) throw new NotFoundError(`This stay has no follow-up ${followUpId}.`);
  if ((found as ReportWatch).followUp?.doneAt) throw new ConflictError('This follow-up is already done.', [{ code: 'follow_up_done', message: 'It was marked done earlier.' }]);
  const at = now.toISOString();
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET followUp.doneAt = :at, followUp.doneBy = :by, followUp.note = :note REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(followUp) AND attribute_not_exists(followUp.doneAt)',
          ExpressionAttributeValues: { ':at': at, ':by': principal.subject, ':note': note },
        },
      },
      auditPut({ stayId, at, actor: principal.subject, action: 'follow_up_done', changes: { followUpId } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? new ConflictError('This follow-up is already done.', [{ code: 'follow_up_done', message: 'It was marked done meanwhile.' }]) : undefined),
  );
  const w = found as ReportWatch;
  return toFollowUp({ ...w, followUp: { ...w.followUp!, doneAt: at, doneBy: principal.subject, note } });
}
