import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { stayKeys } from '../entities/stay.js';
import { db, tableName } from './db.js';
import { assertFacilityAccess, type Principal } from './principal.js';

// Facility isolation enforced once for every staff route, before any validation or
// use case runs: a path naming a facility or a stay of another facility is a 403,
// whatever the body holds. Use cases check again (defence in depth).

export async function guardFacilityScope(principal: Principal, pathParameters: Record<string, string | undefined> | undefined): Promise<void> {
  const facilityId = pathParameters?.facilityId;
  if (facilityId) assertFacilityAccess(principal, facilityId);
  const stayId = pathParameters?.stayId;
  if (stayId && principal.role !== 'admin') {
    const out = await db().send(
      new GetCommand({ TableName: tableName(), Key: stayKeys.key(stayId), ProjectionExpression: 'facilityId' }),
    );
    // An unknown stay is left to the use case, which answers 404.
    if (out.Item) assertFacilityAccess(principal, String(out.Item.facilityId));
  }
}
