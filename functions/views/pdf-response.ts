import type { IssuedDocument } from '../entities/document.js';
import { binary, type HttpResult } from '../shared/http-chain.js';

/** PDFs hold personal data: never cached by shared caches, never sniffed. */
export function pdfResponse({ pdf, document }: { pdf: Buffer; document: IssuedDocument }): HttpResult {
  return binary(200, pdf, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${document.type}-${document.documentId}.pdf"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
}
