import type { ObservationRecord } from './observation.js';
import type { RetestEvidence } from './release-eligibility.js';

// Whether the record still allows a document to be issued (at release, on reissue,
// or again after a revocation). Pure: every unmet condition is reported as a code
// with its message in Chinese and English, so staff fix all of them at once.

export type DocumentKind = 'release_notice' | 'health_certificate' | 'test_report' | 'home_release_notice';

/** Facility policy for a stay whose temperature log shows a fever or symptom (README "Health certificate"). */
export const FEVER_HISTORY_POLICIES = ['state_truthfully', 'doctor_signoff'] as const;
export type FeverHistoryPolicy = (typeof FEVER_HISTORY_POLICIES)[number];
export const DEFAULT_FEVER_HISTORY_POLICY: FeverHistoryPolicy = 'state_truthfully';

export interface DocumentFacts {
  /** The stay's first retest date (undefined: the policy has no retest). */
  firstRetestDate?: string;
  /** The retest that counts (domain/retest.ts). */
  retest?: RetestEvidence;
  /** Current positive results on the stay's file. */
  positiveResults: number;
  testResults: number;
  observation: ObservationRecord;
  feverHistoryPolicy: FeverHistoryPolicy;
  signedOff: boolean;
}

/** Every reason a document can be refused (the API contract lists them). */
export const DOCUMENT_REFUSAL_CODES = ['positive_result', 'retest_missing', 'retest_not_negative', 'no_test_results', 'fever_in_final_window', 'doctor_signoff_required'] as const;
export type DocumentRefusalCode = (typeof DOCUMENT_REFUSAL_CODES)[number];

export interface DocumentRefusal {
  code: DocumentRefusalCode;
  message: string;
  messageZh: string;
}

const refusal = (code: DocumentRefusalCode, message: string, messageZh: string): DocumentRefusal => ({ code, message, messageZh });

export function documentRefusals(type: DocumentKind, f: DocumentFacts): DocumentRefusal[] {
  const refusals: DocumentRefusal[] = [];
  // The home release notice names a retest only when the policy had one (the retest rules below); the others rest on results.
  if (f.testResults === 0 && type !== 'home_release_notice') refusals.push(refusal('no_test_results', 'No test result is on file.', '无核酸检测结果记录。'));
  if (type === 'test_report') return refusals; // the report lists whatever the results are
  if (f.positiveResults > 0) refusals.push(refusal('positive_result', 'A positive test result is on file.', '已有阳性检测结果。'));
  if (f.firstRetestDate) {
    if (!f.retest) refusals.push(refusal('retest_missing', `No retest result from ${f.firstRetestDate} on.`, `${f.firstRetestDate}起无复检结果。`));
    else if (f.retest.result !== 'negative')
      refusals.push(refusal('retest_not_negative', `The retest that counts (${f.retest.collectedDate}) is ${f.retest.result}.`, `计入的复检（${f.retest.collectedDate}采样）结果不是阴性。`));
  }
  if (type === 'health_certificate') {
    const o = f.observation;
    if (o.alertChecksInFinalWindow > 0)
      refusals.push(refusal('fever_in_final_window', `A fever or symptom was recorded in the final ${o.finalWindowHours} hours before release.`, `解除前${o.finalWindowHours}小时内记录有发热或症状。`));
    if (o.alertChecks > 0 && f.feverHistoryPolicy === 'doctor_signoff' && !f.signedOff)
      refusals.push(refusal('doctor_signoff_required', 'A fever or symptom is on file: a doctor must sign the stay off before a health certificate is issued.', '记录有发热或症状：须经医师审核签字后方可出具健康证明。'));
  }
  return refusals;
}
