import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';

// Where the local provider keeps its sessions, grants, codes and refresh tokens:
// one map for the process, written to DIR/oidc-state.json (mode 600, replaced
// atomically, expired entries dropped) so a restart of `npm start` does not sign
// everyone out, or memory only for --in-memory. Revoking a grant (sign-out,
// refresh token reuse) removes every token issued under it.

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms; absent: no expiry. */
  expiresAt?: number;
}

export interface ProviderState {
  adapter: new (model: string) => Adapter;
  flush(): void;
}

export function providerState(path: string | undefined): ProviderState {
  const entries = new Map<string, Entry>();
  if (path && existsSync(path)) {
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, Entry>)) entries.set(k, v);
  }
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!path) return;
    const now = Date.now();
    const live: Record<string, Entry> = {};
    for (const [k, v] of entries) if (v.expiresAt === undefined || v.expiresAt > now) live[k] = v;
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(live), { mode: 0o600 });
    renameSync(tmp, path);
  };
  const changed = () => {
    if (path && !timer) timer = setTimeout(flush, 200).unref();
  };
  const get = (key: string): AdapterPayload | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt !== undefined && e.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return e.payload;
  };

  class StateAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      entries.set(this.key(id), { payload, ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}) });
      if (this.model === 'Session' && payload.uid) entries.set(`SessionUid:${payload.uid}`, { payload: { id } as AdapterPayload, ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}) });
      changed();
    }
    async find(id: string) {
      return get(this.key(id));
    }
    async findByUid(uid: string) {
      const ref = get(`SessionUid:${uid}`) as { id?: string } | undefined;
      return ref?.id ? get(`Session:${ref.id}`) : undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const p = get(this.key(id));
      if (p) p.consumed = Math.floor(Date.now() / 1000);
      changed();
    }
    async destroy(id: string) {
      entries.delete(this.key(id));
      changed();
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, e] of entries) if (e.payload.grantId === grantId) entries.delete(k);
      changed();
    }
  }

  return { adapter: StateAdapter, flush };
}
