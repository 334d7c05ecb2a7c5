// A pdfkit document that only knows our embedded fonts and writes mixed-script text.
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { loadFont, type FontKey } from './fonts.js';
import { splitRuns, type Script } from './text-runs.js';

export interface Segment {
  text: string;
  bold?: boolean;
  color?: string;
}

export interface TextStyle {
  size: number;
  width: number;
  /** Font for script-neutral characters (Latin, digits): 'kr' for Korean sentences. */
  script?: Script;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

// pdfkit 0.20 accepts a parsed fontkit Font wherever it takes a font (foliojs/pdfkit#1776),
// which avoids re-parsing 10 MB per document; @types/pdfkit only declares paths and bytes.
const asFontSource = (font: Font) => font as unknown as string;

export const INK = '#1a1a1a';

const fontKey = (script: Script, bold: boolean): FontKey => `${script}-${bold ? 'bold' : 'regular'}`;

// pdfkit caches text layout (fontkit shaping, ~0.1 ms per word for CJK fonts) per
// document, on the internal `_font.layoutCache` of pdfkit 0.20; sharing it across
// documents cuts render time 2-4x (Korean documents: ~85 ms to ~20 ms). pdfkit never
// mutates a cached run, and the cache holds no per-document state. Reset now and then so
// unique words (names, numbers) cannot accumulate in a warm Lambda.
const LAYOUT_CACHE_DOCUMENTS = 200;
let layoutCaches = new Map<FontKey, Record<string, unknown>>();
let documentsSinceReset = 0;

function sharedLayoutCache(key: FontKey): Record<string, unknown> {
  let cache = layoutCaches.get(key);
  if (!cache) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(key, cache);
  }
  return cache;
}

interface PdfkitInternals {
  _font: { layoutCache?: Record<string, unknown> };
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<FontKey>();

  constructor(meta: { title: string; issuedAt: Date }) {
    if (++documentsSinceReset > LAYOUT_CACHE_DOCUMENTS) {
      layoutCaches = new Map();
      documentsSinceReset = 1;
    }
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      // Our own font from the start: the default would load Helvetica, absent from the bundle.
      font: asFontSource(loadFont('sc-regular')),
      // Fixed dates and producer make the output, and the trailer /ID hashed from them, reproducible.
      info: { Title: meta.title, Producer: 'quarantine-desk', Creator: 'quarantine-desk', CreationDate: meta.issuedAt, ModDate: meta.issuedAt },
      lang: 'zh-CN',
      displayTitle: true,
    });
  }

  private useFont(key: FontKey): void {
    // Registered under the PostScript name so the constructor's default font is found by
    // name instead of being opened again and compared with pdfkit's slow isEqualFont.
    const font = loadFont(key);
    const firstUse = !this.registered.has(key);
    if (firstUse) this.doc.registerFont(font.postscriptName, asFontSource(font));
    this.doc.font(font.postscriptName);
    if (firstUse) {
      (this.doc as unknown as PdfkitInternals)._font.layoutCache = sharedLayoutCache(key);
      this.registered.add(key);
    }
  }

  private pieces(content: string | Segment[], style: TextStyle) {
    const segments = typeof content === 'string' ? [{ text: content }] : content;
    return segments.flatMap((segment) =>
      splitRuns(segment.text, style.script ?? 'sc').map((run) => ({
        text: run.text,
        font: fontKey(run.script, segment.bold ?? style.bold ?? false),
        color: segment.color ?? style.color ?? INK,
      })),
    );
  }

  /**
   * Wrapped text at (x, y); returns the y below it. Font changes use pdfkit's
   * `continued`, which only lays out correctly left-aligned, so centred or right-aligned
   * paragraphs must be in one font.
   */
  paragraph(content: string | Segment[], x: number, y: number, style: TextStyle): number {
    const pieces = this.pieces(content, style);
    const align = style.align ?? 'left';
    if (pieces.length > 1 && align !== 'left') throw new Error(`Mixed-font paragraph cannot be ${align}-aligned`);
    const options = { width: style.width, align, lineGap: style.lineGap ?? 0 };
    this.doc.fontSize(style.size);
    pieces.forEach((piece, i) => {
      this.useFont(piece.font);
      this.doc.fillColor(piece.color);
      const continued = i < pieces.length - 1;
      if (i === 0) this.doc.text(piece.text, x, y, { ...options, continued });
      else this.doc.text(piece.text, { ...options, continued });
    });
    return this.doc.y;
  }

  /** One unwrapped line aligned within `width`, pieces placed by measured width; returns the y below it. */
  line(content: string | Segment[], x: number, y: number, style: TextStyle): number {
    const pieces = this.pieces(content, style).map((piece) => {
      this.useFont(piece.font);
      return { ...piece, width: this.doc.fontSize(style.size).widthOfString(piece.text) };
    });
    const total = pieces.reduce((sum, piece) => sum + piece.width, 0);
    const align = style.align ?? 'left';
    let left = align === 'left' ? x : align === 'center' ? x + (style.width - total) / 2 : x + style.width - total;
    for (const piece of pieces) {
      this.useFont(piece.font);
      this.doc.fillColor(piece.color).text(piece.text, left, y, { lineBreak: false });
      left += piece.width;
    }
    return y + this.doc.currentLineHeight(true);
  }

  toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
