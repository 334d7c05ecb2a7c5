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

/** A text message to the person themselves (a missed report): no name, no ids, in their language. */
export interface PersonMessage {
  reminderId: string;
  /** E.164, e.g. +8613800000000. */
  phone: string;
  text: string;
}

export interface Notifier {
  readonly name: string;
  /** Resolves once the notification is accepted; throws when it was not (the reminder stays pending). */
  send(n: ReminderNotification): Promise<void>;
  /** An SMS to the person (SNS direct publish in the cloud; the log locally, phone masked). */
  sendToPerson(m: PersonMessage): Promise<void>;
}

/** +86 138 0000 0000 -> +8613800000000 (SNS takes E.164 only); undefined when it cannot be one. */
export function e164(phone: string): string | undefined {
  const digits = phone.replace(/[\s().-]/g, '');
  const n = digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
  return /^\+[1-9]\d{6,14}$/.test(n) ? n : undefined;
}

const SLOT_WORDS = { zh: { morning: '上午', evening: '晚上' }, en: { morning: 'morning', evening: 'evening' }, ko: { morning: '오전', evening: '저녁' } } as const;

/** The reminder text for a missed report, in the person's language (zh, en, ko). */
export function missedReportText(language: 'zh' | 'en' | 'ko', slot: 'morning' | 'evening', second: boolean): string {
  const w = SLOT_WORDS[language][slot];
  if (language === 'zh') return `${second ? '【再次提醒】' : '【提醒】'}您今天${w}的体温还没有上报。请打开您的个人页面（登记时扫描的二维码）填写体温和症状。`;
  if (language === 'ko') return `${second ? '[재알림] ' : '[알림] '}오늘 ${w} 체온 보고가 아직 없습니다. 등록 때 받은 QR 코드로 개인 페이지를 열어 체온과 증상을 보고해 주세요.`;
  return `${second ? 'Second reminder: ' : 'Reminder: '}your ${w} temperature report is missing. Please open your personal page (the QR code from check-in) and report your temperature and symptoms.`;
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
