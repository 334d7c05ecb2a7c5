// A pdfkit document that only knows our embedded fonts and writes text in any script.
// Lines are laid out here rather than by pdfkit's own wrapping, which only knows one
// font at a time and left-to-right order: each paragraph is split into font runs
// (text-runs.ts), resolved with the Unicode Bidirectional Algorithm, broken into lines
// at UAX #14 opportunities, and each line is drawn piece by piece in visual order.
import type { Font } from 'fontkit';
import LineBreaker from 'linebreak';
import PDFDocument from 'pdfkit';
import { drawnText, embeddingLevels, fontkitReverses, visualOrder } from './bidi-order.js';
import { fontKey, type FontFamily, type FontKey } from './font-files.js';
import { loadFont } from './fonts.js';
import { splitRuns } from './text-runs.js';

export interface Segment {
  text: string;
  bold?: boolean;
  color?: string;
}

export interface TextStyle {
  size: number;
  width: number;
  /** Font for script-neutral characters (Latin, digits): 'kr' for Korean sentences. */
  script?: 'sc' | 'kr';
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

// pdfkit 0.20 accepts a parsed fontkit Font wherever it takes a font (foliojs/pdfkit#1776),
// which avoids re-parsing 10 MB per document; @types/pdfkit only declares paths and bytes.
const asFontSource = (font: Font) => font as unknown as string;

export const INK = '#1a1a1a';

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
  _font: { layoutCache?: Record<string, unknown>; ascender: number };
}

/** A stretch of one line in one font, colour and bidi level, in logical order. */
interface Piece {
  text: string;
  font: FontKey;
  color: string;
  level: number;
  width: number;
}

const TRAILING_SPACE = /\s+$/u;

/** Families whose runs are shaped beyond one glyph per letter. */
const SHAPED: ReadonlySet<FontFamily> = new Set(['arabic', 'hebrew', 'thai', 'lao', 'khmer', 'myanmar', 'devanagari', 'bengali', 'gurmukhi', 'gujarati', 'oriya', 'tamil', 'telugu', 'kannada', 'malayalam', 'sinhala']);
const familyOf = (key: FontKey) => key.slice(0, key.lastIndexOf('-')) as FontFamily;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

// poppler reads ActualText in drawing order like glyphs and reverses right-to-left
// text itself, so a right-to-left run's text is given right to left.
const actualOrder = (piece: Piece) => (piece.level % 2 === 1 ? [...graphemes.segment(piece.text)].map((g) => g.segment).reverse().join('') : piece.text);

