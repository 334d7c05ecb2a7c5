import { VENDOR_FILES } from '../functions/web/vendor-files.js';
import type { CopyFile } from './copy-files.js';

// Per-handler extras that esbuild cannot infer: files copied into the bundle and
// the environment variables that tell the code where they are. Keyed by the
// handler name used in functions/routes.ts (routes and jobs). A handler opts in
// by appearing here; test/cdk/handler-assets.test.ts fails when a handler whose
// code reaches the fonts or the web files is missing.

export interface HandlerAssets {
  copyFiles?: readonly CopyFile[];
  /** Added to the standard environment (TABLE_NAME, LOG_LEVEL, ...); may not redefine it. */
  environment?: Readonly<Record<string, string>>;
}

/** Where the bundle lands in the Lambda (LAMBDA_TASK_ROOT). */
const TASK_ROOT = '/var/task';

/** Package font file -> name functions/documents/fonts.ts expects in FONT_DIR (BUNDLED_FONT_FILES). */
export const FONT_FILES: Readonly<Record<string, string>> = {
  'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf': 'NotoSansSC-Regular.ttf',
  'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf': 'NotoSansSC-Bold.ttf',
  'node_modules/@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf': 'NotoSansKR-Regular.ttf',
  'node_modules/@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf': 'NotoSansKR-Bold.ttf',
};

/** The CJK fonts documents are rendered with (~33 MB; the zipped bundle stays far below Lambda's limits). */
export const PDF_FONTS: HandlerAssets = {
  copyFiles: Object.entries(FONT_FILES).map(([from, name]) => ({ from, to: `fonts/${name}` })),
  environment: { FONT_DIR: `${TASK_ROOT}/fonts` },
};

/** The staff web form and the API reference (web/, no build step, and the npm files they use) served by functions/web/static-assets.ts. */
export const WEB_FILES: HandlerAssets = {
  copyFiles: [{ from: 'web', to: 'web' }, ...Object.entries(VENDOR_FILES).map(([name, from]) => ({ from, to: `web/${name}` }))],
  environment: { WEB_DIR: `${TASK_ROOT}/web` },
};

export const handlerAssets: Readonly<Record<string, HandlerAssets>> = {
  'web-assets': WEB_FILES,
  // Every handler whose bundle keeps functions/documents/fonts.ts (the ones that render PDFs):
  'release-stay': PDF_FONTS,
  'get-stay-document': PDF_FONTS,
  'reissue-document': PDF_FONTS,
  'issue-document': PDF_FONTS,
  'download-document': PDF_FONTS,
};
