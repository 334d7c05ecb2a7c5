import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApi } from '../support/api.js';
import type { FacilityFixture } from '../support/fixtures.js';
import { deliver, hoursAgo, result, stayArrived, type StayFixture, type TestLab } from '../lab/lab-support.js';

// Release tests walk the real path: a stay that arrived 12 days ago (today is day 13,
// the default document day), a negative day-12 retest delivered by the signed
// webhook, then the release route, downloads and verification over HTTP.

/** A stay on its document day with a negative retest taken today. */
export async function releasableStay(api: TestApi, f: FacilityFixture, lab: TestLab, person: Record<string, unknown> = {}): Promise<StayFixture> {
  const stay = await stayArrived(api, f, 12, person);
  const sent = await deliver(api, lab, { results: [result({ stayId: stay.stayId, collectedAt: hoursAgo(3), resultedAt: hoursAgo(1) })] });
  if (sent.status !== 200 || sent.body.results[0].status !== 'stored') throw new Error(`retest: ${sent.status} ${sent.text}`);
  return stay;
}

export async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; contentType: string | null }> {
  const res = await fetch(url, { headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
}

const work = mkdtempSync(join(tmpdir(), 'release-test-'));
let serial = 0;

/** The text poppler extracts from a PDF, the way a reader's copy-paste would see it. */
export function pdfText(bytes: Buffer): string {
  const path = join(work, `doc-${serial++}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}
