import type { BundleFigure } from './bundles.js';
import type { CheckinFigures } from './checkin.js';

export interface Report {
  startedAt: string;
  machine: string;
  checkin?: CheckinFigures[];
  pdf?: unknown;
  jobs?: unknown;
  bundles?: { empty: { bytes: number; coldImportMs: number }; handlers: BundleFigure[] };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Sections that helpers return as plain objects are shown as flattened key/value tables. */
function flat(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[prefix || 'value', String(value)]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
}

export function renderReport(r: Report): string {
  const out: string[] = [`# Benchmark results`, '', `Run ${r.startedAt} on ${r.machine}. Every figure is set against a baseline measured in the same run; ratios are figure / baseline.`, ''];
  if (r.checkin) {
    out.push('## Check-in latency vs a bare DynamoDB TransactWriteItems of the same 7 items', '');
    out.push(
      table(
        ['clients', 'n', 'check-in p50 ms', 'check-in p99 ms', 'bare tx p50 ms', 'bare tx p99 ms', 'ratio p50', 'ratio p99'],
        r.checkin.map((c) => [c.concurrency, c.checkin.n, c.checkin.p50, c.checkin.p99, c.bareTransaction.p50, c.bareTransaction.p99, c.ratioP50, c.ratioP99]),
      ),
      '',
    );
  }
  if (r.pdf) out.push('## PDF rendering: pdfkit vs Chromium HTML-to-PDF of the same content', '', table(['figure', 'value'], flat(r.pdf)), '');
  if (r.jobs) out.push('## Items read by scheduled jobs as the table grows', '', table(['figure', 'value'], flat(r.jobs)), '');
  if (r.bundles) {
    out.push('## Lambda bundles (esbuild, minified ESM) and cold import time vs an empty handler', '');
    out.push(
      table(
        ['handler', 'bundle', 'cold import ms', 'ratio to empty'],
        [['(empty handler)', kb(r.bundles.empty.bytes), r.bundles.empty.coldImportMs, 1], ...r.bundles.handlers.map((h) => [h.handler, kb(h.bytes), h.coldImportMs, h.ratioToEmpty])],
      ),
      '',
    );
  }
  return out.join('\n');
}
