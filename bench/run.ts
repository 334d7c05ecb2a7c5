import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../local/local-stack.js';
import { freePort } from '../test/support/free-port.js';
import { benchBundles } from './bundles.js';
import { benchCheckin } from './checkin.js';
import { benchJobReads } from './jobs.js';
import { benchLoad } from './load.js';
import { benchManifest } from './manifest.js';
import { benchPdf } from './pdf.js';
import { benchSelfReports, renderSelfReports } from './self-reports.js';
import { mergeSections, renderReport, type Report } from './report.js';

// `npm run bench`: every figure next to a baseline measured in the same run, printed
// and written to bench/results.md. Loopback only, bounded counts.
// `npm run bench -- --only bundles` (or checkin, manifest, pdf, jobs, load, selfreport; comma-separated) runs those parts.

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);
process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const report: Report = { startedAt: new Date().toISOString(), machine: machine() };

if (want('checkin')) {
  const stack = await startLocalStack({ port: 0, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'bench-table', jobs: false, ephemeralKey: true });
  try {
    report.checkin = await benchCheckin(stack, { perRun: values.quick ? 40 : 200 });
  } finally {
    await stack.stop();
  }
}
if (want('manifest')) {
  const stack = await startLocalStack({ port: 0, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'bench-table', jobs: false, ephemeralKey: true });
  try {
    report.manifest = await benchManifest(stack, values.quick ? { rows: 200, racing: 160 } : {});
  } finally {
    await stack.stop();
  }
}
if (want('pdf')) report.pdf = await benchPdf({ n: values.quick ? 10 : 30 });
// The 50,000-stay table takes minutes to seed; --quick shows the same flat line at 1,000 and 5,000.
if (want('jobs')) report.jobs = await benchJobReads({ sizes: values.quick ? [1_000, 5_000] : [1_000, 50_000] });
if (want('load')) report.load = await benchLoad(values.quick ? { stays: 400, labResults: 1_000, baselineRequests: 400 } : {});
if (want('bundles')) report.bundles = await benchBundles({ runs: values.quick ? 3 : 7 });

// 1,500 people at home, 3,000 self-reports; the missed-reports job at 1,000 and 50,000 stays.
const selfReports = want('selfreport') ? await benchSelfReports(values.quick ? { people: 300, sizes: [1_000, 5_000] } : {}) : undefined;

const markdown = renderReport(report) + (selfReports ? `\n${renderSelfReports(selfReports)}` : '');
console.log(markdown);
// A partial run (`--only bundles,checkin`) replaces its own sections of results.md and keeps the others.
const results = new URL('./results.md', import.meta.url);
if (!only) writeFileSync(results, markdown);
else if (existsSync(results)) writeFileSync(results, mergeSections(readFileSync(results, 'utf8'), markdown, `--only ${only.join(',')}`));

function machine(): string {
  return `${platform()}/${arch()}, Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}
