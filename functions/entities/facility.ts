import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StayPolicy } from '../domain/schedule.js';
import { db, tableName } from '../shared/db.js';
import { queryPrefix } from './partition.js';

// Facility (quarantine hotel or home-isolation district): PK FACILITY#<id>, SK FACILITY.
// Listed through GSI1 under the constant partition FACILITIES, sorted by name.

export interface Facility {
  facilityId: string;
  name: string;
  timeZone: string;
  policy: StayPolicy;
  createdAt: string;
  createdBy: string;
}

export const facilityKeys = {
  pk: (facilityId: string) => `FACILITY#${facilityId}`,
  key: (facilityId: string) => ({ PK: `FACILITY#${facilityId}`, SK: 'FACILITY' }),
  listPk: 'FACILITIES',
};

export function facilityItem(f: Facility) {
  return {
    ...facilityKeys.key(f.facilityId),
    GSI1PK: facilityKeys.listPk,
    GSI1SK: `${f.name.toLowerCase()}#${f.facilityId}`,
    type: 'Facility',
    ...f,
  };
}

function fromItem(item: Record<string, unknown>): Facility {
  const { facilityId, name, timeZone, policy, createdAt, createdBy } = item as unknown as Facility;
  return { facilityId, name, timeZone, policy, createdAt, createdBy };
}

/** Creates the facility; false when the id is already taken. */
export async function createFacility(f: Facility): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({ TableName: tableName(), Item: facilityItem(f), ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

export async function getFacility(facilityId: string): Promise<Facility | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: facilityKeys.key(facilityId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

// Facilities are read on every request and change rarely (a policy edit applies to
// stays checked in afterwards), so a warm Lambda keeps them for a minute.
const CACHE_MS = 60_000;
const cache = new Map<string, { facility: Facility; until: number }>();

export async function getFacilityCached(facilityId: string, now = Date.now()): Promise<Facility | undefined> {
  const hit = cache.get(facilityId);
  if (hit && hit.until > now) return hit.facility;
  const facility = await getFacility(facilityId);
  if (facility) cache.set(facilityId, { facility, until: now + CACHE_MS });
  return facility;
}

/** Every facility, by name. A deployment has tens of facilities, so one paged query suffices. */
export async function listFacilities(): Promise<Facility[]> {
  return (await queryPrefix(facilityKeys.listPk, '', { index: 'GSI1' })).map(fromItem);
}
