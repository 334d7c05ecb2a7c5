// Reading text back from pdftotext output. Shaped runs (Arabic, Hebrew, Thai, Indic...)
// carry their logical text as ActualText (pdf-writer.ts), because their glyphs do not
// map back to letters one to one; poppler then prints them in logical order, but wraps
// right-to-left text in embedding marks (U+202B ... U+202C) and may move a neighbouring
// bracket inside them. So marks are dropped and text compared in NFC.
export function readable(extracted: string): string {
  return extracted.normalize('NFC').replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}
