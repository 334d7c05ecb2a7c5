import { placeFields, placeLabel } from '../domain/place.js';
import { auditPut } from '../entities/audit.js';
import { putReminderOnce, type Reminder } from '../entities/reminder.js';
import { listSituations, situationItem, type Situation } from '../entities/situation.js';
import { stayKeys } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { dayOfStay } from '../domain/schedule.js';
import type { AddSituationInput } from '../schemas/care.js';
import { tableName } from '../shared/db.js';
import { NotFoundError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { isOpen, loadStayWithFacility } from './care-context.js';

// Special-situation records (特殊情况记录) on the stay's file, with the audit entry in
// the same transaction. While the stay is open a reminder tells the facility; a
// medical transfer is urgent.

export async function addSituation(principal: Principal, stayId: string, input: AddSituationInput, now = new Date()): Promise<Situation> {
  const { stay, facility } = await loadStayWithFacility(principal, stayId);
  const at = now.toISOString();
  const situation: Situation = {
    situationId: newId('X'),
    stayId: stay.stayId,
    facilityId: stay.facilityId,
    ...placeFields(stay),
    kind: input.kind,
    text: input.text,
    recordedAt: at,
    recordedBy: principal.subject,
  };
  const items: TxItems = [
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: stayKeys.key(stay.stayId),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
    { Put: { TableName: tableName(), Item: situationItem(situation) } },
    auditPut({ stayId: stay.stayId, at, actor: principal.subject, action: 'situation_recorded', changes: { situationId: situation.situationId, kind: input.kind } }),
  ];
  if (isOpen(stay)) {
    const date = localDate(now, facility.timeZone);
    const reminder: Reminder = {
      reminderId: `special_situation-${date}-${situation.situationId}`,
      facilityId: stay.facilityId,
      kind: 'special_situation',
      urgent: input.kind === 'medical_transfer',
      date,
      title: `Special situation (${input.kind}): ${placeLabel(stay)}`,
      lines: [{ stayId: stay.stayId, ...placeFields(stay), name: stay.person.nameNative, day: dayOfStay(stay.schedule.day1Date, date), note: input.kind }],
      createdAt: at,
      delivery: { state: 'pending', attempts: 0 },
    };
    items.push(putReminderOnce(tableName(), reminder));
  }
  await transactWithRetry(items, (reasons) =>
    reasons[0]?.Code === 'ConditionalCheckFailed' ? new NotFoundError(`Stay ${stayId} does not exist.`) : undefined,
  );
  return situation;
}

export async function listStaySituations(principal: Principal, stayId: string): Promise<{ stayId: string; situations: Situation[] }> {
  const { stay } = await loadStayWithFacility(principal, stayId);
  return { stayId: stay.stayId, situations: await listSituations(stay.stayId) };
}
