import { auditPut } from '../entities/audit.js';
import { dueKeys, openDueItem, type DueItem } from '../entities/due-item.js';
import { queryPrefix } from '../entities/partition.js';
import { occupantFieldItem } from '../entities/room.js';
import { ledgerPut } from '../entities/schedule-ledger.js';
import { stayKeys } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { retestDatesCovered } from '../domain/lab-result.js';
import { planScheduleChange, weakeningsBelow } from '../domain/schedule-change.js';
import type { ChangeScheduleInput } from '../schemas/stay-schedule.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { loadStayWithFacility } from './care-context.js';
import { dueItemsOf } from './register-stay.js';
import { latestResults } from './stay-test-results.js';

// PUT /stays/{stayId}/schedule: extend or shorten one active stay (a new policy, a
// medical decision) with a recorded reason. One transaction: the stay's policy and
// dates, the room board's end date, the due items the jobs read (dates that no
// longer apply leave, new ones arrive; a retest already sampled stays done) and the
// audit entry with the old and new dates and the reason.

export async function changeSchedule(principal: Principal, stayId: string, input: ChangeScheduleInput, now = new Date()) {
  const { stay, facility } = await loadStayWithFacility(principal, stayId);
  if (stay.status !== 'active') {
    throw new ConflictError(`This stay is ${stay.status}; its observation period can no longer change.`, [{ code: 'stay_not_active', message: `The stay is ${stay.status}.` }]);
  }
  const { reason, ...patch } = input;
  const today = localDate(now, facility.timeZone);
  const plan = planScheduleChange(stay.policy, stay.schedule.day1Date, patch, today);
  if (!plan.ok) throw new ValidationError(plan.problems.map((p) => ({ ...p, code: 'schedule' })));
  // Staff may extend; observing less than the facility's policy is an administrator's decision.
  const weakenings = weakeningsBelow(facility.policy, plan.policy);
  if (weakenings.length > 0 && principal.role !== 'admin') {
    throw new ForbiddenError('Only an administrator may shorten a stay below the facility policy.', [
      { code: 'shortening_needs_admin', message: `Ask an administrator: ${weakenings.map((w) => w.message).join('; ')}.` },
    ]);
  }

  const next = { ...stay, policy: plan.policy, schedule: plan.schedule };
  const [existing, results] = await Promise.all([queryPrefix(stayKeys.pk(stayId), 'DUE#', { consistent: true }), latestResults(stayId)]);
  const existingKeys = new Set(existing.map((d) => String(d.SK)));
  const wanted = dueItemsOf(next);
  const wantedKeys = new Set(wanted.map((d) => dueKeys.key(d.stayId, d.kind, d.dueDate).SK));
  const sampledUpTo = results.map((r) => localDate(r.collectedAt, facility.timeZone)).sort().at(-1);
  const alreadySampled = (d: DueItem) => d.kind === 'RETEST' && sampledUpTo !== undefined && retestDatesCovered([d.dueDate], sampledUpTo).length > 0;

  const at = now.toISOString();
  const items: TxItems = [
    {
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(stayId),
        UpdateExpression: 'SET policy = :policy, schedule = :schedule, updatedAt = :at, version = version + :one',
        // The version pins the due items read above.
        ConditionExpression: '#status = :active AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':policy': plan.policy, ':schedule': plan.schedule, ':at': at, ':one': 1, ':active': 'active', ':version': stay.version },
      },
    },
    // The board's copy of the end date (a home stay has no room; its team list reads the stay).
    ...(stay.roomNumber === undefined ? [] : [occupantFieldItem(stay.facilityId, stay.roomNumber, stayId, 'endDate', plan.schedule.endDate)]),
    // Open obligations on dates the new schedule no longer has: gone (resolved ones stay as history).
    ...existing
      .filter((d) => d.state === 'open' && d.kind !== 'PURGE' && !wantedKeys.has(String(d.SK)))
      .map((d) => ({ Delete: { TableName: tableName(), Key: { PK: d.PK, SK: d.SK }, ConditionExpression: '#state = :open', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':open': 'open' } } })),
    ...wanted
      .filter((d) => !existingKeys.has(dueKeys.key(d.stayId, d.kind, d.dueDate).SK))
      .map((d) => ({
        Put: {
          TableName: tableName(),
          Item: alreadySampled(d)
            ? { ...dueKeys.key(d.stayId, d.kind, d.dueDate), type: 'DueItem', ...d, state: 'resolved', resolvedAt: at, resolution: 'sample_collected' }
            : openDueItem(d),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      })),
    ...(plan.schedule.endDate === stay.schedule.endDate
      ? []
      : [ledgerPut({ stayId, at, actor: principal.subject, event: 'schedule_changed', oldEndDate: stay.schedule.endDate, newEndDate: plan.schedule.endDate, reason })]),
    auditPut({
      stayId,
      at,
      actor: principal.subject,
      action: 'schedule_changed',
      changes: {
        from: { ...stay.policy, endDate: stay.schedule.endDate },
        to: { ...plan.policy, endDate: plan.schedule.endDate },
        reason,
        ...(weakenings.length > 0 ? { belowPolicy: weakenings.map((w) => w.code), role: principal.role } : {}),
      },
    }),
  ];
  await transactWithRetry(items, (reasons) =>
    reasons.some((r) => r.Code === 'ConditionalCheckFailed')
      ? new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }])
      : undefined,
  );
  // The planned return travel is not moved: staff re-plan it, so say when it no longer fits.
  const departureDate = stay.departure?.localDate;
  const warnings =
    departureDate && departureDate < plan.schedule.documentDate
      ? [{ code: 'departure_before_release', message: `The return travel planned for ${departureDate} is before the new document day ${plan.schedule.documentDate}: plan it again.` }]
      : [];
  return { stayId, policy: plan.policy, schedule: plan.schedule, previous: { policy: stay.policy, schedule: stay.schedule }, reason, warnings };
}
