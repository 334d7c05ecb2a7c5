// The closed lists of the care records, in a module without DynamoDB: the request
// schemas (and so GET /openapi.json, which has no table access) use them too.

export const SITUATION_KINDS = ['medical_transfer', 'psychological_support', 'complaint', 'other'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

export const DEPARTURE_MODES = ['flight', 'train', 'bus', 'car'] as const;
export type DepartureMode = (typeof DEPARTURE_MODES)[number];

/** What a reminder is about (functions/entities/reminder.ts); pages translate the kind. */
export const REMINDER_KINDS = [
  'retest_due',
  'retest_overdue',
  'documents_due',
  'expired_isolation',
  'positive_result',
  'fever_or_symptom',
  'special_situation',
  'unmatched_lab_result',
  // A slot's report missed (functions/use-cases/missed-reports.ts): to the person (steps 1, 2),
  // a follow-up task for the team on duty (3), urgent to the supervisor (4).
  'report_missed',
  'report_missed_follow_up',
  'report_missed_supervisor',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
