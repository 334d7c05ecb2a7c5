// The embedded font families and where their files are: the npm packages in
// development, FONT_DIR in a Lambda bundle (lib/handler-assets.ts copies them there).
// No fontkit import, so the CDK app can read the table without loading a font engine.

/** Noto Sans families; `latin` is Noto Sans itself (Latin, Greek, Cyrillic, Vietnamese). */
const FAMILIES = {
  sc: 'NotoSansSC',
  kr: 'NotoSansKR',
  hk: 'NotoSansHK', // HKSCS characters such as 𨋢 U+282E2
  jp: 'NotoSansJP', // kana, and Extension B characters such as 𠮷 U+20BB7
  latin: 'NotoSans',
  arabic: 'NotoSansArabic',
  hebrew: 'NotoSansHebrew',
  thai: 'NotoSansThai',
  lao: 'NotoSansLao',
  khmer: 'NotoSansKhmer',
  myanmar: 'NotoSansMyanmar',
  devanagari: 'NotoSansDevanagari',
  bengali: 'NotoSansBengali',
  gurmukhi: 'NotoSansGurmukhi',
  gujarati: 'NotoSansGujarati',
  oriya: 'NotoSansOriya',
  tamil: 'NotoSansTamil',
  telugu: 'NotoSansTelugu',
  kannada: 'NotoSansKannada',
  malayalam: 'NotoSansMalayalam',
  sinhala: 'NotoSansSinhala',
  georgian: 'NotoSansGeorgian',
  armenian: 'NotoSansArmenian',
  ethiopic: 'NotoSansEthiopic',
} as const;

export type FontFamily = keyof typeof FAMILIES;
export type FontWeight = 'regular' | 'bold';
export type FontKey = `${FontFamily}-${FontWeight}`;

export const FONT_FAMILIES = Object.keys(FAMILIES) as FontFamily[];

const WEIGHTS: Record<FontWeight, { bundled: string; expo: string }> = {
  regular: { bundled: 'Regular', expo: '400Regular' },
  bold: { bundled: 'Bold', expo: '700Bold' },
};

export const fontKey = (family: FontFamily, weight: FontWeight): FontKey => `${family}-${weight}`;

function table(name: (stem: string, weight: { bundled: string; expo: string }) => string): Record<FontKey, string> {
  const entries = FONT_FAMILIES.flatMap((family) =>
    (Object.keys(WEIGHTS) as FontWeight[]).map((weight) => [fontKey(family, weight), name(FAMILIES[family], WEIGHTS[weight])]),
  );
  return Object.fromEntries(entries) as Record<FontKey, string>;
}

/** File names expected in FONT_DIR. */
export const BUNDLED_FONT_FILES = table((stem, w) => `${stem}-${w.bundled}.ttf`);

/** The same files as the @expo-google-fonts packages ship them, relative to node_modules. */
export const PACKAGE_FONT_FILES = table((stem, w) => {
  const pkg = stem.replace(/^NotoSans/, 'noto-sans').replace(/(?<=noto-sans)([A-Z][a-z]+|[A-Z]{2})$/, (m) => `-${m.toLowerCase()}`);
  return `@expo-google-fonts/${pkg}/${w.expo}/${stem}_${w.expo}.ttf`;
});
