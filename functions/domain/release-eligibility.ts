// Who may be released (DOMAIN.md, "The stay"): from the document day on, an active
// stay whose latest retest is negative and with no fever or symptom in the last 24
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
}

export function releaseRefusals(f: ReleaseFacts): Refusal[] {
  const refusals: Refusal[] = [];
  if (f.status !== 'active') refusals.push({ code: 'stay_not_active', message: `The stay is ${f.status}, not active.` });
  if (f.today < f.documentDate) refusals.push({ code: 'before_document_day', message: `Release is possible from ${f.documentDate} (document day).` });
  if (f.firstRetestDate) {
    if (!f.latestRetest) {
      refusals.push({ code: 'retest_missing', message: `No retest result from ${f.firstRetestDate} on.` });
    } else if (f.latestRetest.result !== 'negative') {
      refusals.push({ code: 'retest_not_negative', message: `The latest retest (${f.latestRetest.collectedDate}) is ${f.latestRetest.result}.` });
    }
  }
  if (f.feverOrSymptomInLast24h) refusals.push({ code: 'recent_fever_or_symptom', message: 'A fever (37.3 °C or more) or a symptom was recorded in the last 24 hours.' });
  return refusals;
}
