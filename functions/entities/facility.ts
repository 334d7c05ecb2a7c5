import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeverHistoryPolicy } from '../domain/document-eligibility.js';
import type { StayPolicy } from '../domain/schedule.js';
import { db, tableName } from '../shared/db.js';
import { queryPrefix } from './partition.js';

// Facility (quarantine hotel or home-isolation district): PK FACILITY#<id>, SK FACILITY.
// Listed through GSI1 under the constant partition FACILITIES, sorted by name.

/** The body that issues and seals the facility's documents (e.g. a district health commission). */
export interface IssuingAuthority {
  name: string;
  nameEn?: string;
}

/** hotel: a centralized quarantine hotel with rooms; home_programme: home isolation (居家隔离) of a district, street or community, no rooms. */
export type FacilityKind = 'hotel' | 'home_programme';
export type ProgrammeLevel = 'district' | 'street' | 'community';

/** Release from home isolation (销号): how many of the latest check slots must be free of fever and symptoms. */
export interface HomeReleasePolicy {
  quietSlots: number;
}

export const DEFAULT_HOME_RELEASE: HomeReleasePolicy = { quietSlots: 4 };

export interface Facility {
  facilityId: string;
  /** Absent: a hotel (facilities created before home isolation existed). */
  kind?: FacilityKind;
  /** A home programme's level. */
  level?: ProgrammeLevel;
  /** A home programme's release rule. */
  homeRelease?: HomeReleasePolicy;
  name: string;
  /** Printed in English text when set. */
  nameEn?: string;
  timeZone: string;
  policy: StayPolicy;
  /** Absent: documents are issued in the facility's own name. */
  authority?: IssuingAuthority;
  /** A stay with a fever or symptom on file: say so on the certificate, or wait for a doctor's sign-off. Default state_truthfully. */
  feverHistoryCertificate?: FeverHistoryPolicy;
  /** Rooms after a stay leaves: whether an inspection must be recorded before a cleaned room is offered again. Default not required. */
  roomReadiness?: RoomReadinessPolicy;
  createdAt: string;
  createdBy: string;
}

export interface RoomReadinessPolicy {
  inspectionRequired: boolean;
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
  const { facilityId, kind, level, homeRelease, name, nameEn, timeZone, policy, authority, feverHistoryCertificate, roomReadiness, createdAt, createdBy } = item as unknown as Facility;
  return {
    facilityId,
    ...(kind !== undefined ? { kind } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(homeRelease !== undefined ? { homeRelease } : {}),
    name,
    ...(nameEn !== undefined ? { nameEn } : {}),
    timeZone,
    policy,
    ...(authority !== undefined ? { authority } : {}),
    ...(feverHistoryCertificate !== undefined ? { feverHistoryCertificate } : {}),
    ...(roomReadiness !== undefined ? { roomReadiness } : {}),
    createdAt,
    createdBy,
  };
}

export function isHomeProgramme(f: Pick<Facility, 'kind'>): boolean {
  return f.kind === 'home_programme';
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

export type FacilityDetails = Partial<Pick<Facility, 'name' | 'nameEn' | 'authority' | 'feverHistoryCertificate' | 'roomReadiness'>>;

/** Sets (or, for null, removes) the given fields of an existing facility; the updated facility, or undefined when there is none. */
export async function updateFacilityDetails(facilityId: string, changes: { [K in keyof FacilityDetails]?: FacilityDetails[K] | null }): Promise<Facility | undefined> {
  const set: string[] = [];
  const remove: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === null) remove.push(`#${field}`);
    else {
      set.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  if (typeof changes.name === 'string') {
    set.push('GSI1SK = :listSk');
    values[':listSk'] = `${changes.name.toLowerCase()}#${facilityId}`;
  }
  if (set.length + remove.length === 0) return getFacility(facilityId);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: facilityKeys.key(facilityId),
        UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].join(' ').trim(),
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        ReturnValues: 'ALL_NEW',
      }),
    );
    cache.delete(facilityId);
    return out.Attributes ? fromItem(out.Attributes) : undefined;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
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
