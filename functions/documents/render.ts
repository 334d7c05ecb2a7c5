// Renders a document snapshot to PDF: pure (no I/O besides the cached fonts) and
// deterministic (same snapshot, same bytes), so an issued document can be re-created
// and its hash checked at any time.
import { scriptOf as unicodeScript } from '../domain/name-text.js';
import { logger } from '../shared/logger.js';
import { composeDocument, type DocumentContent, type Field, type LocalizedText } from './content.js';
import { INK, PdfWriter } from './pdf-writer.js';
import { qrMatrix } from './qr.js';
import type { DocumentSnapshot } from './snapshot.js';
import { assertRenderable } from './validate-snapshot.js';

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = { side: 50, top: 46, bottom: 34 };
const LEFT = MARGIN.side;
const RIGHT = PAGE.width - MARGIN.side;
const CONTENT_WIDTH = RIGHT - LEFT;
const MUTED = '#5f6368';
const ACCENT = '#9b1c1c';
const QR_SIZE = 82;
const FOOTER_HEIGHT = 100;
const FOOTER_TOP = PAGE.height - MARGIN.bottom - FOOTER_HEIGHT;
/** The box the seal is stamped on (a round seal of 38 mm fits). */
const SEAL = { width: 210, height: FOOTER_HEIGHT + 2 };

const scriptOf = (t: LocalizedText) => (t.language === 'ko' ? 'kr' : 'sc');

function rule(w: PdfWriter, y: number, width: number, color = INK): void {
  w.doc.lineWidth(width).moveTo(LEFT, y).lineTo(RIGHT, y).stroke(color);
}

function drawTitle(w: PdfWriter, c: DocumentContent): number {
  let y = MARGIN.top;
  for (const [i, t] of c.title.entries()) {
    y = w.line(t.text, LEFT, y, { size: i === 0 ? 19 : 12, bold: true, width: CONTENT_WIDTH, align: 'center', script: scriptOf(t) });
  }
  y = w.line([{ text: `${c.documentNo.label}  `, color: MUTED }, { text: c.documentNo.value, bold: true }], LEFT, y + 4, {
    size: 9,
    width: CONTENT_WIDTH,
    align: 'center',
  });
  rule(w, y + 4, 1.2, ACCENT);
  rule(w, y + 6.5, 0.4, ACCENT);
  return y + 16;
}

function drawHeading(w: PdfWriter, text: string, y: number): number {
  w.doc.rect(LEFT, y + 2, 3, 10).fill(ACCENT);
  return w.line(text, LEFT + 9, y, { size: 10, bold: true, width: CONTENT_WIDTH - 9 }) + 3;
}

/** Labels of a row first, then all its values on one baseline even if a label wrapped. */
function drawFieldRow(w: PdfWriter, row: { field: Field; x: number; width: number }[], y: number): number {
  const valuesTop = Math.max(...row.map(({ field, x, width }) => w.paragraph(field.label, x, y, { size: 7, color: MUTED, width })));
  return Math.max(
    ...row.map(({ field, x, width }) =>
      field.lines.reduce((top, line, i) => {
        const strong = i === 0 && field.strong === true;
        return w.paragraph(line, x, top, { size: strong ? 11.5 : 10, bold: strong, width });
      }, valuesTop + 1),
    ),
  );
}

/** Fields flow left to right on a six-column grid. */
function drawFields(w: PdfWriter, fields: Field[], y: number): number {
  const unit = CONTENT_WIDTH / 6;
  const rows: { field: Field; x: number; width: number }[][] = [];
  let column = 6;
  for (const field of fields) {
    if (column + field.span > 6 + 1e-9) {
      rows.push([]);
      column = 0;
    }
    rows.at(-1)?.push({ field, x: LEFT + column * unit, width: field.span * unit - 10 });
    column += field.span;
  }
  for (const row of rows) y = drawFieldRow(w, row, y) + 6;
  return y + 4;
}

function drawStatement(w: PdfWriter, c: DocumentContent, y: number): number {
  const top = y;
  for (const t of c.statement) {
    y = w.paragraph(t.text, LEFT + 12, y, { size: t.language === 'zh' ? 9.5 : 8.5, lineGap: 2, width: CONTENT_WIDTH - 12, script: scriptOf(t) }) + 5;
  }
  w.doc.rect(LEFT, top + 2, 2, y - top - 7).fill(ACCENT);
  return y + 8;
}

