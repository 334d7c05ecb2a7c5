// Renders the Korean speaker's release notice to docs/release-notice.png and an Arabic name in a
// health certificate to docs/names-rtl.png, previews
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

// A health certificate for an Arabic name (right to left, joined) with a fever on
// file, as the truthful statement prints it: docs/names-rtl.png shows its statement.
const arabic = {
  ...snapshotFor({ ...korean, key: 'zh', language: 'zh', documentId: 'DK7Q4M2X9T', holder: { nameNative: 'محمد عبد الله', nameLatin: 'ABDULLAH Mohammed', sex: 'M', birthDate: '1988-07-15', nationality: 'EG', documentType: 'passport', documentNumber: 'A12345678' } }, 'health_certificate'),
  facility: { name: '郑州市金水区第三集中隔离酒店', nameEn: 'Zhengzhou Jinshui District Quarantine Hotel No. 3', timeZone: 'Asia/Shanghai', authority: { name: '郑州市金水区卫生健康委员会', nameEn: 'Jinshui District Health Commission' } },
  observation: { checks: 26, alertChecks: 1, alertDates: ['2022-03-06'], highestC: 38.6, highestDate: '2022-03-06', symptoms: ['cough'], alertChecksInFinalWindow: 0, finalWindowHours: 24 },
};
const rtlWork = mkdtempSync(join(tmpdir(), 'sample-document-'));
try {
  const pdf = join(rtlWork, 'names-rtl.pdf');
  writeFileSync(pdf, await renderDocument(arabic));
  // The statement block of the page, at a size that reads on a README.
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', '-x', '60', '-y', '550', '-W', '800', '-H', '180', pdf, join('docs', 'names-rtl')]);
  console.log('wrote docs/names-rtl.png');
} finally {
  rmSync(rtlWork, { recursive: true, force: true });
}
