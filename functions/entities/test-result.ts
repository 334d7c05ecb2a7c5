import type { TestOutcome } from '../domain/lab-result.js';
import { queryPrefix, withoutKeys } from './partition.js';
import { stayKeys } from './stay.js';

// Test result on a stay's file: PK STAY#<id>, SK TEST#<labId>#<sampleId>, the
// current version of each sample matched to the stay (a copy of the sample's
// current version, rewritten in the same transaction when it is superseded, and
// deleted there if a correction moves the sample to another stay). In the stay's
// partition so release reads the file's results with one consistent Query.

export interface StoredTestResult {
  stayId: string;
  facilityId: string;
  labId: string;
  sampleId: string;
  collectedAt: string;
  resultedAt: string;
  result: TestOutcome;
  method?: string;
  ct?: number;
  versionKey: string;
  matchedBy: 'stay_id' | 'document' | 'assignment';
  recordedAt: string;
}

export const testResultKeys = {
  prefix: 'TEST#',
  key: (stayId: string, labId: string, sampleId: string) => ({ PK: stayKeys.pk(stayId), SK: `TEST#${labId}#${sampleId}` }),
};

export function testResultItem(t: StoredTestResult) {
  return { ...testResultKeys.key(t.stayId, t.labId, t.sampleId), type: 'TestResult', ...t };
}

/** Every current result on a stay's file (a stay has a handful), read consistently. */
export async function listTestResults(stayId: string): Promise<StoredTestResult[]> {
  const items = await queryPrefix(stayKeys.pk(stayId), testResultKeys.prefix, { consistent: true });
  return items.map((item) => withoutKeys<StoredTestResult>(item));
}
