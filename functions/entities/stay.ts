import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StayPolicy, StaySchedule } from '../domain/schedule.js';
import { db, tableName } from '../shared/db.js';

// Stay ("one person, one file" for one period of observation): PK STAY#<id>, SK STAY.
// GSI1: the facility's stays by day-1 date. GSI2: stays of a travel document
// (lab results name a document, not a stay).

export type Category = 'inbound' | 'close_contact' | 'secondary_contact';
export type Language = 'zh' | 'en' | 'ko';
/**
 * active: in observation; positive: tested positive, transfer to hospital pending;
 * transferred / released: closed; continued: a hotel part closed because the
 * observation goes on at home (`continuedAs` names the home stay); cancelled: a
 * registration withdrawn for a no-show (use-cases/cancel-stay.ts), never released.
 */
export type StayStatus = 'active' | 'positive' | 'transferred' | 'released' | 'continued' | 'cancelled';
export const OPEN_STATUSES: readonly StayStatus[] = ['active', 'positive'];

export interface TravelDocument {
  type: 'passport' | 'id_card' | 'travel_permit' | 'other';
  number: string;
  country: string;
}

export interface Person {
  nameNative: string;
  nameLatin: string;
  sex: 'F' | 'M' | 'X';
  birthDate: string;
  nationality: string;
  document: TravelDocument;
  phone: string;
  language: Language;
}

/** Where a person in home isolation lives: the grid cell picks the three-person team. */
export interface HomeAddress {
  /** The full address as written on the registration form. */
  address: string;
  /** The community (社区) the address belongs to. */
  community: string;
  /** The grid cell (网格) code within the programme. */
  gridCell: string;
}

/** The other part of a "14 + 7" observation: the hotel part a home stay continues, or the home stay a hotel part continued as. */
export interface LinkedStay {
  stayId: string;
  facilityId: string;
  roomNumber?: string;
  /** The facility-local date the home part began. */
  date: string;
}

export interface Stay {
  stayId: string;
  facilityId: string;
  /** The hotel room; absent for a stay in home isolation (which has `home`). */
  roomNumber?: string;
  /** People travelling together share a household (and a room); absent for someone alone. */
  householdId?: string;
  /** The home address of a stay in a home-isolation programme. */
  home?: HomeAddress;
  /** The three-person team following a home stay (entities/team.ts): chosen from the grid cell at registration and kept until reassigned. */
  teamId?: string;
  /** A home stay continuing a hotel stay ("14 + 7"). */
  continuesFrom?: LinkedStay;
  /** A hotel stay that continued at home (status `continued`). */
  continuedAs?: LinkedStay;
  /** The end-of-period health check of a home stay by the team's doctor (release from home isolation needs it). */
  endCheck?: EndCheck;
  status: StayStatus;
  category: Category;
  person: Person;
  arrival: { arrivedAt: string; flightNumber?: string; originCountry?: string };
  diet?: string;
  ethnicity?: string;
  specialConditions: string[];
  notes?: string;
  /** The facility policy in force at check-in: later policy changes do not move this stay's dates. */
  policy: StayPolicy;
  schedule: StaySchedule;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  /** Set by release. */
  releasedAt?: string;
  /** A doctor's sign-off of a fever or symptom history, for the health certificate (use-cases/health-signoff.ts). */
  healthSignoff?: HealthSignoff;
  /** Set when a no-show's registration was cancelled (status cancelled). */
  cancellation?: { reason: string; at: string; by: string };
}

export interface EndCheck {
  doctorName: string;
  /** The doctor found the person fit to end isolation. */
  fit: boolean;
  note?: string;
  /** Facility-local date of the check. */
  date: string;
  recordedAt: string;
  recordedBy: string;
}

export interface HealthSignoff {
  doctorName: string;
  note: string;
  signedAt: string;
  recordedBy: string;
}

/**
 * What is left of the person once the retention job has removed the personal data:
 * nothing. The monthly counts (status, category, close month) are all that is kept
 * about a closed stay; the empty object keeps readers of `person` from breaking.
 */
export type AnonymousPerson = Record<string, never>;

/**
 * A closed stay after retention (`anonymizedAt` set): no person, no arrival (flight,
 * origin, time), no care details (diet, ethnicity, special conditions, notes), no
 * departure or transfer note; ids, status, category, policy, schedule and room (the
 * hotel's, not the person's) stay for the record and the counts.
 */
export interface AnonymizedStay extends Omit<Stay, 'person' | 'status' | 'diet' | 'ethnicity' | 'notes' | 'arrival' | 'specialConditions' | 'home' | 'endCheck'> {
  status: 'transferred' | 'released' | 'continued' | 'cancelled';
  person: AnonymousPerson;
  anonymizedAt: string;
}

