import { config } from '../shared/config.js';
import type { Notifier, ReminderNotification } from '../ports/notifier.js';
import { signedRequest, type AwsTransport } from './aws-signed-request.js';

// Cloud adapter of the Notifier port: publishes to one SNS topic (e-mail, SMS or a
// chat bot subscribe to it). Message attributes carry facilityId, kind and urgency
// so subscriptions can filter (e.g. one facility's phone gets only its urgent ones).
// One SNS Publish call (the Query protocol) through ./aws-signed-request.ts.

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

/** The Publish action as the SNS Query API takes it (application/x-www-form-urlencoded). */
export function publishForm(input: PublishInput): string {
  const form = new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', TopicArn: input.TopicArn, Subject: input.Subject, Message: input.Message });
  Object.entries(input.MessageAttributes).forEach(([name, value], i) => {
    const entry = `MessageAttributes.entry.${i + 1}`;
    form.set(`${entry}.Name`, name);
    form.set(`${entry}.Value.DataType`, value.DataType);
    form.set(`${entry}.Value.StringValue`, value.StringValue);
  });
  return form.toString();
}

/** A direct SMS publish (no topic): PhoneNumber and Message, transactional so it is not dropped as promotional. */
export function smsForm(phone: string, text: string): string {
  const form = new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', PhoneNumber: phone, Message: text });
  form.set('MessageAttributes.entry.1.Name', 'AWS.SNS.SMS.SMSType');
  form.set('MessageAttributes.entry.1.Value.DataType', 'String');
  form.set('MessageAttributes.entry.1.Value.StringValue', 'Transactional');
  return form.toString();
}

/** The <Code> of an SNS error document, for the log (never the message text). */
const errorCode = (xml: string) => /<Code>([^<]{1,100})<\/Code>/.exec(xml)?.[1] ?? 'unknown';

export function snsNotifier(topicArn: string, options: { transport?: AwsTransport; endpoint?: string; region?: string } = {}): Notifier {
  const send = options.transport ?? signedRequest;
  return {
    name: 'sns',
    async send(n) {
      const res = await send({
        service: 'sns',
        region: options.region ?? config().AWS_REGION,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: publishForm(publishInput(topicArn, n)),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
      if (res.status !== 200) throw new Error(`SNS Publish failed: ${res.status} ${errorCode(res.text)}`);
    },
    async sendToPerson(m) {
      const res = await send({
        service: 'sns',
        region: options.region ?? config().AWS_REGION,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: smsForm(m.phone, m.text),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
      if (res.status !== 200) throw new Error(`SNS SMS failed: ${res.status} ${errorCode(res.text)}`);
    },
  };
}
