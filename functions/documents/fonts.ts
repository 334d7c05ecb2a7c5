// Locates and parses the embedded TTF fonts. pdfkit's standard fonts (Helvetica...)
// are never used: they lack CJK glyphs and are not present in the Lambda bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

export type FontKey = 'sc-regular' | 'sc-bold' | 'kr-regular' | 'kr-bold';

/** File names expected in FONT_DIR (the Lambda bundle copies the package files there). */
export const BUNDLED_FONT_FILES: Record<FontKey, string> = {
  'sc-regular': 'NotoSansSC-Regular.ttf',
  'sc-bold': 'NotoSansSC-Bold.ttf',
  'kr-regular': 'NotoSansKR-Regular.ttf',
  'kr-bold': 'NotoSansKR-Bold.ttf',
};

const PACKAGE_FONT_FILES: Record<FontKey, string> = {
  'sc-regular': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'sc-bold': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'kr-regular': '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  'kr-bold': '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
};

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

// Parsed once per process: a CJK font is ~10 MB and re-parsing it costs ~25 ms per document.
const parsed = new Map<FontKey, Font>();

export function loadFont(key: FontKey): Font {
  let font = parsed.get(key);
  if (!font) {
    const path = fontPath(key);
    const opened = create(readFileSync(path));
    if (!('layout' in opened)) throw new Error(`${path} is a font collection; a single TTF font is required`);
    font = opened;
    parsed.set(key, font);
  }
  return font;
}