/** Any stay item as stored: with its personal data, or anonymized by retention. */
export type StayRecord = Stay | AnonymizedStay;

export function isAnonymized(s: StayRecord): s is AnonymizedStay {
  return typeof (s as Partial<AnonymizedStay>).anonymizedAt === 'string';
}

import { normaliseDocumentNumber } from '../domain/travel-document.js';

export { normaliseDocumentNumber };

export function documentRef(d: Pick<TravelDocument, 'type' | 'country' | 'number'>): string {
  return `DOC#${d.type}#${d.country}#${normaliseDocumentNumber(d.number)}`;
}

export const stayKeys = {
  pk: (stayId: string) => `STAY#${stayId}`,
  key: (stayId: string) => ({ PK: `STAY#${stayId}`, SK: 'STAY' }),
  byFacilityPk: (facilityId: string) => `FACILITY#${facilityId}#STAYS`,
  byFacilitySk: (day1Date: string, stayId: string) => `${day1Date}#${stayId}`,
};

export function stayItem(s: Stay) {
  return {
    ...stayKeys.key(s.stayId),
    GSI1PK: stayKeys.byFacilityPk(s.facilityId),
    GSI1SK: stayKeys.byFacilitySk(s.schedule.day1Date, s.stayId),
    GSI2PK: documentRef(s.person.document),
    GSI2SK: stayKeys.byFacilitySk(s.schedule.day1Date, s.stayId),
    type: 'Stay',
    ...s,
  };
}

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type']);

export function stayFromItem(item: Record<string, unknown>): StayRecord {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as unknown as StayRecord;
}

/** The stay item as stored, anonymized or not. */
export async function getStayRecord(stayId: string, consistent = false): Promise<StayRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: stayKeys.key(stayId), ConsistentRead: consistent }));
  return out.Item ? stayFromItem(out.Item) : undefined;
}

/**
 * The stay with its personal data; undefined when there is no such stay or it was
 * anonymized by retention (nothing can be matched to or written on it any more).
 */
export async function getStay(stayId: string, consistent = false): Promise<Stay | undefined> {
  const stay = await getStayRecord(stayId, consistent);
  return stay && !isAnonymized(stay) ? stay : undefined;
}

/** The GSI1 partition and sort-key range a facility-stays Query reads (page cursors are bound to it). */
export function facilityStaysScope(params: { facilityId: string; fromDay1?: string; toDay1?: string }) {
  const ranged = params.fromDay1 !== undefined || params.toDay1 !== undefined;
  return {
    index: 'GSI1' as const,
    partition: stayKeys.byFacilityPk(params.facilityId),
    ...(ranged ? { sortFrom: params.fromDay1 ?? '0000', sortTo: `${params.toDay1 ?? '9999'}#~` } : {}),
  };
}

export interface StayPage {
  stays: StayRecord[];
  lastKey?: Record<string, unknown>;
}

/**
 * A page of a facility's stays whose day 1 lies in [fromDay1, toDay1], newest first,
 * optionally only those with `status` and those still in observation on `onDate`.
 */
export async function queryFacilityStays(params: {
  facilityId: string;
  fromDay1?: string;
  toDay1?: string;
  status?: StayStatus;
  onDate?: string;
  limit: number;
  startKey?: Record<string, unknown>;
}): Promise<StayPage> {
  const names: Record<string, string> = {};
  const scope = facilityStaysScope(params);
  const values: Record<string, unknown> = { ':pk': scope.partition };
  let keyCondition = 'GSI1PK = :pk';
  if (scope.sortFrom !== undefined) {
    keyCondition += ' AND GSI1SK BETWEEN :from AND :to';
    values[':from'] = scope.sortFrom;
    values[':to'] = scope.sortTo;
  }
  const filters: string[] = [];
  if (params.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = params.status;
  }
  if (params.onDate) {
    filters.push('#schedule.#endDate >= :onDate');
    names['#schedule'] = 'schedule';
    names['#endDate'] = 'endDate';
    values[':onDate'] = params.onDate;
  }
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: keyCondition,
      FilterExpression: filters.length ? filters.join(' AND ') : undefined,
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: params.limit,
      ExclusiveStartKey: params.startKey,
    }),
  );
  return { stays: (out.Items ?? []).map(stayFromItem), lastKey: out.LastEvaluatedKey };
}

/** Stays of a travel document, newest first. */
export async function findStaysByDocument(doc: Pick<TravelDocument, 'type' | 'country' | 'number'>, limit = 5): Promise<Stay[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': documentRef(doc) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  // Anonymized stays carry no GSI2 (document) keys, so every stay found here has its person.
  return (out.Items ?? []).map(stayFromItem).filter((s): s is Stay => !isAnonymized(s));
}
