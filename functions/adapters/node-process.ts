// Bundled IN PLACE OF node:process (an esbuild alias, lib/bundling.ts); only
// @aws-sdk/core imports it (`env`, `versions` for the user agent). These are the
// properties of the global `process`, the same object node:process exports, but
// importing node:process as an ES module makes Node build its module facade by
// reading every property of `process`, which runs its lazy getters (the allowed-flags
// set, the report API...): ~5 ms of CPU at every cold start for two values.
// A name missing here fails the bundle build (esbuild: no matching export).

export const { env, versions } = process;
export default process;
