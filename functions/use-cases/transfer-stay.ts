import { auditPut } from '../entities/audit.js';
import { departureKeys } from '../entities/departure.js';
import { getFacilityCached } from '../entities/facility.js';
import { stayKeys } from '../entities/stay.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { closeStayItems, withRoomRetry } from './close-stay.js';
import { loadStayFor } from './load-stay.js';

/**
 * Transfer to hospital (a positive result, or a medical emergency): the stay ends as
 * "transferred", not "released"; the room goes to cleaning and the return-travel
 * plan is dropped (the person leaves by ambulance, not on the planned flight).
 */
export async function transferStay(principal: Principal, stayId: string, input: { destination: string; note?: string }, now = new Date()) {
  const stay = await loadStayFor(principal, stayId, true);
  if (stay.status !== 'active' && stay.status !== 'positive') {
    throw new ConflictError('The stay is already closed.', [{ code: 'stay_closed', message: `The stay is ${stay.status}.` }]);
  }
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError(`Facility ${stay.facilityId} does not exist.`);
  const at = now.toISOString();
  await withRoomRetry(stay, (room) =>
  transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stayId),
          UpdateExpression: 'SET #status = :transferred, transfer = :transfer, updatedAt = :at, version = version + :one',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':transferred': 'transferred', ':transfer': { ...input, at, by: principal.subject }, ':at': at, ':one': 1, ':from': stay.status },
        },
      },
      ...closeStayItems(stay, at, facility.timeZone, room),
      // Deleting a departure that was never planned is a no-op.
      { Delete: { TableName: tableName(), Key: departureKeys.key(stayId) } },
      auditPut({ stayId, at, actor: principal.subject, action: 'transfer', changes: { status: 'transferred', from: stay.status } }),
    ],
    (reasons) => (reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }]) : undefined),
  ),
  );
  return { stayId, status: 'transferred' as const, transferredAt: at };
}
