import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

// Injected at the top of every Lambda bundle (esbuild `inject`, lib/bundling.ts).
// Stack traces of the minified bundle name our TypeScript files and lines, as
// NODE_OPTIONS=--enable-source-maps would, but the map is read when a stack is first
// formatted, not at cold start: --enable-source-maps makes Node read and parse the
// bundle's map (~400 KB) and index every line of the bundle on import, ~10 ms of
// every cold start (~20 % of a handler's), for traces that only unexpected errors
// print (functions/shared/http-errors.ts). The first such error pays it, once.
// Local runs and tests run the TypeScript itself and never load this module.

const bundleUrl = import.meta.url;
const bundleFile = bundleUrl.startsWith('file:') ? fileURLToPath(bundleUrl) : bundleUrl;

let map: SourceMap | null | undefined;

function sourceMap(): SourceMap | null {
  if (map !== undefined) return map;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')));
  } catch {
    map = null; // no map shipped: plain bundle positions
  }
  return map;
}

interface Entry {
  originalSource?: string;
  originalLine?: number;
  originalColumn?: number;
  name?: string;
}

/** The original position of a 1-based bundle position. */
function lookup(line: number, column: number): Entry | undefined {
  return sourceMap()?.findEntry(line - 1, column - 1) as Entry | undefined;
}

function inBundle(frame: NodeJS.CallSite): boolean {
  const file = frame.getFileName();
  return file === bundleUrl || file === bundleFile;
}

/** `at fn (functions/x.ts:12:5)` for frames in the bundle, V8's own text for the others. */
function frameText(frame: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string {
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!inBundle(frame) || line === null || column === null) return String(frame);
  const entry = lookup(line, column);
  if (!entry?.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return String(frame);
  // Sources are relative to the build directory; the project path is what a reader needs.
  const source = entry.originalSource.replace(/^(?:file:\/\/)?(?:.*?\/)?(?=(?:functions|node_modules)\/)/, '');
  const name = originalName(frame, caller) ?? frame.getFunctionName();
  const where = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const prefix = frame.isAsync() ? 'async ' : frame.isConstructor() ? 'new ' : '';
  return name ? `${prefix}${name} (${where})` : `${prefix}${where}`;
}

/**
 * The minified function name is useless. As Node's --enable-source-maps does: the
 * name mapped at the function's start, else the one mapped where its caller called it.
 */
function originalName(frame: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string | undefined {
  const site = frame as NodeJS.CallSite & { getEnclosingLineNumber?(): number | null; getEnclosingColumnNumber?(): number | null };
  const line = site.getEnclosingLineNumber?.();
  const column = site.getEnclosingColumnNumber?.();
  const own = line && column ? lookup(line, column)?.name : undefined;
  if (own) return own;
  const callerLine = caller?.getLineNumber();
  const callerColumn = caller?.getColumnNumber();
  return caller && inBundle(caller) && callerLine && callerColumn ? lookup(callerLine, callerColumn)?.name : undefined;
}

function header(error: unknown): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

// Node's own formatter (and whatever else set one) keeps traces that never pass through the bundle.
// (Node 20+ defines Error.prepareStackTrace; the typings say it may be absent.)
const fallback = Error.prepareStackTrace as ((error: Error, frames: NodeJS.CallSite[]) => unknown) | undefined;
Error.prepareStackTrace = (error, frames) =>
  fallback && !frames.some(inBundle) ? fallback(error, frames) : [header(error), ...frames.map((f, i) => `    at ${frameText(f, frames[i + 1])}`)].join('\n');
