// Bundled IN PLACE OF node:stream/web (an esbuild alias, lib/bundling.ts). Only
// @middy/core imports it, for one `instanceof ReadableStream` on the streaming-
// response path (`streamifyResponse`), which no handler of ours takes. Importing
// the module makes Node compile its whole web-streams implementation at cold
// start (~5 ms of every handler's import); the global `ReadableStream` is the same
// class and Node loads it only when first touched, which this defers to the test.

export const ReadableStream = class {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.ReadableStream;
  }
};
