import { httpHandler, json } from '../shared/public-http.js';
import { verifyDocument } from '../use-cases/documents.js';
import { verificationPage } from '../views/verification-page.js';

// Public, opened by scanning the QR code: an HTML page for people, JSON for machines.
export const handler = httpHandler('public', async (req) => {
  const result = await verifyDocument(req.param('documentId'));
  const status = result.status === 'not_valid' ? 404 : 200;
  if ((req.header('accept') ?? '').includes('application/json')) return json(status, result, { 'cache-control': 'no-store' });
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: verificationPage(result),
  };
}, { invalidPathAsEmpty: true });