/** A ruled table without fills, so each row can be measured after it is drawn. */
function drawTests(w: PdfWriter, c: DocumentContent, y: number): number {
  y = drawHeading(w, c.testsHeading, y) + 2;
  const totalWeight = c.testColumns.reduce((sum, col) => sum + col.weight, 0);
  const widths = c.testColumns.map((col) => (col.weight / totalWeight) * CONTENT_WIDTH);
  const lefts = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cell = (i: number) => ({ x: (lefts[i] ?? 0) + 4, width: (widths[i] ?? 0) - 8 });

  rule(w, y, 0.8);
  const headerBottom = c.testColumns.map((col, i) =>
    col.heading.reduce(
      (top, h, j) => w.line(h.text, cell(i).x, top, { size: j === 0 ? 8 : 7, bold: j === 0, color: j === 0 ? INK : MUTED, width: cell(i).width, script: scriptOf(h) }),
      y + 4,
    ),
  );
  y = Math.max(...headerBottom) + 3;
  rule(w, y, 0.5);
  for (const [r, row] of c.testRows.entries()) {
    y = Math.max(...row.map((text, i) => w.paragraph(text, cell(i).x, y + 4, { size: 9, width: cell(i).width }))) + 3;
    rule(w, y, r === c.testRows.length - 1 ? 0.8 : 0.25);
  }
  return y;
}

/**
 * QR code bottom left with its caption, URL and the verification note beside it; on
 * the right the box the authority's seal is stamped on, holding the issuer, the date
 * and the signing officer's line (a seal is pressed over the issuer's name).
 */
function drawFooter(w: PdfWriter, c: DocumentContent): void {
  rule(w, FOOTER_TOP - 10, 0.4, MUTED);
  const boxLeft = RIGHT - SEAL.width;
  const inner = { x: boxLeft + 7, width: SEAL.width - 14 };

  w.doc.lineWidth(0.6).dash(3, { space: 2 }).rect(boxLeft, FOOTER_TOP - 2, SEAL.width, SEAL.height).stroke(MUTED);
  w.doc.undash();
  let y = w.paragraph(c.seal.box, inner.x, FOOTER_TOP + 2, { size: 6.5, color: MUTED, width: inner.width }) + 3;
  y = c.issuedBy.lines.reduce((top, line, i) => w.paragraph(line, inner.x, top, { size: i === 0 ? 10 : 8.5, bold: i === 0, width: inner.width }), y) + 3;
  y = w.paragraph(c.issueDate.label, inner.x, y, { size: 6.5, color: MUTED, width: inner.width });
  w.paragraph(c.issueDate.lines.join(' '), inner.x, y, { size: 9, width: inner.width });
  // The officer signs above the line; its label sits below it.
  const signLine = FOOTER_TOP - 2 + SEAL.height - 15;
  w.doc.lineWidth(0.5).moveTo(inner.x, signLine).lineTo(inner.x + inner.width, signLine).stroke(MUTED);
  w.line(c.seal.officer, inner.x, signLine + 2, { size: 6.5, color: MUTED, width: inner.width });

  const qr = qrMatrix(c.verifyUrl);
  const module = QR_SIZE / qr.size;
  for (const run of qr.runs) w.doc.rect(LEFT + run.col * module, FOOTER_TOP + run.row * module, run.length * module, module);
  w.doc.fill(INK); // one path for all modules: no hairline seams between them

  const textLeft = LEFT + QR_SIZE + 10;
  const textWidth = boxLeft - 14 - textLeft;
  y = w.paragraph(c.verifyCaption, textLeft, FOOTER_TOP, { size: 7.5, bold: true, width: textWidth });
  y = w.paragraph(c.verifyUrl, textLeft, y + 1, { size: 6.5, color: MUTED, width: textWidth }) + 5;
  for (const t of c.note) y = w.paragraph(t.text, textLeft, y, { size: 6.5, color: MUTED, width: textWidth, script: scriptOf(t) }) + 1;
}

export async function renderDocument(s: DocumentSnapshot): Promise<Buffer> {
  assertRenderable(s);
  const c = composeDocument(s);
  const w = new PdfWriter(c.meta);

  let y = drawTitle(w, c);
  for (const section of c.sections) y = drawFields(w, section.fields, drawHeading(w, section.heading, y));
  y = drawStatement(w, c, y);
  y = drawTests(w, c, y);
  if (y > FOOTER_TOP - 12) {
    // A long test history moves the footer (seal box, QR code) to a page of its own, which names the document again.
    w.doc.addPage();
    w.line([{ text: `${c.documentNo.label}  `, color: MUTED }, { text: c.documentNo.value, bold: true }], LEFT, MARGIN.top, { size: 9, width: CONTENT_WIDTH, align: 'right' });
  }
  drawFooter(w, c);
  if (w.missingGlyphs.length > 0) {
    // The characters are part of a name or address: log only their scripts and count.
    const scripts = [...new Set(w.missingGlyphs.map((g) => unicodeScript(String.fromCodePoint(g.codePointAt(0) ?? 0))))];
    logger.warn('document printed with placeholder glyphs', { code: 'GLYPH_MISSING', documentId: s.documentId, count: w.missingGlyphs.length, scripts });
  }
  return w.toBuffer();
}
