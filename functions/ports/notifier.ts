import type { Reminder, ReminderKind } from '../entities/reminder.js';
import { config } from '../shared/config.js';
import { integrationConfig } from '../shared/integration-config.js';

// Port: tells facility staff that a reminder is waiting. Adapters: an SNS topic in
// the cloud (TOPIC_ARN), the structured log locally. A notification carries ids,
// the title, counts and where to read it, never the lines (names live there):
// the full text is at GET /facilities/{facilityId}/reminders.

export interface ReminderNotification {
  reminderId: string;
  facilityId: string;
  kind: ReminderKind;
  urgent: boolean;
  date: string;
  /** Titles name counts and room numbers, never people. */
  title: string;
  lineCount: number;
  /** Where staff read the whole reminder. */
  readAt: string;
}

export interface Notifier {
  readonly name: string;
  /** Resolves once the notification is accepted; throws when it was not (the reminder stays pending). */
  send(n: ReminderNotification): Promise<void>;
}

export function notificationOf(r: Reminder): ReminderNotification {
  const base = config().PUBLIC_BASE_URL.replace(/\/$/, '');
  return {
    reminderId: r.reminderId,
    facilityId: r.facilityId,
    kind: r.kind,
    urgent: r.urgent,
    date: r.date,
    title: r.title,
    lineCount: r.lines.length,
    readAt: `${base}/facilities/${encodeURIComponent(r.facilityId)}/reminders`,
  };
}

let instance: Notifier | undefined;

/** The process's notifier, from the adapter the configuration selects. */
export async function notifier(): Promise<Notifier> {
  if (!instance) {
    const topicArn = integrationConfig().TOPIC_ARN;
    if (topicArn) {
      const { snsNotifier } = await import('../adapters/notifier-sns.js');
      instance = snsNotifier(topicArn);
    } else {
      const { consoleNotifier } = await import('../adapters/notifier-console.js');
      instance = consoleNotifier();
    }
  }
  return instance;
}

export function resetNotifier(): void {
  instance = undefined;
}
