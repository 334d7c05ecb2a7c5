import { coldImportAllowanceMs, SHARE_GROUPS, type BundleFigures } from './bundles.js';
import type { CheckinFigures } from './checkin.js';
import type { SizeFigures } from './jobs.js';
import type { LoadFigures, PhaseFigures } from './load.js';
import type { ManifestFigures } from './manifest.js';
import type { PdfFigures } from './pdf.js';

export interface Report {
  startedAt: string;
  machine: string;
  checkin?: CheckinFigures[];
  manifest?: ManifestFigures;
  pdf?: PdfFigures;
  jobs?: { date: string; duePerKind: number; sizes: Record<string, SizeFigures> };
  load?: LoadFigures;
  bundles?: BundleFigures;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const round2 = (x: number) => Math.round(x * 100) / 100;

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const JOBS = ['retest-due', 'release-due', 'deliver-reminders'] as const;

export function renderReport(r: Report): string {
  const out: string[] = [`# Benchmark results`, '', `Run ${r.startedAt} on ${r.machine}. Every figure is set against a baseline measured in the same run; ratios are figure / baseline.`, ''];
  if (r.checkin) {
    const items = [...new Set(r.checkin.map((c) => c.items).filter((n) => n !== undefined))].join(' / ') || '7';
    out.push(`## Check-in latency vs a bare DynamoDB TransactWriteItems of the same ${items} items`, '');
    out.push(
      'Check-in i, bare transaction i and replay i alternate. "bare tx": synthetic items, as many as the check-in\'s own transaction holds (300-byte payloads, no conditions). "replay": check-in i\'s own transaction (same items, sizes, conditions, index updates) sent straight to DynamoDB for a twin stay in a twin facility. Ratios are check-in / baseline.',
      '',
    );
    out.push(
      table(
        ['clients', 'n', 'check-in p50 ms', 'check-in p99 ms', 'bare tx p50 ms', 'bare tx p99 ms', 'ratio p50', 'ratio p99', 'replay p50 ms', 'replay p99 ms', 'ratio to replay p50 / p99', 'DynamoDB calls per check-in'],
        r.checkin.map((c) => [
          c.concurrency,
          c.checkin.n,
          c.checkin.p50,
          c.checkin.p99,
          c.bareTransaction.p50,
          c.bareTransaction.p99,
          c.ratioP50,
          c.ratioP99,
          c.replay?.p50 ?? '',
          c.replay?.p99 ?? '',
          c.replay ? `${c.replayRatioP50} / ${c.replayRatioP99}` : '',
          Object.entries(c.dbCallsPerCheckin ?? {}).map(([k, v]) => `${k.replace(/Command$/, '')} ${v}`).join(', '),
        ]),
      ),
      '',
    );
  }
  if (r.manifest) {
    const m = r.manifest;
    out.push(`## Manifest of ${m.rows} rows vs its own check-in transactions sent bare at concurrency ${m.bareConcurrency}`, '');
    out.push(
      'POST /facilities/{id}/stays/batch with every row checked first (fields, duplicates, open stays, the room plan: rooms of 1-4 beds in natural order, a household of 2-3 every 10 rows), then each row in its own transaction at concurrency 16. Baseline: the TransactWriteItems the manifest sent, captured and replayed straight to DynamoDB for twin stays in a twin facility (same items, sizes and conditions) at concurrency 16.',
      '',
    );
    out.push(
      table(
        ['rows', 'created', 'manifest ms', 'bare transactions ms', 'ratio', 'dry run ms (writes nothing)', 'transactions'],
        [[m.rows, m.created, m.manifestMs, m.bareMs, m.ratio, m.dryRunMs, m.transactions]],
      ),
      '',
      `### Racing single check-ins (no room named: the first free room) at concurrency ${m.racing.concurrency}`,
      '',
      table(
        ['n', 'check-in p50 ms', 'check-in p99 ms', 'bare replay p50 ms', 'bare replay p99 ms', 'ratio p50', 'ratio p99'],
        [[m.racing.n, m.racing.checkin.p50, m.racing.checkin.p99, m.racing.bare.p50, m.racing.bare.p99, m.racing.ratioP50, m.racing.ratioP99]],
      ),
      '',
    );
  }
  if (r.pdf) {
    const p = r.pdf;
    out.push(`## PDF rendering: pdfkit vs headless Chromium printing HTML of the same content (${p.documents} documents each)`, '');
    out.push(
      table(
        ['renderer', 'ms/doc p50', 'ms/doc p99', 'ms/doc mean', 'bytes/doc', 'memory MB'],
        [
          ['pdfkit (ours)', p.msPerDocPdfkit.p50, p.msPerDocPdfkit.p99, p.msPerDocPdfkit.mean, p.bytesPerDoc, `${p.rssMbPdfkit} (process RSS)`],
          ['Chromium HTML-to-PDF (baseline)', p.msPerDocChromium.p50, p.msPerDocChromium.p99, p.msPerDocChromium.mean, p.bytesPerDocChromium, p.rssMbChromium === undefined ? 'n/a' : `${p.rssMbChromium} (PSS of its processes)`],
        ],
      ),
      '',
      `pdfkit is **${p.ratio}×** faster at p50 (target: ≥ 10×).`,
      '',
    );
    if (p.holders.length > 0) {
      out.push('### pdfkit per holder (three documents each; fonts parsed once per process, subset per document)', '');
      out.push(table(['holder', 'ms/doc p50', 'ms/doc p99', 'KB/doc', 'first document ms'], p.holders.map((h) => [h.holder, h.msPerDoc.p50, h.msPerDoc.p99, h.kbPerDoc, h.firstDocMs])), '');
    }
  }
  if (r.jobs) {
    out.push(`## Items read by scheduled jobs as the table grows (${r.jobs.duePerKind} stays due per kind, clock ${r.jobs.date} 08:00 Asia/Shanghai)`, '');
    out.push(
      table(
        ['stays', 'table items', 'job', 'flagged / delivered', 'items read', 'ms', 'baseline: items a Scan reads', 'ratio'],
        Object.values(r.jobs.sizes).flatMap((s) => JOBS.map((job) => [s.stays, s.tableItems, job, s[job].flagged, s[job].itemsRead, s[job].ms, s.scanBaseline.itemsRead, s[job].ratioToScan])),
      ),
      '',
    );
  }
  if (r.load) {
    const l = r.load;
    const base = l.baseline.verifyUnknown.latencyMs;
    const row = (name: string, p: PhaseFigures, ratio: boolean) => [
      name, p.requests, p.records, p.status5xx, p.status4xx, p.latencyMs.p50, p.latencyMs.p95, p.latencyMs.p99, p.latencyMs.max, p.throughputRps,
      ratio ? `${round2(p.latencyMs.p50 / base.p50)} / ${round2(p.latencyMs.p99 / base.p99)}` : '1 / 1',
    ];
    out.push(`## Load at concurrency ${l.concurrency} over loopback (${l.facilities} facilities)`, '');
    out.push(
      table(
        ['phase', 'requests', 'records', '5xx', '4xx', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'ratio p50 / p99 to baseline'],
        [
          row('baseline: GET /verify of an unknown id (one GetItem)', l.baseline.verifyUnknown, false),
          row('GET / (web page)', l.baseline.webPage, true),
          row('registrations (single + manifests)', l.registration, true),
          ...Object.entries(l.registration.byKind ?? {}).map(([kind, k]) => [
            `  of which ${kind}`, k.requests, '', '', '', k.latencyMs.p50, k.latencyMs.p95, k.latencyMs.p99, k.latencyMs.max, '',
            `${round2(k.latencyMs.p50 / base.p50)} / ${round2(k.latencyMs.p99 / base.p99)}`,
          ]),
          row('signed lab deliveries (incl. resends, late reports)', l.labResults, true),
        ],
      ),
      '',
      `Counted afterwards: ${Object.entries(l.verification.counted).map(([k, v]) => `${k} ${v}`).join(', ')}. ${l.verification.ok ? 'No record lost or duplicated.' : `PROBLEMS: ${l.verification.problems.join('; ')}`}`,
      '',
    );
  }
  if (r.bundles) {
    const b = r.bundles;
    const allowance = round2(coldImportAllowanceMs(b.empty.coldImportMs));
    const cpuAllowance = round2(coldImportAllowanceMs(b.empty.coldImportCpuMs));
    out.push('## Lambda bundles (esbuild, minified ESM, as lib/bundling.ts builds them) and cold import time vs an empty handler', '');
    out.push(
      `Cold import as deployed (linked source map, applied only when a stack is printed; no NODE_OPTIONS), median of ${b.rounds} fresh processes per handler, each right after a fresh import of the empty handler (whose median is over all of those). Each import is timed by wall clock and by the process's CPU time (user + system), which other processes on the shared machine inflate far less; load average ${b.load.before} before, ${b.load.after} after. Target for every handler that renders no PDF: bundle <= 300 KB and cold import <= 1.5x the empty handler's + 40 ms = **${cpuAllowance} ms CPU** (wall: ${allowance} ms) in this run.`,
      '',
    );
    type Fig = BundleFigures['handlers'][number];
    const pdf = (h: Fig) => h.rendersPdf;
    const tooBig = (h: Fig) => h.bytes > 300 * 1024;
    // Pass or fail per handler, with the margin: how far under (or over) the allowance it imports.
    const meets = (h: Fig, over: number) =>
      pdf(h) ? 'PDF (no target)' : tooBig(h) ? 'FAIL (bundle > 300 KB)' : over <= 0 ? `pass (${round2(-over)} ms to spare)` : `**FAIL** (${round2(over)} ms over)`;
    out.push(
      table(
        ['handler', 'bundle', 'cold import CPU ms', 'ratio to empty', 'meets target (CPU)', 'wall ms', 'ratio', 'meets (wall)'],
        [
          ['(empty handler)', kb(b.empty.bytes), b.empty.coldImportCpuMs, 1, '', b.empty.coldImportMs, 1, ''],
          ...b.handlers.map((h) => [h.handler, kb(h.bytes), h.coldImportCpuMs, h.cpuRatioToEmpty, meets(h, h.overTargetCpuMs), h.coldImportMs, h.ratioToEmpty, meets(h, h.overTargetMs)]),
        ],
      ),
      '',
    );
    const nonPdf = b.handlers.filter((h) => !pdf(h));
    if (nonPdf.length) {
      const max = nonPdf.reduce((a, h) => (h.bytes > a.bytes ? h : a));
      const slow = nonPdf.reduce((a, h) => (h.coldImportCpuMs > a.coldImportCpuMs ? h : a));
      const slowWall = nonPdf.reduce((a, h) => (h.coldImportMs > a.coldImportMs ? h : a));
      const within = (over: (h: Fig) => number) => nonPdf.filter((h) => h.bytes <= 300 * 1024 && over(h) <= 0).length;
      const failing = nonPdf.filter((h) => tooBig(h) || h.overTargetCpuMs > 0);
      out.push(
        failing.length
          ? `**Cold import target (CPU): FAIL for ${failing.length} of ${nonPdf.length} handlers without PDFs: ${failing.map((h) => `${h.handler} (${tooBig(h) ? kb(h.bytes) : `+${round2(h.overTargetCpuMs)} ms`})`).join(', ')}.**`
          : `**Cold import target (CPU): PASS for all ${nonPdf.length} handlers without PDFs.**`,
        '',
      );
      out.push(
        `Handlers without PDFs: largest ${max.handler} ${kb(max.bytes)}; ${within((h) => h.overTargetCpuMs)} of ${nonPdf.length} within the target by CPU time (slowest ${slow.handler} ${slow.coldImportCpuMs} ms = ${slow.cpuRatioToEmpty}x the empty handler, allowance ${cpuAllowance} ms), ${within((h) => h.overTargetMs)} of ${nonPdf.length} by wall time (slowest ${slowWall.handler} ${slowWall.coldImportMs} ms, allowance ${allowance} ms).`,
        '',
      );
    }
    if (b.sourceMaps) {
      const m = b.sourceMaps;
      const now = b.handlers.find((h) => h.handler === m.handler);
      out.push(
        `Source maps (${m.handler}, same rounds): with NODE_OPTIONS=--enable-source-maps, as the stack ran before, the import took ${m.atStart.coldImportCpuMs} ms CPU / ${m.atStart.coldImportMs} ms wall${now ? ` against ${now.coldImportCpuMs} / ${now.coldImportMs} ms now` : ''}. The bundle now reads its map when it first prints a stack trace (only unexpected errors print one): that costs ${m.firstStackMs} ms once per instance.`,
        '',
      );
    }
    out.push('### What each bundle is made of (esbuild metafile, KB in the minified output)', '');
    out.push(
      table(
        ['handler', ...SHARE_GROUPS, 'total'],
        b.handlers.map((h) => [h.handler, ...SHARE_GROUPS.map((g) => ((h.shares[g] ?? 0) / 1024).toFixed(1)), kb(h.bytes)]),
      ),
      '',
    );
    if (b.externalSdk) {
      const e = b.externalSdk;
      out.push(`### The AWS SDK bundled vs taken from the runtime (${e.handler})`, '');
      out.push(
        table(
          ['build', 'bundle', 'cold import ms', 'ratio'],
          [
            ['SDK bundled (deployed)', kb(e.bundled.bytes), e.bundled.coldImportMs, 1],
            ['@aws-sdk/* and @smithy/* external, loaded from node_modules like the runtime copy', kb(e.external.bytes), e.external.coldImportMs, round2(e.external.coldImportMs / e.bundled.coldImportMs)],
          ],
        ),
        '',
      );
    }
  }
  return out.join('\n');
}

/** `## ` sections keyed by the first two words of their heading (figures in headings change). */
function sections(markdown: string): { head: string; parts: { key: string; text: string }[] } {
  const [head = '', ...rest] = markdown.split(/^(?=## )/m);
  return { head, parts: rest.map((text) => ({ key: text.slice(3).split(/[\s:(]+/).slice(0, 2).join(' ').toLowerCase(), text })) };
}

/** Replaces in `existing` the sections `fresh` has (a partial run), noting the run on each; keeps the rest. */
export function mergeSections(existing: string, fresh: string, how: string): string {
  const old = sections(existing);
  const run = fresh.match(/^Run (\S+) on (.+?)\. Every/m);
  const note = run ? `Measured in a partial run (\`npm run bench -- ${how}\`) ${run[1]} on ${run[2]}.\n\n` : '';
  const replaced = new Map(sections(fresh).parts.map((p) => [p.key, p.text.replace(/\n\n/, `\n\n${note}`)]));
  const parts = old.parts.map((p) => replaced.get(p.key) ?? p.text);
  for (const [key, text] of replaced) if (!old.parts.some((p) => p.key === key)) parts.push(text);
  return [old.head, ...parts].join('').replace(/\n*$/, '\n');
}
