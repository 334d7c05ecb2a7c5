// Typed application errors. Use cases throw these; `http-errors.ts` maps them to
// HTTP in one place, so no handler decides status codes on its own.

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
  /** too_small: the least allowed (length or value). */
  minimum?: number;
  /** too_big: the most allowed. */
  maximum?: number;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** Extra members merged into the problem body (never PII). */
  readonly extras: Record<string, unknown> = {};
  readonly headers: Record<string, string> = {};
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly title = 'Invalid input';
  constructor(readonly issues: FieldIssue[], detail = 'The request has invalid or missing fields.') {
    super(detail);
    this.extras.issues = issues;
  }
}

export class MalformedBodyError extends AppError {
  readonly status = 400;
  readonly title = 'Malformed request body';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly title = 'Request body too large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly title = 'Forbidden';
  /** `reasons` says which rule refused (e.g. `shortening_needs_admin`) when a role, not the facility, is the reason. */
  constructor(detail: string, readonly reasons: { code: string; message: string }[] = []) {
    super(detail);
    if (reasons.length > 0) this.extras.reasons = reasons;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

/** The resource existed but its content was removed for good (retention). */
export class GoneError extends AppError {
  readonly status = 410;
  readonly title = 'Gone';
}

/** A business rule or concurrent change refused the request; `reasons` lists every unmet condition. */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly title = 'Conflict';
  constructor(detail: string, readonly reasons: { code: string; message: string }[] = []) {
    super(detail);
    if (reasons.length > 0) this.extras.reasons = reasons;
  }
}

/** A public route's rate limit (per personal link, per client) was reached; retry after the window. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly title = 'Too many requests';
  constructor(detail = 'Too many requests. Wait a minute and try again.', retryAfterSeconds = 60) {
    super(detail);
    this.headers['retry-after'] = String(Math.max(1, retryAfterSeconds));
  }
}

/** The data store is unreachable or throttling; the client should retry. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly title = 'Service unavailable';
  constructor(detail = 'The data store is temporarily unavailable. Retry shortly.', retryAfterSeconds = 2) {
    super(detail);
    this.headers['retry-after'] = String(retryAfterSeconds);
  }
}