/** A PDF text string in UTF-16BE hex, as ActualText takes any Unicode. */
function utf16Hex(text: string): string {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return `FEFF${bytes.toString('hex').toUpperCase()}`;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<FontKey>();
  private readonly missing: string[] = [];

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

  /** Graphemes no embedded font could draw (printed as placeholder glyphs), for logging. */
  get missingGlyphs(): readonly string[] {
    return this.missing;
  }

  private useFont(key: FontKey): void {
    // Registered under the PostScript name so the constructor's default font is found by
    // name instead of being opened again and compared with pdfkit's slow isEqualFont.
    // pdfkit embeds (a subset of) a registered font only once text is drawn with it.
    const font = loadFont(key);
    const firstUse = !this.registered.has(key);
    if (firstUse) this.doc.registerFont(font.postscriptName, asFontSource(font));
    this.doc.font(font.postscriptName);
    if (firstUse) {
      (this.doc as unknown as PdfkitInternals)._font.layoutCache = sharedLayoutCache(key);
      this.registered.add(key);
    }
  }

  // An empty feature list makes pdfkit shape the run as a whole instead of word by word,
  // which would put right-to-left words in left-to-right order.
  private static features(piece: Pick<Piece, 'level' | 'text'>): [] | undefined {
    return fontkitReverses(piece.text, piece.level) ? [] : undefined;
  }

  private measure(piece: Omit<Piece, 'width'>, size: number): number {
    this.useFont(piece.font);
    const features = PdfWriter.features(piece);
    return this.doc.fontSize(size).widthOfString(piece.text, features ? { features } : {});
  }

  /** The content as pieces grouped into break-free words, in logical order. */
  private words(content: string | Segment[], style: TextStyle): Piece[][] {
    const segments = typeof content === 'string' ? [{ text: content }] : content;
    const text = segments.map((s) => s.text).join('');
    const attributes: { bold: boolean; color: string }[] = [];
    for (const segment of segments) {
      const attribute = { bold: segment.bold ?? style.bold ?? false, color: segment.color ?? style.color ?? INK };
      for (let i = 0; i < segment.text.length; i++) attributes.push(attribute);
    }
    const families: FontFamily[] = new Array<FontFamily>(text.length);
    for (const run of splitRuns(text, style.script ?? 'sc', { onMissing: (g) => this.missing.push(g) })) families.fill(run.family, run.start, run.end);
    const levels = embeddingLevels(text);

    const words: Piece[][] = [];
    const breaker = new LineBreaker(text);
    let start = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const pieces: Omit<Piece, 'width'>[] = [];
      for (let i = start; i < bk.position; i++) {
        const attribute = attributes[i] ?? { bold: false, color: INK };
        const font = fontKey(families[i] ?? 'sc', attribute.bold ? 'bold' : 'regular');
        const level = levels[i] ?? 0;
        const last = pieces.at(-1);
        const lowSurrogate = (text.charCodeAt(i) & 0xfc00) === 0xdc00;
        if (last && lowSurrogate) last.text += text[i];
        else if (last && last.font === font && last.color === attribute.color && last.level === level) last.text += text[i];
        else pieces.push({ text: text[i] ?? '', font, color: attribute.color, level });
      }
      words.push(pieces.map((piece) => ({ ...piece, width: this.measure(piece, style.size) })));
      start = bk.position;
    }
    return words;
  }

  private static width(pieces: Piece[]): number {
    return pieces.reduce((sum, piece) => sum + piece.width, 0);
  }

  /** A word without its trailing spaces: what must fit on a line. */
  private trimmed(word: Piece[], size: number): Piece[] {
    const last = word.at(-1);
    if (!last || !TRAILING_SPACE.test(last.text)) return word;
    const text = last.text.replace(TRAILING_SPACE, '');
    const rest = word.slice(0, -1);
    return text === '' ? this.trimmed(rest, size) : [...rest, { ...last, text, width: this.measure({ ...last, text }, size) }];
  }

  /** A word wider than a line broken between graphemes, as pdfkit does. */
  private chopped(word: Piece[], width: number, size: number): Piece[][] {
    const parts: Piece[][] = [[]];
    let used = 0;
    for (const piece of word) {
      for (const { segment } of graphemes.segment(piece.text)) {
        const part = { ...piece, text: segment, width: this.measure({ ...piece, text: segment }, size) };
        const current = parts.at(-1) ?? [];
        if (used + part.width > width && current.length > 0) {
          parts.push([part]);
          used = part.width;
        } else {
          current.push(part);
          used += part.width;
        }
      }
    }
    return parts;
  }

  /** Greedy line filling; each line is a list of pieces in logical order, trailing spaces dropped. */
  private lines(words: Piece[][], style: TextStyle, wrap: boolean): Piece[][] {
    if (!wrap) return [this.trimmed(words.flat(), style.size)];
    const lines: Piece[][] = [];
    let line: Piece[] = [];
    let used = 0;
    for (const word of words) {
      const fitting = PdfWriter.width(this.trimmed(word, style.size));
      if (line.length > 0 && used + fitting > style.width) {
        lines.push(this.trimmed(line, style.size));
        line = [];
        used = 0;
      }
      if (fitting > style.width) {
        const parts = this.chopped(word, style.width, style.size);
        for (const part of parts.slice(0, -1)) lines.push(part);
        line = parts.at(-1) ?? [];
      } else {
        line.push(...word);
      }
      used = PdfWriter.width(line);
    }
    if (line.length > 0 || lines.length === 0) lines.push(this.trimmed(line, style.size));
    return lines;
  }

  /**
   * Wraps the text object `draw` writes in a marked-content span carrying `actual`.
   * pdfkit's markContent would put the span around BT...ET, where poppler takes the
   * text position after ET (the page origin) and prints the span's text elsewhere, so
   * the operators go inside the text object, after its font and position are set.
   */
  private withActualText(actual: string | undefined, draw: () => void): void {
    if (actual === undefined) {
      draw();
      return;
    }
    const doc = this.doc as unknown as { addContent: (data: string) => unknown };
    const addContent = doc.addContent;
    let opened = false;
    doc.addContent = function (this: unknown, data: string) {
      if (data === 'ET' && opened) addContent.call(this, 'EMC');
      const result = addContent.call(this, data);
      if (!opened && data.endsWith(' Tf')) {
        addContent.call(this, `/Span <</ActualText <${utf16Hex(actual)}>>> BDC`);
        opened = true;
      }
      return result;
    };
    try {
      draw();
    } finally {
      doc.addContent = addContent;
    }
  }

  /** Neighbours in one font, colour and level joined: one text object, shaped as a whole. */
  private joined(pieces: Piece[], size: number): Piece[] {
    const result: Piece[] = [];
    for (const piece of pieces) {
      const last = result.at(-1);
      if (last && last.font === piece.font && last.color === piece.color && last.level === piece.level) last.text += piece.text;
      else result.push({ ...piece });
    }
    return result.map((piece) => ({ ...piece, width: this.measure(piece, size) }));
  }

  /** One line's pieces drawn left to right from x with their baselines on `baseline`. */
  private drawLine(pieces: Piece[], x: number, baseline: number, size: number): void {
    let left = x;
    for (const piece of visualOrder(pieces)) {
      const text = drawnText(piece.text, piece.level);
      const features = PdfWriter.features(piece);
      this.useFont(piece.font);
      // A shaped run's glyphs do not map back to its letters one to one (Arabic draws
      // ب and ن with one dotless glyph plus dots, Devanagari moves र् after the
      // consonant), so the run carries its logical text for copy-paste and readers.
      this.doc.fontSize(size).fillColor(piece.color);
      this.withActualText(SHAPED.has(familyOf(piece.font)) ? actualOrder(piece) : undefined, () =>
        this.doc.text(text, left, baseline, { lineBreak: false, baseline: 'alphabetic', ...(features ? { features } : {}) }),
      );
      left += piece.width;
    }
  }

  private layout(content: string | Segment[], x: number, y: number, style: TextStyle, wrap: boolean): number {
    // Line height and baseline come from the sentence's font whatever the line holds,
    // so a line with a Latin or Arabic name sits on the same grid as its neighbours.
    const sentenceFont = fontKey(style.script ?? 'sc', style.bold ? 'bold' : 'regular');
    this.useFont(sentenceFont);
    this.doc.fontSize(style.size);
    const lineHeight = this.doc.currentLineHeight(true) + (wrap ? (style.lineGap ?? 0) : 0);
    const ascent = ((this.doc as unknown as PdfkitInternals)._font.ascender / 1000) * style.size;

    const lines = this.lines(this.words(content, style), style, wrap).map((line) => this.joined(line, style.size));
    lines.forEach((pieces, i) => {
      const width = PdfWriter.width(pieces);
      const align = style.align ?? 'left';
      const left = align === 'left' ? x : align === 'center' ? x + (style.width - width) / 2 : x + style.width - width;
      this.drawLine(pieces, left, y + i * lineHeight + ascent, style.size);
    });
    return y + lines.length * lineHeight;
  }

  /** Wrapped text at (x, y), aligned within `width`; returns the y below it. */
  paragraph(content: string | Segment[], x: number, y: number, style: TextStyle): number {
    return this.layout(content, x, y, style, true);
  }

  /** One unwrapped line aligned within `width`; returns the y below it. */
  line(content: string | Segment[], x: number, y: number, style: TextStyle): number {
    return this.layout(content, x, y, style, false);
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
