// PDF rendering cost: renderDocument (pdfkit) against headless Chromium printing an
// HTML page of the same content with the same fonts, measured in the same run.
// `npx tsx bench/pdf.ts` prints the figures as JSON.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { composeDocument, type DocumentContent, type Field, type LocalizedText } from '../functions/documents/content.js';
import { fontPath, type FontKey } from '../functions/documents/fonts.js';
import { qrMatrix } from '../functions/documents/qr.js';
import { renderDocument } from '../functions/documents/render.js';
import type { DocumentSnapshot } from '../functions/documents/snapshot.js';
import { DOCUMENT_TYPES, PEOPLE, snapshotFor } from '../test/documents/fixtures.js';
import { round, summarise, type Summary } from './stats.js';

export interface PdfFigures {
  documents: number;
  msPerDocPdfkit: Summary;
  msPerDocChromium: Summary;
  /** Chromium p50 over pdfkit p50: how many times slower the HTML route is. */
  ratio: number;
  /** Resident memory of this process after the pdfkit renders, before Chromium is started. */
  rssMbPdfkit: number;
  /** Proportional set size of all Chromium processes (Linux only). */
  rssMbChromium?: number;
  bytesPerDoc: number;
  bytesPerDocChromium: number;
  /** pdfkit figures per kind of holder: the fonts a name needs drive size and time. */
  holders: HolderFigures[];
}

export interface HolderFigures {
  holder: string;
  msPerDoc: Summary;
  kbPerDoc: number;
  /** The first document for this holder in the process, parsing any font it is first to need. */
  firstDocMs: number;
}

const WARM_UP = 9;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FONT_FACES: { family: string; weight: number; key: FontKey }[] = [
  { family: 'Noto Sans SC', weight: 400, key: 'sc-regular' },
  { family: 'Noto Sans SC', weight: 700, key: 'sc-bold' },
  { family: 'Noto Sans KR', weight: 400, key: 'kr-regular' },
  { family: 'Noto Sans KR', weight: 700, key: 'kr-bold' },
];

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

/** The three documents for a Chinese holder, and for an Arabic-named one at a facility named in Arabic, Latin and Chinese. */
function holderSnapshots(): { holder: string; documents: DocumentSnapshot[] }[] {
  const zh = PEOPLE[0] as (typeof PEOPLE)[number];
  const mixed = (type: DocumentSnapshot['type']): DocumentSnapshot => {
    const s = snapshotFor(zh, type);
    return {
      ...s,
      holder: { ...s.holder, nameNative: 'محمد عبد الله', nameLatin: 'ABDULLAH Mohammed', nationality: 'AE' },
      facility: { ...s.facility, name: 'فندق الواحة Oasis 绿洲酒店' },
    };
  };
  return [
    { holder: `CJK: ${zh.holder.nameNative}, Chinese facility`, documents: DOCUMENT_TYPES.map((type) => snapshotFor(zh, type)) },
    { holder: 'mixed script: محمد عبد الله (Arabic), facility in Arabic, Latin and Chinese', documents: DOCUMENT_TYPES.map(mixed) },
  ];
}

async function benchHolder(holder: string, documents: DocumentSnapshot[], n: number): Promise<HolderFigures> {
  const render = (i: number) => renderDocument(documents[i % documents.length] as DocumentSnapshot);
  const first = await timeEach(1, render);
  await timeEach(WARM_UP, render);
  const { ms, bytes } = await timeEach(n, render);
  return { holder, msPerDoc: summarise(ms), kbPerDoc: round(mean(bytes) / 1024, 1), firstDocMs: round(first.ms[0] ?? NaN, 1) };
}

function snapshots(): DocumentSnapshot[] {
  return PEOPLE.flatMap((person) => DOCUMENT_TYPES.map((type) => snapshotFor(person, type)));
}

async function timeEach(n: number, render: (i: number) => Promise<Buffer>): Promise<{ ms: number[]; bytes: number[] }> {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const pdf = await render(i);
    ms.push(performance.now() - started);
    bytes.push(pdf.length);
  }
  return { ms, bytes };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

// ---- the HTML baseline ----------------------------------------------------------

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const localized = (t: LocalizedText, tag: string) => `<${tag} lang="${t.language}">${escapeHtml(t.text)}</${tag}>`;

function fieldHtml(f: Field): string {
  const lines = f.lines.map((line, i) => `<div class="value${i === 0 && f.strong ? ' strong' : ''}">${escapeHtml(line)}</div>`).join('');
  return `<div class="field" style="grid-column: span ${Math.round(f.span * 5)}"><div class="label">${escapeHtml(f.label)}</div>${lines}</div>`;
}

function qrSvg(url: string): string {
  const qr = qrMatrix(url);
  const rects = qr.runs.map((r) => `<rect x="${r.col}" y="${r.row}" width="${r.length}" height="1"/>`).join('');
  return `<svg class="qr" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges">${rects}</svg>`;
}

