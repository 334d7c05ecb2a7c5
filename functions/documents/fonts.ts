// Locates and parses the embedded TTF fonts. pdfkit's standard fonts (Helvetica...)
// are never used: they lack most scripts and are not present in the Lambda bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import { BUNDLED_FONT_FILES, PACKAGE_FONT_FILES, type FontKey } from './font-files.js';

export { BUNDLED_FONT_FILES, type FontKey } from './font-files.js';

/** FONT_DIR when set, else the package file in the nearest node_modules above the working directory. */
export function fontPath(key: FontKey): string {
  const fontDir = process.env.FONT_DIR;
  if (fontDir) return join(fontDir, BUNDLED_FONT_FILES[key]);
  const packageFile = PACKAGE_FONT_FILES[key];
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageFile);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Font ${packageFile} not found in any node_modules above ${process.cwd()}; set FONT_DIR to a folder holding ${BUNDLED_FONT_FILES[key]}`);
}

// Parsed on first need and kept for the process: a CJK font is 5-10 MB and re-reading it
// costs ~25 ms per document, while a document in one script never touches the others.
const parsed = new Map<FontKey, Font>();

export function loadFont(key: FontKey): Font {
  let font = parsed.get(key);
  if (!font) {
    const path = fontPath(key);
    const opened = create(readFileSync(path));
    if (!('layout' in opened)) throw new Error(`${path} is a font collection; a single TTF font is required`);
    font = opened;
    keepCodePoints(font);
    parsed.set(key, font);
  }
  return font;
}

/**
 * fontkit caches one Glyph object per glyph id with the characters it was first asked
 * for. The subsetter asks for the components of a composite glyph (the `r` in `ř`)
 * without characters, so in a later document that `r` would carry none: no ToUnicode
 * entry, and copy-paste or a screen reader would lose the letter. A glyph cached without
 * characters is made again when layout asks for it with characters.
 */
function keepCodePoints(font: Font): void {
  const glyphs = (font as unknown as { _glyphs: Record<number, { codePoints: number[] } | undefined> })._glyphs;
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    if (codePoints.length > 0 && glyphs[id]?.codePoints.length === 0) delete glyphs[id];
    return getGlyph(id, codePoints);
  };
}

/** The fonts this process has parsed so far (tests check a document loads only what it needs). */
export function loadedFonts(): FontKey[] {
  return [...parsed.keys()];
}
