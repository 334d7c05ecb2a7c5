import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { activeStayItem, activeStayKeys } from '../entities/active-stay.js';
import { auditPut } from '../entities/audit.js';
import { departureKeys } from '../entities/departure.js';
import { occupantFieldsItem } from '../entities/room.js';
import { documentRef, OPEN_STATUSES, stayKeys, type Person } from '../entities/stay.js';
import { applyEdit, auditValues, changedFields } from '../domain/person-edit.js';
import type { EditPersonInput } from '../schemas/corrections.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { loadStayFor } from './load-stay.js';
import { stayChanged } from './stay-conflicts.js';

// Correcting the person's data after check-in, with a reason, in one transaction with
// its audit entry (values before and after, numbers masked). Lab results find a stay
// by its travel document (the stay's GSI2 keys) and the active-stay guard holds the
// document of an open stay: a document change moves both, so results for the new
// number match this stay and the old number no longer does; when the new number is
// another open stay's, the guard's condition refuses it (409). The names copied onto
// the room's occupant and the departure follow.

export interface PersonEdited {
  stayId: string;
  changed: string[];
  /** The travel document changed: lab matching follows the new one. */
  relinked: boolean;
  version: number;
}

export async function editPerson(principal: Principal, stayId: string, input: EditPersonInput, now = new Date()): Promise<PersonEdited> {
  const stay = await loadStayFor(principal, stayId, true);
  if (stay.status === 'cancelled') throw new ConflictError('The registration was cancelled.', [{ code: 'stay_closed', message: 'The registration was cancelled.' }]);
  const person: Person = applyEdit(stay.person, input.person);
  const changed = changedFields(stay.person, person);
  if (changed.length === 0) throw new ValidationError([{ path: 'person', code: 'nothing_to_correct', message: 'Every value sent is the one on file' }]);
  const at = now.toISOString();
  const relinked = changed.includes('document');
  const open = OPEN_STATUSES.includes(stay.status);
  const names = changed.includes('nameNative') || changed.includes('nameLatin');

  const items: TxItems = [
    {
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(stayId),
        UpdateExpression: `SET person = :person, updatedAt = :at, version = version + :one${relinked ? ', GSI2PK = :doc' : ''}`,
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':person': person, ':at': at, ':one': 1, ':version': stay.version, ...(relinked ? { ':doc': documentRef(person.document) } : {}) },
      },
    },
  ];
  const guardIndex = relinked && open ? items.length : -1;
  if (relinked && open) {
    items.push(
      { Put: { TableName: tableName(), Item: activeStayItem(person.document, stayId, stay.facilityId), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Delete: { TableName: tableName(), Key: activeStayKeys.key(stay.person.document), ConditionExpression: 'stayId = :stayId', ExpressionAttributeValues: { ':stayId': stayId } } },
    );
  }
  if (names && open && stay.roomNumber !== undefined) {
    items.push(occupantFieldsItem(stay.facilityId, stay.roomNumber, stayId, { nameNative: person.nameNative, nameLatin: person.nameLatin }));
  }
  if (names && (await hasDeparture(stayId))) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: departureKeys.key(stayId),
        UpdateExpression: 'SET nameNative = :native, nameLatin = :latin',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':native': person.nameNative, ':latin': person.nameLatin },
      },
    });
  }
  items.push(
    auditPut({ stayId, at, actor: principal.subject, action: 'edit_person', changes: { reason: input.reason, fields: changed, before: auditValues(stay.person, changed), after: auditValues(person, changed) } }),
  );
  await transactWithRetry(items, (reasons) => {
    if (guardIndex >= 0 && reasons[guardIndex]?.Code === 'ConditionalCheckFailed') {
      return new ConflictError('The new document belongs to another open stay.', [
        { code: 'person_has_open_stay', message: 'Another open stay holds this travel document.', messageZh: '该证件号码已有在住登记。' } as { code: string; message: string },
      ]);
    }
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? stayChanged() : undefined;
  });
  return { stayId, changed, relinked, version: stay.version + 1 };
}

async function hasDeparture(stayId: string): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: departureKeys.key(stayId), ConsistentRead: true, ProjectionExpression: 'PK' }));
  return out.Item !== undefined;
}
