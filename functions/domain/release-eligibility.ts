// Who may be released (DOMAIN.md, "The stay"): from the document day on, an active
// stay whose retest that counts (domain/retest.ts) is negative and with no fever or symptom in the last 24
// hours. Every unmet condition is reported, so staff fix all of them at once.

export interface RetestEvidence {
  result: 'negative' | 'positive' | 'inconclusive';
  /** Local (facility) date the sample was collected. */
  collectedDate: string;
}

export interface ReleaseFacts {
  status: string;
  today: string;
  documentDate: string;
  /** First retest date of the stay's policy (undefined when the policy has no retest). */
  firstRetestDate?: string;
  /** The latest retest sample collected on or after the first retest date. */
  latestRetest?: RetestEvidence;
  feverOrSymptomInLast24h: boolean;
}

export interface Refusal {
  code: 'stay_not_active' | 'before_document_day' | 'retest_missing' | 'retest_not_negative' | 'recent_fever_or_symptom';
  message: string;
  messageZh: string;
}

export function releaseRefusals(f: ReleaseFacts): Refusal[] {
  const refusals: Refusal[] = [];
  if (f.status !== 'active') refusals.push({ code: 'stay_not_active', message: `The stay is ${f.status}, not active.`, messageZh: '该人员不在观察中。' });
  if (f.today < f.documentDate) refusals.push({ code: 'before_document_day', message: `Release is possible from ${f.documentDate} (document day).`, messageZh: `${f.documentDate}（出具三单日）起方可解除。` });
  if (f.firstRetestDate) {
    if (!f.latestRetest) {
      refusals.push({ code: 'retest_missing', message: `No retest result from ${f.firstRetestDate} on.`, messageZh: `${f.firstRetestDate}起无复检结果。` });
    } else if (f.latestRetest.result !== 'negative') {
      refusals.push({
        code: 'retest_not_negative',
        message: `The retest that counts (${f.latestRetest.collectedDate}) is ${f.latestRetest.result}.`,
        messageZh: `计入的复检（${f.latestRetest.collectedDate}采样）结果不是阴性。`,
      });
    }
  }
  if (f.feverOrSymptomInLast24h)
    refusals.push({ code: 'recent_fever_or_symptom', message: 'A fever (37.3 °C or more) or a symptom was recorded in the last 24 hours.', messageZh: '近24小时内记录有发热（37.3 °C及以上）或症状。' });
  return refusals;
}
