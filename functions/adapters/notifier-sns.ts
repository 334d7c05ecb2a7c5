import { config } from '../shared/config.js';
import type { Notifier, ReminderNotification } from '../ports/notifier.js';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SdkClient } from './aws-sdk.js';

// Cloud adapter of the Notifier port: publishes to one SNS topic (e-mail, SMS or a
// chat bot subscribe to it). Message attributes carry facilityId, kind and urgency
// so subscriptions can filter (e.g. one facility's phone gets only its urgent ones).

interface SnsModule {
  SNSClient: new (options: { region: string; maxAttempts?: number }) => SdkClient;
  PublishCommand: new (input: PublishInput) => unknown;
}

export interface PublishInput {
  TopicArn: string;
  Subject: string;
  Message: string;
  MessageAttributes: Record<string, { DataType: 'String'; StringValue: string }>;
}

/** SNS subjects: printable ASCII, no line breaks, under 100 characters. */
export function snsSubject(n: ReminderNotification): string {
  const text = `${n.urgent ? '[URGENT] ' : ''}${n.title}`.replace(/[^\x20-\x7E]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (text || n.kind).slice(0, 99);
}

export function publishInput(topicArn: string, n: ReminderNotification): PublishInput {
  return {
    TopicArn: topicArn,
    Subject: snsSubject(n),
    Message: [`${n.title}`, `${n.lineCount} line(s) for ${n.date}.`, `Read it at ${n.readAt}`, '', JSON.stringify(n)].join('\n'),
    MessageAttributes: {
      facilityId: { DataType: 'String', StringValue: n.facilityId },
      kind: { DataType: 'String', StringValue: n.kind },
      urgent: { DataType: 'String', StringValue: String(n.urgent) },
    },
  };
}

export function snsNotifier(topicArn: string, client?: SdkClient, sdk?: Pick<SnsModule, 'PublishCommand'>): Notifier {
  let resolved: Promise<{ client: SdkClient; sdk: Pick<SnsModule, 'PublishCommand'> }> | undefined;
  const connect = () =>
    (resolved ??= (async () => {
      if (client && sdk) return { client, sdk };
      const mod = { SNSClient, PublishCommand } as unknown as SnsModule;
      return { client: client ?? new mod.SNSClient({ region: config().AWS_REGION, maxAttempts: 2 }), sdk: sdk ?? mod };
    })());
  return {
    name: 'sns',
    async send(n) {
      const { client: c, sdk: s } = await connect();
      await c.send(new s.PublishCommand(publishInput(topicArn, n)));
    },
  };
}
