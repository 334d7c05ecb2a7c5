// Bundled IN PLACE OF mnemonist/lru-cache (an esbuild alias, lib/bundling.ts). The
// DynamoDB client always builds an endpoint-discovery cache on it, though discovery
// is off for DynamoDB unless asked for; this Map keeps the same LRU behaviour for
// the five methods @aws-sdk/endpoint-cache calls, without the ~5 KB library.

export default class LRUCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key) as V;
    // Most recently used last: Map keeps insertion order.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
