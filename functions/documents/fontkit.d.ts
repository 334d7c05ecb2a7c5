// fontkit ships no types. Declares only what the document renderer uses; fontkit is
// pdfkit's own font engine, imported directly so each font is parsed once per process.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly codePoints: number[];
  }
  export interface Font {
    readonly postscriptName: string;
    getGlyph(id: number, codePoints?: number[]): Glyph | null;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
