import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The lab webhook's request signature (pure, no I/O):
//   X-Lab-Id:        the lab's id
//   X-Lab-Timestamp: unix seconds when the lab sent the request
//   X-Lab-Signature: sha256=<hex HMAC-SHA256 over "<timestamp>.<raw body>">
// keyed with the lab's shared secret (its UTF-8 text, exactly as issued: that is
// what `openssl dgst -sha256 -hmac "$SECRET"` uses). Requests more than five
// minutes off our clock are refused, so a captured request cannot be replayed
// later; within the window a replay is a duplicate and changes nothing.

export const REPLAY_WINDOW_SECONDS = 300;

export const SIGNATURE_FAILURES = [
  'missing_headers',
  'malformed_lab_id',
  'malformed_timestamp',
  'timestamp_out_of_window',
  'malformed_signature',
  /** Unknown lab or wrong signature: deliberately not told apart. */
  'bad_signature',
] as const;
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

/** Lab ids are safe in keys, URLs and logs. */
export const LAB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** Hex HMAC-SHA256 of "<timestamp>.<rawBody>": what a lab puts after `sha256=`. */
export function labSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The three headers for a body, as a lab sends them (tests, docs, the CLI). */
export function signedHeaders(labId: string, secret: string, rawBody: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { 'x-lab-id': labId, 'x-lab-timestamp': timestamp, 'x-lab-signature': `sha256=${labSignature(secret, timestamp, rawBody)}` };
}

/** A key no lab has, so an unknown lab costs the same HMAC as a known one. */
const DECOY_KEY = randomBytes(32).toString('hex');

export function checkLabSignature(p: {
  labId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  /** The lab's secret; undefined when the lab is unknown. */
  secret: string | undefined;
  nowMs: number;
}): SignatureCheck {
  if (!p.labId || !p.timestamp || !p.signature) return { ok: false, reason: 'missing_headers' };
  if (!LAB_ID_PATTERN.test(p.labId)) return { ok: false, reason: 'malformed_lab_id' };
  if (!TIMESTAMP.test(p.timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  if (Math.abs(p.nowMs / 1000 - Number(p.timestamp)) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'timestamp_out_of_window' };
  const given = SIGNATURE.exec(p.signature.trim())?.[1];
  if (!given) return { ok: false, reason: 'malformed_signature' };
  const expected = Buffer.from(labSignature(p.secret ?? DECOY_KEY, p.timestamp, p.rawBody), 'hex');
  const actual = Buffer.from(given.toLowerCase(), 'hex');
  // Both are 32 bytes (64 hex digits checked above); timingSafeEqual needs equal lengths.
  const same = actual.length === expected.length && timingSafeEqual(actual, expected);
  return same && p.secret !== undefined ? { ok: true } : { ok: false, reason: 'bad_signature' };
}
