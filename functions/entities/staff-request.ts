import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { stayKeys } from './stay.js';

// A request the person sends to staff from their own page (meals, parcels, return
// travel, other; DOMAIN.md: "116 requests for 38 people"): PK STAY#<id>, SK
// REQUEST#<createdAt>#<id>, so the person's page reads theirs in one Query. GSI1
// lists a facility's requests by status, oldest first (FACILITY#<id>#REQUESTS#<status>
// / <createdAt>#<id>): staff work the open ones in order; a status change moves it.

import type { RequestKind, RequestStatus } from '../domain/request-kinds.js';

export { REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus } from '../domain/request-kinds.js';

export interface StaffRequest {
  requestId: string;
  stayId: string;
  facilityId: string;
  /** A hotel stay's room, or a home stay's grid cell (domain/place.ts). */
  roomNumber?: string;
  gridCell?: string;
  kind: RequestKind;
  text: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  /** Staff's answer, shown to the person. */
  reply?: string;
  handledBy?: string;
}

export const requestKeys = {
  prefix: 'REQUEST#',
  key: (stayId: string, createdAt: string, requestId: string) => ({ PK: stayKeys.pk(stayId), SK: `REQUEST#${createdAt}#${requestId}` }),
  listPk: (facilityId: string, status: RequestStatus) => `FACILITY#${facilityId}#REQUESTS#${status}`,
  listSk: (createdAt: string, requestId: string) => `${createdAt}#${requestId}`,
};

export function requestItem(r: StaffRequest) {
  return {
    ...requestKeys.key(r.stayId, r.createdAt, r.requestId),
    GSI1PK: requestKeys.listPk(r.facilityId, r.status),
    GSI1SK: requestKeys.listSk(r.createdAt, r.requestId),
    type: 'StaffRequest',
    ...r,
  };
}

const fromItem = (i: Record<string, unknown>): StaffRequest => {
  const { PK: _a, SK: _b, GSI1PK: _c, GSI1SK: _d, type: _e, ...rest } = i;
  return rest as unknown as StaffRequest;
};

/** A stay's requests, newest first (at most `limit`). */
export async function requestsOfStay(stayId: string, limit = 50): Promise<StaffRequest[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId), ':p': requestKeys.prefix },
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(fromItem);
}

export async function requestsOfFacility(facilityId: string, status: RequestStatus, limit: number, startKey?: Record<string, unknown>): Promise<{ requests: StaffRequest[]; lastKey?: Record<string, unknown> }> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': requestKeys.listPk(facilityId, status) },
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { requests: (out.Items ?? []).map(fromItem), ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
}

/** requestId = R<createdAt compact><random>: it carries the sort key, so one GetItem finds it. */
export function requestIdParts(requestId: string): { createdAt: string } | undefined {
  const m = /^R(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z[0-9A-Z]{6}$/.exec(requestId);
  if (!m) return undefined;
  return { createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` };
}

export function newRequestId(createdAt: string, random: string): string {
  return `R${createdAt.replace(/[-:.]/g, '')}${random}`;
}
