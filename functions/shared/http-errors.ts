import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, ServiceUnavailableError } from './errors.js';
import { errorFields, logger } from './logger.js';

// The one place where errors become HTTP responses: RFC 9457 problem bodies.

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Is this an error of the data store being down or throttling (worth a retry by the client)? */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  if (UNAVAILABLE_NAMES.has(err.name) || (code && UNAVAILABLE_CODES.has(code))) return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  const cause = (err as { cause?: unknown }).cause;
  if (cause && cause !== err) return isUnavailable(cause);
  return err instanceof AggregateError && err.errors.some(isUnavailable);
}

export function problemResponse(err: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 {
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (isUnavailable(err)) {
    logger.warn('data store unavailable', { requestId, ...errorFields(err) });
    appError = new ServiceUnavailableError();
  } else {
    logger.error('unhandled error', { requestId, ...errorFields(err), stack: err instanceof Error ? err.stack?.split('\n').slice(0, 6).join(' | ') : undefined });
    return problem(500, 'Internal error', 'An unexpected error occurred.', {}, {}, requestId);
  }
  return problem(appError.status, appError.title, appError.message, appError.extras, appError.headers, requestId);
}

function problem(
  status: number,
  title: string,
  detail: string,
  extras: Record<string, unknown>,
  headers: Record<string, string>,
  requestId?: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({ type: 'about:blank', title, status, detail, ...extras, ...(requestId ? { requestId } : {}) }),
  };
}
