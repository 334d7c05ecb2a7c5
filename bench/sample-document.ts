// Renders the Korean speaker's release notice to docs/release-notice.png, a preview
// of the layout for reviewers. Needs pdftoppm (poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocument } from '../functions/documents/render.js';
import { PEOPLE, snapshotFor } from '../test/documents/fixtures.js';

const korean = PEOPLE.find((p) => p.key === 'ko');
if (!korean) throw new Error('fixtures lack the Korean speaker');

const work = mkdtempSync(join(tmpdir(), 'sample-document-'));
try {
  const pdf = join(work, 'release-notice.pdf');
  writeFileSync(pdf, await renderDocument(snapshotFor(korean, 'release_notice')));
  mkdirSync('docs', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join('docs', 'release-notice')]);
  console.log('wrote docs/release-notice.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
