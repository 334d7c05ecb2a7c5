// fontkit ships no types. Declares only what the document renderer uses; fontkit is
// pdfkit's own font engine, imported directly so each font is parsed once per process.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
