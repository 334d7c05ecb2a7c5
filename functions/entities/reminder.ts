import { config } from '../shared/config.js';
import { facilityKeys } from './facility.js';

// Reminder for facility staff, stored as an outbox entry: PK FACILITY#<id>,
// SK REMINDER#<reminderId>. Jobs derive the id from (kind, date), so a second run
// of the same job on the same day finds it and writes nothing new.
// GSI1 lists a facility's reminders newest first; while undelivered it also carries
// GSI2 keys OUTBOX / <createdAt>#<facilityId>#<id>, the queue the notifier drains.

export { REMINDER_KINDS, type ReminderKind } from '../domain/care-kinds.js';
import type { ReminderKind } from '../domain/care-kinds.js';

/**
 * Who the reminder is for. Absent: the facility's staff (every reminder before
 * home isolation). team_*: the stay's team (`teamId`), by role; person: an SMS to
 * the person themselves (their phone is read from the stay at delivery).
 */
export type ReminderAudience = 'facility' | 'team_doctor' | 'team_on_duty' | 'supervisor' | 'person';

export interface ReminderRecipient {
  role: 'cadre' | 'doctor' | 'police' | 'supervisor';
  /** The team member's name (absent for the supervisor). */
  name?: string;
}

export interface ReminderLine {
  stayId?: string;
  roomNumber?: string;
  /** A home stay's grid cell (instead of a room). */
  gridCell?: string;
  /** A home stay's address and community: where the team calls or visits. */
  address?: string;
  community?: string;
  /** report_missed*: the escalation step (1..4) the line is about. */
  step?: number;
  name?: string;
  day?: number;
  note?: string;
  /** A fever or symptom line: the reading, so a page can say it in its own language. */
  slot?: string;
  temperatureC?: number;
  symptoms?: string[];
}

export interface Reminder {
  reminderId: string;
  facilityId: string;
  kind: ReminderKind;
  urgent: boolean;
  /** Local date (facility time zone) the reminder is about. */
  date: string;
  title: string;
  lines: ReminderLine[];
  createdAt: string;
  audience?: ReminderAudience;
  /** The team the reminder goes to (team_* audiences, when the stay has a team). */
  teamId?: string;
  /**
   * The one it is meant for within the audience: the team member by role and name
   * (team_on_duty: the member on duty for the slot; team_doctor: the doctor), or the supervisor.
   */
  recipient?: ReminderRecipient;
  /** The report slot it is about (report_missed*, fever_or_symptom). */
  slot?: 'morning' | 'evening';
  delivery: { state: 'pending' | 'delivered'; attempts: number; deliveredAt?: string; lastError?: string };
  /** Staff marked it handled (PUT .../handled): set once, never overwritten. */
  handled?: ReminderHandled;
}

export interface ReminderHandled {
  by: string;
  at: string;
  note?: string;
}

export const reminderKeys = {
  key: (facilityId: string, reminderId: string) => ({ PK: facilityKeys.pk(facilityId), SK: `REMINDER#${reminderId}` }),
  listPk: (facilityId: string) => `FACILITY#${facilityId}#REMINDERS`,
  listSk: (createdAt: string, reminderId: string) => `${createdAt}#${reminderId}`,
  outboxPk: 'OUTBOX',
  outboxSk: (createdAt: string, facilityId: string, reminderId: string) => `${createdAt}#${facilityId}#${reminderId}`,
};

/**
 * Reminder lines name people, so a reminder lives as long as the retention period
 * (RETENTION_DAYS) and DynamoDB's TTL then deletes it (epoch seconds in `expiresAt`).
 */
export function reminderExpiresAt(createdAt: string): number {
  return Math.floor(Date.parse(createdAt) / 1000) + config().RETENTION_DAYS * 86_400;
}

export function reminderItem(r: Reminder) {
  return {
    expiresAt: reminderExpiresAt(r.createdAt),
    ...reminderKeys.key(r.facilityId, r.reminderId),
    GSI1PK: reminderKeys.listPk(r.facilityId),
    GSI1SK: reminderKeys.listSk(r.createdAt, r.reminderId),
    ...(r.delivery.state === 'pending' ? { GSI2PK: reminderKeys.outboxPk, GSI2SK: reminderKeys.outboxSk(r.createdAt, r.facilityId, r.reminderId) } : {}),
    type: 'Reminder',
    ...r,
  };
}

/** A transaction Put that creates the reminder only once (idempotent on reminderId). */
export function putReminderOnce(tableName: string, r: Reminder) {
  return { Put: { TableName: tableName, Item: reminderItem(r), ConditionExpression: 'attribute_not_exists(PK)' } };
}
