import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sha256 } from '../../functions/adapters/aws-signed-request.js';
import { secretsManagerSource } from '../../functions/adapters/lab-secrets-aws.js';
import { snsNotifier } from '../../functions/adapters/notifier-sns.js';
import type { ReminderNotification } from '../../functions/ports/notifier.js';

// The two AWS calls outside DynamoDB, sent for real over HTTP to a stand-in for the
// service on loopback: the wire format (action, parameters, headers) and a SigV4
// signature that verifies against the same credentials, date and request.

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answer: { status: number; body: string } = { status: 200, body: '' };

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
  process.env.AWS_SESSION_TOKEN = CREDENTIALS.sessionToken;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Re-signs what the stand-in received, at the date it carries: the Authorization header must be the same. */
async function expectValidSignature(s: Seen, service: string, region: string) {
  const amzDate = String(s.headers['x-amz-date']);
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const signer = new SignatureV4({ service, region, credentials: CREDENTIALS, sha256: Sha256, applyChecksum: true });
  const url = new URL(endpoint);
  // Exactly the headers the request says it signed (fetch adds others on the way).
  const signedNames = /SignedHeaders=([^,]+)/.exec(String(s.headers.authorization))?.[1]?.split(';') ?? [];
  expect(signedNames).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'content-type']));
  const headers: Record<string, string> = {};
  for (const name of signedNames) if (name !== 'x-amz-date' && name !== 'x-amz-security-token' && name !== 'x-amz-content-sha256') headers[name] = String(s.headers[name]);
  const again = await signer.sign({ method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', query: {}, headers, body: s.body }, { signingDate: date });
  const auth = String(s.headers.authorization);
  expect(auth).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${region}/${service}/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`));
  expect(auth.split('Signature=')[1]).toBe(String(again.headers.authorization).split('Signature=')[1]);
  expect(s.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
}

describe('SNS Publish', () => {
  const n: ReminderNotification = { reminderId: 'r1', facilityId: 'f1', kind: 'positive_result', urgent: true, date: '2026-12-04', title: 'Positive result: room 101 · 阳性', lineCount: 1, readAt: 'http://x/facilities/f1/reminders' };

  it('posts one signed Publish with an ASCII subject and filterable attributes', async () => {
    seen.length = 0;
    answer = { status: 200, body: '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>' };
    await snsNotifier('arn:aws:sns:eu-west-1:123456789012:reminders', { endpoint, region: 'eu-west-1' }).send(n);
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect(s.method).toBe('POST');
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const form = new URLSearchParams(s.body);
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'Publish',
      Version: '2010-03-31',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:reminders',
      Subject: '[URGENT] Positive result: room 101',
      'MessageAttributes.entry.1.Name': 'facilityId',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'f1',
      'MessageAttributes.entry.2.Name': 'kind',
      'MessageAttributes.entry.2.Value.StringValue': 'positive_result',
      'MessageAttributes.entry.3.Name': 'urgent',
      'MessageAttributes.entry.3.Value.StringValue': 'true',
    });
    expect(form.get('Message')).toContain('http://x/facilities/f1/reminders');
    expect(form.get('Message')).toContain('阳性'); // the message body keeps the Chinese text; only the subject is ASCII
    await expectValidSignature(s, 'sns', 'eu-west-1');
  });

  it('a refusal is an error naming the code only; a 5xx is tried once more', async () => {
    answer = { status: 403, body: '<ErrorResponse><Error><Code>AuthorizationError</Code><Message>User arn:aws:iam::1:role/x is not authorized</Message></Error></ErrorResponse>' };
    await expect(snsNotifier('arn:aws:sns:eu-west-1:1:t', { endpoint, region: 'eu-west-1' }).send(n)).rejects.toThrow(/^SNS Publish failed: 403 AuthorizationError$/);
    seen.length = 0;
    answer = { status: 503, body: '' };
    await expect(snsNotifier('arn:aws:sns:eu-west-1:1:t', { endpoint, region: 'eu-west-1' }).send(n)).rejects.toThrow(/503/);
    expect(seen).toHaveLength(2);
  });
});

describe('Secrets Manager GetSecretValue', () => {
  it('posts one signed GetSecretValue and reads the lab secrets from SecretString', async () => {
    seen.length = 0;
    const secret = 'a'.repeat(64);
    answer = { status: 200, body: JSON.stringify({ ARN: 'arn', Name: 'labs', SecretString: JSON.stringify({ 'lab-a': secret }) }) };
    const source = secretsManagerSource('arn:aws:secretsmanager:eu-west-1:1:secret:labs', { endpoint, region: 'eu-west-1' });
    expect(await source.load()).toEqual(new Map([['lab-a', secret]]));
    const s = seen[0]!;
    expect(s.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(s.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(s.body)).toEqual({ SecretId: 'arn:aws:secretsmanager:eu-west-1:1:secret:labs' });
    await expectValidSignature(s, 'secretsmanager', 'eu-west-1');
  });

  it('an error answer or a secret without a string is an error, never an empty set of labs', async () => {
    answer = { status: 400, body: JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }) };
    await expect(secretsManagerSource('x', { endpoint, region: 'eu-west-1' }).load()).rejects.toThrow(/400 ResourceNotFoundException/);
    answer = { status: 200, body: JSON.stringify({ ARN: 'arn', SecretBinary: 'AAAA' }) };
    await expect(secretsManagerSource('x', { endpoint, region: 'eu-west-1' }).load()).rejects.toThrow(/no SecretString/);
  });
});
