import { checkLabSignature, REPLAY_WINDOW_SECONDS, type SignatureFailure } from '../domain/lab-signature.js';
import { LAB_ID_PATTERN, labSecrets } from '../ports/lab-secrets.js';
import { UnauthorizedError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';

// Authenticates a lab webhook request from its raw body and headers, before the
// body is parsed or trusted (shared/http.ts runs this first for 'lab' routes).

const DETAILS: Record<SignatureFailure, string> = {
  missing_headers: 'Send X-Lab-Id, X-Lab-Timestamp and X-Lab-Signature.',
  malformed_lab_id: 'X-Lab-Id is not a lab id.',
  malformed_timestamp: 'X-Lab-Timestamp must be unix seconds.',
  timestamp_out_of_window: `X-Lab-Timestamp is more than ${REPLAY_WINDOW_SECONDS / 60} minutes away from our clock: check the lab's clock, sign again and resend.`,
  malformed_signature: 'X-Lab-Signature must be sha256=<64 hex digits>.',
  bad_signature: 'The signature does not match: unknown lab, wrong secret, or the body changed after signing.',
};

export class LabSignatureError extends UnauthorizedError {
  constructor(readonly reason: SignatureFailure) {
    super(DETAILS[reason]);
    this.extras.reason = reason;
  }
}

export interface RawRequest {
  rawBody: string;
  header(name: string): string | undefined;
}

/** The verified lab id; throws LabSignatureError (401) otherwise. */
export async function authenticateLab(req: RawRequest, nowMs = Date.now()): Promise<string> {
  const labId = req.header('x-lab-id')?.trim();
  const secret = labId && LAB_ID_PATTERN.test(labId) ? await (await labSecrets()).secretFor(labId) : undefined;
  const check = checkLabSignature({
    labId,
    timestamp: req.header('x-lab-timestamp')?.trim(),
    signature: req.header('x-lab-signature'),
    rawBody: req.rawBody,
    secret,
    nowMs,
  });
  if (!check.ok) {
    logger.warn('lab request refused', { reason: check.reason, labId: labId && LAB_ID_PATTERN.test(labId) ? labId : undefined, knownLab: secret !== undefined });
    throw new LabSignatureError(check.reason);
  }
  return labId!;
}
