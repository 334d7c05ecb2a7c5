import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LabResultVersion } from '../domain/lab-result.js';
import { db, tableName } from '../shared/db.js';

// Lab sample (one barcode of one lab): PK SAMPLE#<labId>#<sampleId>.
//   SK SAMPLE                  the sample: its current version and whom it is matched to
//   SK VERSION#<versionKey>    every distinct report ever received (history), written once
// Version keys are `<resultedAt>#<contentHash>` (domain/lab-result.ts), so a resent
// report maps to the same item and a conditional put refuses it. While the current
// version matches no stay, the sample carries GSI1 keys LAB#UNMATCHED /
// <updatedAt>#<labId>#<sampleId>: the unmatched queue (sparse; removed on assignment).

export type SampleState = 'matched' | 'unmatched';
export type MatchedBy = 'stay_id' | 'document' | 'assignment';
/** Why a sample waits in the queue: no stay found, the lab does not serve the stay's facility, or an assignment was undone. */
export type UnmatchedReason = 'unknown_stay' | 'no_stay_for_document' | 'no_stay_at_collection_time' | 'outside_lab_scope' | 'unassigned';

export interface Sample {
  labId: string;
  sampleId: string;
  versionKey: string;
  current: LabResultVersion;
  state: SampleState;
  /** The stay (and its facility) the current version belongs to, when matched. */
  stayId?: string;
  facilityId?: string;
  matchedBy?: MatchedBy;
  unmatchedReason?: UnmatchedReason;
  /** Set by staff for a result no rule could match; later versions fall back to it. */
  assignedStayId?: string;
  assignedBy?: string;
  assignedAt?: string;
  firstReceivedAt: string;
  updatedAt: string;
}

export interface SampleVersion extends LabResultVersion {
  receivedAt: string;
}

export const sampleKeys = {
  pk: (labId: string, sampleId: string) => `SAMPLE#${labId}#${sampleId}`,
  key: (labId: string, sampleId: string) => ({ PK: sampleKeys.pk(labId, sampleId), SK: 'SAMPLE' }),
  versionPrefix: 'VERSION#',
  versionKey: (labId: string, sampleId: string, versionKey: string) => ({ PK: sampleKeys.pk(labId, sampleId), SK: `VERSION#${versionKey}` }),
  unmatchedPk: 'LAB#UNMATCHED',
  unmatchedSk: (updatedAt: string, labId: string, sampleId: string) => `${updatedAt}#${labId}#${sampleId}`,
};

export function sampleItem(s: Sample) {
  return {
    ...sampleKeys.key(s.labId, s.sampleId),
    ...(s.state === 'unmatched' ? { GSI1PK: sampleKeys.unmatchedPk, GSI1SK: sampleKeys.unmatchedSk(s.updatedAt, s.labId, s.sampleId) } : {}),
    type: 'Sample',
    ...s,
  };
}

export function sampleVersionItem(v: SampleVersion) {
  return { ...sampleKeys.versionKey(v.labId, v.sampleId, v.versionKey), type: 'SampleVersion', ...v };
}

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, type: _t, ...rest } = item;
  return rest as T;
}

export async function getSample(labId: string, sampleId: string): Promise<Sample | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: sampleKeys.key(labId, sampleId), ConsistentRead: true }));
  return out.Item ? strip<Sample>(out.Item) : undefined;
}

export async function versionExists(labId: string, sampleId: string, versionKey: string): Promise<boolean> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: sampleKeys.versionKey(labId, sampleId, versionKey), ConsistentRead: true, ProjectionExpression: 'PK' }),
  );
  return out.Item !== undefined;
}

/** Every version of a sample, oldest report first. */
export async function listSampleVersions(labId: string, sampleId: string): Promise<SampleVersion[]> {
  const versions: SampleVersion[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
        ExpressionAttributeValues: { ':pk': sampleKeys.pk(labId, sampleId), ':v': sampleKeys.versionPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) versions.push(strip<SampleVersion>(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return versions;
}

/** A page of the unmatched queue, newest first. */
export async function queryUnmatched(limit: number, startKey?: Record<string, unknown>): Promise<{ samples: Sample[]; lastKey?: Record<string, unknown> }> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': sampleKeys.unmatchedPk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { samples: (out.Items ?? []).map((i) => strip<Sample>(i)), lastKey: out.LastEvaluatedKey };
}