function documentHtml(c: DocumentContent, fontBase: string): string {
  const faces = FONT_FACES.map((f) => `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url('${fontBase}/${f.key}.ttf') format('truetype')}`).join('');
  const sections = c.sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2><div class="grid">${s.fields.map(fieldHtml).join('')}</div>`).join('');
  const head = c.testColumns.map((col) => `<th>${col.heading.map((h, i) => localized(h, i === 0 ? 'b' : 'small')).join('')}</th>`).join('');
  const rows = c.testRows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(c.meta.title)}</title><style>${faces}
@page{size:A4;margin:16mm 17mm 14mm}
body{font-family:'Noto Sans SC','Noto Sans KR',sans-serif;color:#1a1a1a;font-size:10pt;margin:0}
[lang=ko]{font-family:'Noto Sans KR','Noto Sans SC',sans-serif}
h1{text-align:center;margin:0;font-size:19pt}h1+h1{font-size:12pt}
.no{text-align:center;font-size:9pt;color:#5f6368;border-bottom:3px double #9b1c1c;padding-bottom:6pt}.no b{color:#1a1a1a}
h2{font-size:10pt;border-left:3px solid #9b1c1c;padding-left:6pt;margin:10pt 0 4pt}
.grid{display:grid;grid-template-columns:repeat(30,1fr);gap:6pt 10pt}
.label{font-size:7pt;color:#5f6368}.value.strong{font-size:11.5pt;font-weight:700}
.statement{border-left:2px solid #9b1c1c;padding-left:10pt;margin:10pt 0}.statement p{margin:0 0 5pt;line-height:1.5;font-size:9pt}.statement p[lang=zh]{font-size:10pt}
table{width:100%;border-collapse:collapse;border-top:.8pt solid;border-bottom:.8pt solid;font-size:9pt}
th{text-align:left;font-weight:400;border-bottom:.5pt solid;padding:3pt 4pt}th b{display:block;font-size:8pt}th small{display:block;font-size:7pt;color:#5f6368}
td{padding:4pt;border-top:.25pt solid}
footer{position:fixed;bottom:0;left:0;right:0;display:flex;align-items:flex-end;gap:10pt;border-top:.4pt solid #5f6368;padding-top:10pt}
footer .issuer{flex:1}.note{font-size:6.5pt;color:#5f6368;margin-top:6pt}
.verify{text-align:right;font-size:7.5pt;font-weight:700;width:150pt}.verify div{font-size:6.5pt;font-weight:400;color:#5f6368;word-break:break-all}
.qr{width:82pt;height:82pt}
</style></head><body>
${c.title.map((t) => localized(t, 'h1')).join('')}
<div class="no">${escapeHtml(c.documentNo.label)} <b>${escapeHtml(c.documentNo.value)}</b></div>
${sections}
<div class="statement">${c.statement.map((t) => localized(t, 'p')).join('')}</div>
<h2>${escapeHtml(c.testsHeading)}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
<footer><div class="issuer">${fieldHtml(c.issuedBy)}${fieldHtml(c.issueDate)}<div class="note">${c.note.map((t) => localized(t, 'div')).join('')}</div></div>
<div class="verify">${escapeHtml(c.verifyCaption)}<div>${escapeHtml(c.verifyUrl)}</div></div>${qrSvg(c.verifyUrl)}</footer>
</body></html>`;
}

/** Serves an empty page (the origin documents are set into) and the same TTF files, cacheable. */
async function serveFonts(): Promise<{ server: Server; base: string }> {
  const files = new Map(FONT_FACES.map((f) => [`/${f.key}.ttf`, readFileSync(fontPath(f.key))]));
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>');
      return;
    }
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Sum of Chromium's proportional set sizes: its processes share memory, so plain RSS would overcount. */
function chromiumPssMb(): number | undefined {
  let totalKb = 0;
  let found = false;
  const parentOf = (pid: string) => /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  const descendsFromUs = (pid: string): boolean => {
    for (let p: string | undefined = pid; p && p !== '0' && p !== '1'; p = parentOf(p)) if (p === String(process.pid)) return true;
    return false;
  };
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name) && name !== String(process.pid))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium') || !descendsFromUs(pid)) continue;
        totalKb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
        found = true;
      } catch {
        // the process exited while being read
      }
    }
  } catch {
    return undefined; // no /proc: not Linux
  }
  return found ? mb(totalKb * 1024) : undefined;
}

async function benchChromium(documents: DocumentSnapshot[], n: number) {
  const { chromium } = await import('playwright-core');
  const { server, base } = await serveFonts();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`); // an http origin for the font requests
    const render = async (i: number) => {
      const snapshot = documents[i % documents.length] as DocumentSnapshot;
      await page.setContent(documentHtml(composeDocument(snapshot), base));
      await page.evaluate('document.fonts.ready.then(() => true)');
      return page.pdf({ format: 'A4', printBackground: true });
    };
    await timeEach(WARM_UP, render);
    const { ms, bytes } = await timeEach(n, render);
    return { ms, bytes, pssMb: chromiumPssMb() };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function benchPdf(opts: { n?: number } = {}): Promise<PdfFigures> {
  const n = opts.n ?? 30;
  const documents = snapshots();
  const renderPdfkit = (i: number) => renderDocument(documents[i % documents.length] as DocumentSnapshot);

  await timeEach(WARM_UP, renderPdfkit); // parse fonts, JIT
  const pdfkit = await timeEach(n, renderPdfkit);
  const rssMbPdfkit = mb(process.memoryUsage().rss);
  const holders: HolderFigures[] = [];
  for (const { holder, documents: docs } of holderSnapshots()) holders.push(await benchHolder(holder, docs, n));
  const chromium = await benchChromium(documents, n);

  const msPerDocPdfkit = summarise(pdfkit.ms);
  const msPerDocChromium = summarise(chromium.ms);
  return {
    documents: n,
    msPerDocPdfkit,
    msPerDocChromium,
    ratio: round(msPerDocChromium.p50 / msPerDocPdfkit.p50, 1),
    rssMbPdfkit,
    ...(chromium.pssMb === undefined ? {} : { rssMbChromium: chromium.pssMb }),
    bytesPerDoc: Math.round(mean(pdfkit.bytes)),
    bytesPerDocChromium: Math.round(mean(chromium.bytes)),
    holders,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPdf(), null, 2));
}
