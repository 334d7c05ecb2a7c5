import type { HttpRequest } from '../shared/public-http.js';

// The two things every personal-link route reads from a request: the secret (a header,
// so it never appears in a URL, a log line or a browser history) and the client's
// address (for the per-client rate limit).
export const personalSecret = (req: HttpRequest) => req.header('x-personal-key');
export const clientAddress = (req: HttpRequest) => req.event.requestContext?.http?.sourceIp ?? 'unknown';
