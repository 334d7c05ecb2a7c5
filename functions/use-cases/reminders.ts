import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { matchesReminder, reminderView, type ReminderView } from '../domain/reminder-view.js';
import { facilityAuditPut } from '../entities/audit.js';
import { reminderKeys, type Reminder, type ReminderHandled } from '../entities/reminder.js';
import { openStayIds } from '../entities/stay-status-batch.js';
import type { HandleReminderInput, ReminderQuery } from '../schemas/care.js';
import { db, tableName } from '../shared/db.js';
import { NotFoundError } from '../shared/errors.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadFacilityFor } from './load-facility.js';

// GET /facilities/{facilityId}/reminders: a facility's reminders, newest first, with
// their lines (who, which room, which day), delivery and handled state. One GSI1 Query
// a page, then one BatchGet of the named stays' status: lines of closed stays drop
// out. The kind is filtered by DynamoDB; state and search on the page read, so a
// filtered page may hold fewer than `limit` reminders (follow the cursor).

function fromItem(item: Record<string, unknown>): Reminder {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, GSI2PK: _g2, GSI2SK: _s2, type: _t, ...rest } = item;
  const r = rest as unknown as Reminder & { delivery: Reminder['delivery'] & { claimedUntil?: string } };
  const { claimedUntil: _c, ...delivery } = r.delivery;
  return { ...r, delivery } as Reminder;
}

async function withState(reminders: Reminder[]): Promise<ReminderView[]> {
  const open = await openStayIds(reminders.flatMap((r) => r.lines.flatMap((l) => (l.stayId ? [l.stayId] : []))));
  return reminders.map((r) => reminderView(r, (id) => open.has(id)));
}

export async function listReminders(principal: Principal, facilityId: string, q: ReminderQuery): Promise<{ reminders: ReminderView[]; cursor?: string }> {
  await loadFacilityFor(principal, facilityId);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ...(q.kind ? { FilterExpression: 'kind = :kind' } : {}),
      ExpressionAttributeValues: { ':pk': reminderKeys.listPk(facilityId), ...(q.kind ? { ':kind': q.kind } : {}) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, { index: 'GSI1', partition: reminderKeys.listPk(facilityId) }),
    }),
  );
  const views = await withState((out.Items ?? []).map(fromItem));
  return { reminders: views.filter((v) => matchesReminder(v, q)), cursor: encodeCursor(out.LastEvaluatedKey) };
}

/**
 * PUT /facilities/{facilityId}/reminders/{reminderId}/handled: who handled it and when
 * (the note is optional), with the facility's audit entry, in one transaction that
 * only writes if nobody marked it before. Idempotent: marking a handled reminder again
 * answers the first marking unchanged.
 */
class NotMarked extends Error {}

export async function markReminderHandled(principal: Principal, facilityId: string, reminderId: string, input: HandleReminderInput, now = new Date()): Promise<ReminderView> {
  await loadFacilityFor(principal, facilityId);
  const at = now.toISOString();
  const handled: ReminderHandled = { by: principal.subject, at, ...(input.note ? { note: input.note } : {}) };
  try {
    await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: reminderKeys.key(facilityId, reminderId),
          UpdateExpression: 'SET handled = :handled',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(handled)',
          ExpressionAttributeValues: { ':handled': handled },
        },
      },
      facilityAuditPut({ facilityId, at, actor: principal.subject, action: 'reminder_handled', changes: { reminderId, note: input.note !== undefined } }),
    ],
      // Missing or handled before: the read below tells which.
      (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? new NotMarked() : undefined),
    );
  } catch (err) {
    if (!(err instanceof NotMarked)) throw err;
  }
  const item = (await db().send(new GetCommand({ TableName: tableName(), Key: reminderKeys.key(facilityId, reminderId), ConsistentRead: true }))).Item;
  if (!item) throw new NotFoundError('No such reminder in this facility.');
  const [view] = await withState([fromItem(item)]);
  return view!;
}
