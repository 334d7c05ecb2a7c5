import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../entities/audit.js';
import { checkKeys } from '../entities/check.js';
import { departureKeys } from '../entities/departure.js';
import { getFacilityCached } from '../entities/facility.js';
import { getLinkOfStay, revokeLinkItems } from '../entities/personal-link.js';
import { stayKeys } from '../entities/stay.js';
import { testResultKeys } from '../entities/test-result.js';
import type { CancelStayInput } from '../schemas/corrections.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { closeStayItems, withRoomRetry } from './close-stay.js';
import { loadStayFor } from './load-stay.js';
import { stayChanged, stayClosed } from './stay-conflicts.js';

// Cancelling a registration for a no-show: the person was registered (often from a
// manifest) but never arrived. Only a stay with nothing on its file yet (no check, no
// test result) can be cancelled. One transaction: the stay becomes "cancelled" (never
// released, never given documents), its bed is freed (the room was not used: free,
// not cleaning), the travel document's guard goes (the person can be registered
// again), the due items leave the jobs' lists, a personal link is revoked, and the
// audit keeps the reason.

export async function cancelStay(principal: Principal, stayId: string, input: CancelStayInput, now = new Date()) {
  const stay = await loadStayFor(principal, stayId, true);
  if (stay.status !== 'active') throw stay.status === 'positive' ? notNoShow('A person with a positive result is not a no-show.') : stayClosed(stay.status);
  if ((await hasAny(stayId, checkKeys.prefix)) || (await hasAny(stayId, testResultKeys.prefix))) {
    throw notNoShow('Checks or test results are on the file: the person arrived.');
  }
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const at = now.toISOString();
  // The person's own page of a registration that never began goes too.
  const link = await getLinkOfStay(stayId);
  const revokeLink = link?.state === 'active' ? revokeLinkItems(link, at, principal.subject) : [];
  await withRoomRetry(stay, (room) =>
    transactWithRetry(
      [
        {
          Update: {
            TableName: tableName(),
            Key: stayKeys.key(stayId),
            UpdateExpression: 'SET #status = :cancelled, cancellation = :cancellation, updatedAt = :at, version = version + :one',
            ConditionExpression: '#status = :active AND version = :version',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':active': 'active', ':cancellation': { reason: input.reason, at, by: principal.subject }, ':at': at, ':one': 1, ':version': stay.version },
          },
        },
        ...closeStayItems(stay, at, facility.timeZone, room, undefined, 'free'),
        { Delete: { TableName: tableName(), Key: departureKeys.key(stayId) } },
        ...revokeLink,
        auditPut({ stayId, at, actor: principal.subject, action: 'cancel', changes: { status: 'cancelled', reason: input.reason, ...(stay.roomNumber ? { roomNumber: stay.roomNumber } : {}), ...(link?.state === 'active' ? { personalLinkRevoked: true } : {}) } }),
      ],
      (reasons) => (reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? stayChanged() : undefined),
    ),
  );
  return { stayId, status: 'cancelled' as const, cancelledAt: at, ...(stay.roomNumber ? { roomNumber: stay.roomNumber } : {}) };
}

const notNoShow = (message: string) => new ConflictError('Only a registration nobody arrived for can be cancelled.', [{ code: 'not_a_no_show', message }]);

async function hasAny(stayId: string, prefix: string): Promise<boolean> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId), ':prefix': prefix },
      ProjectionExpression: 'PK',
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).length > 0;
}
