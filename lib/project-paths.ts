import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Absolute paths so synth works from any working directory (cdk CLI, vitest, an IDE).
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LOCK_FILE = join(PROJECT_ROOT, 'package-lock.json');
export const TSCONFIG = join(PROJECT_ROOT, 'tsconfig.json');

/** The source file of a handler named in functions/routes.ts (routes and jobs alike). */
export function handlerEntry(handler: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(handler)) throw new Error(`Handler name "${handler}" must be a kebab-case file name under functions/handlers/`);
  const entry = join(PROJECT_ROOT, 'functions', 'handlers', `${handler}.ts`);
  if (!existsSync(entry)) throw new Error(`Handler "${handler}" has no file ${relative(PROJECT_ROOT, entry)}`);
  return entry;
}

/** A relative path that stays inside its root: copy hooks must not read or write elsewhere. */
export function assertInside(path: string, what: string): string {
  const clean = normalize(path);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith('../') || clean === '.') {
    throw new Error(`${what} "${path}" must be a relative path inside its root`);
  }
  return clean;
}
