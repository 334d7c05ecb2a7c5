// oidc-provider is loaded only when a stack starts (never for `--help` or a bad
// option), and its import-time "Unsupported runtime" line is dropped: it asks for
// Node 22 LTS, but the provider runs here only on the desk PC, on Node >= 20 as the
// project's engines say, and its tests pass there. Any other warning still prints.
import type * as ProviderModule from './provider.js';

const RUNTIME_WARNING = 'oidc-provider WARNING: Unsupported runtime';

export async function loadLocalProvider(): Promise<typeof ProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(RUNTIME_WARNING)) return;
    warn(...args);
  };
  try {
    return await import('./provider.js');
  } finally {
    console.warn = warn;
  }
}
