import { BUNDLED_FONT_FILES, PACKAGE_FONT_FILES, type FontKey } from '../functions/documents/font-files.js';
import { VENDOR_FILES } from '../functions/web/vendor-files.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openApiJson } from '../functions/openapi.js';
import type { CopyFile } from './copy-files.js';
import { PROJECT_ROOT } from './project-paths.js';

// Per-handler extras that esbuild cannot infer: files copied into the bundle and
// the environment variables that tell the code where they are. Keyed by the
// handler name used in functions/routes.ts (routes and jobs). A handler opts in
// by appearing here; test/cdk/handler-assets.test.ts fails when a handler whose
// code reaches the fonts or the web files is missing.

export interface HandlerAssets {
  copyFiles?: readonly CopyFile[];
  /** Added to the standard environment (TABLE_NAME, LOG_LEVEL, ...); may not redefine it. */
  environment?: Readonly<Record<string, string>>;
  /** Writes a generated file that copyFiles then copies (run at synth, before the copy is checked). */
  prepare?: () => void;
}

/** Where the bundle lands in the Lambda (LAMBDA_TASK_ROOT). */
const TASK_ROOT = '/var/task';

/** Package font file -> name functions/documents/fonts.ts expects in FONT_DIR (BUNDLED_FONT_FILES). */
export const FONT_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  (Object.keys(BUNDLED_FONT_FILES) as FontKey[]).map((key) => [`node_modules/${PACKAGE_FONT_FILES[key]}`, BUNDLED_FONT_FILES[key]]),
);

/**
 * The Noto fonts documents are rendered with, every script a name can be in (~65 MB,
 * ~45 MB of it the four CJK families; the zipped bundle stays below Lambda's limits).
 * A document parses and embeds only the fonts its text needs.
 */
export const PDF_FONTS: HandlerAssets = {
  copyFiles: Object.entries(FONT_FILES).map(([from, name]) => ({ from, to: `fonts/${name}` })),
  environment: { FONT_DIR: `${TASK_ROOT}/fonts` },
};

/** The staff web form and the API reference (web/, no build step, and the npm files they use) served by functions/web/static-assets.ts. */
export const WEB_FILES: HandlerAssets = {
  copyFiles: [{ from: 'web', to: 'web' }, ...Object.entries(VENDOR_FILES).map(([name, from]) => ({ from, to: `web/${name}` }))],
  environment: { WEB_DIR: `${TASK_ROOT}/web` },
};

/** Where the synth writes the generated OpenAPI document (.cdk/ is git-ignored). */
export const OPENAPI_FILE = '.cdk/openapi.json';

/**
 * GET /openapi.json ships the document prebuilt by functions/openapi.ts, the same
 * generator the local stack runs on its first request: the function then starts
 * without constructing the zod schemas of every route (functions/handlers/get-openapi.ts).
 */
export const OPENAPI_DOCUMENT: HandlerAssets = {
  copyFiles: [{ from: OPENAPI_FILE, to: 'openapi.json' }],
  prepare: () => {
    const file = join(PROJECT_ROOT, OPENAPI_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, openApiJson());
  },
};

export const handlerAssets: Readonly<Record<string, HandlerAssets>> = {
  'web-assets': WEB_FILES,
  'get-openapi': OPENAPI_DOCUMENT,
  // Every handler whose bundle keeps functions/documents/fonts.ts (the ones that render PDFs).
  // Release and reissue only store snapshots: any text prints, so they need no glyph check.
  'get-stay-document': PDF_FONTS,
  'download-document': PDF_FONTS,
  // The person's own page downloads the documents of the released stay (rendered from their snapshots).
  'me-document': PDF_FONTS,
};
