import { deepFreeze } from './deep-freeze.js';
import { sameOverrides } from './override-hash.js';
import type { ResolvedConfig } from './resolved-config.js';

interface CacheEntry {
  readonly config: ResolvedConfig;
  readonly bucket: Bucket;
  /** The hash of the request overrides, or undefined for a resolve without overrides. */
  readonly hash: number | undefined;
  /** A frozen copy of the request overrides, to confirm a hash hit. */
  readonly overrides: unknown;
  live: boolean;
}

/** The cached configs of one (provider, publisher) pair. */
interface Bucket {
  plain: CacheEntry | undefined;
  /** Entries with request overrides, by the hash of their content (collisions share a list). */
  readonly byHash: Map<number, CacheEntry[]>;
  /** Request override objects seen before, by identity: a hit costs no hashing. */
  readonly byIdentity: WeakMap<object, CacheEntry>;
}

/**
 * The resolved configs of one `ConfigResolver`, by provider, then publisher (`''` for none), then
 * request overrides (by identity, or by content hash confirmed with a comparison). Bounded: when
 * full, the oldest entry is dropped.
 */
export class ResolvedConfigCache {
  readonly #buckets = new Map<string, Map<string, Bucket>>();
  /** Every live entry, oldest first. */
  readonly #order = new Set<CacheEntry>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  get size(): number {
    return this.#order.size;
  }

  /** The fast lookup: no overrides, or an overrides object seen before. */
  get(provider: string, publisher: string, overrides: object | undefined): ResolvedConfig | undefined {
    const bucket = this.#buckets.get(provider)?.get(publisher);
    if (bucket === undefined) return undefined;
    if (overrides === undefined) return bucket.plain?.config;
    const entry = bucket.byIdentity.get(overrides);
    return entry?.live === true ? entry.config : undefined;
  }

  /**
   * The lookup of new overrides objects by content. A hit does not record the object by identity:
   * most callers build a new overrides object per request, and a WeakMap entry per object would
   * cost more than it saves.
   */
  getByContent(provider: string, publisher: string, overrides: unknown, hash: number): ResolvedConfig | undefined {
    const candidates = this.#buckets.get(provider)?.get(publisher)?.byHash.get(hash);
    if (candidates === undefined) return undefined;
    for (const entry of candidates) if (sameOverrides(entry.overrides, overrides)) return entry.config;
    return undefined;
  }

  set(provider: string, publisher: string, overrides: unknown, hash: number | undefined, config: ResolvedConfig): void {
    if (this.#max === 0) return;
    while (this.#order.size >= this.#max) this.#forget(this.#order.values().next().value as CacheEntry);
    let publishers = this.#buckets.get(provider);
    if (publishers === undefined) {
      publishers = new Map();
      this.#buckets.set(provider, publishers);
    }
    let bucket = publishers.get(publisher);
    if (bucket === undefined) {
      bucket = { plain: undefined, byHash: new Map(), byIdentity: new WeakMap() };
      publishers.set(publisher, bucket);
    }
    const copy = hash === undefined ? undefined : deepFreeze(structuredClone(overrides));
    const entry: CacheEntry = { config, bucket, hash, overrides: copy, live: true };
    if (hash === undefined) bucket.plain = entry;
    else {
      const list = bucket.byHash.get(hash);
      if (list === undefined) bucket.byHash.set(hash, [entry]);
      else list.push(entry);
      if (typeof overrides === 'object' && overrides !== null) bucket.byIdentity.set(overrides, entry);
    }
    this.#order.add(entry);
  }

  clear(): void {
    for (const entry of this.#order) entry.live = false;
    this.#order.clear();
    this.#buckets.clear();
  }

  /** Drops every entry of a provider. */
  dropProvider(provider: string): void {
    const publishers = this.#buckets.get(provider);
    if (publishers === undefined) return;
    for (const bucket of publishers.values()) this.#forgetBucket(bucket);
    this.#buckets.delete(provider);
  }

  /** Drops every entry of a publisher, whatever the provider. */
  dropPublisher(publisher: string): void {
    for (const publishers of this.#buckets.values()) {
      const bucket = publishers.get(publisher);
      if (bucket === undefined) continue;
      this.#forgetBucket(bucket);
      publishers.delete(publisher);
    }
  }

  #forget(entry: CacheEntry): void {
    entry.live = false;
    this.#order.delete(entry);
    if (entry.hash === undefined) {
      if (entry.bucket.plain === entry) entry.bucket.plain = undefined;
      return;
    }
    const rest = entry.bucket.byHash.get(entry.hash)?.filter((other) => other !== entry) ?? [];
    if (rest.length > 0) entry.bucket.byHash.set(entry.hash, rest);
    else entry.bucket.byHash.delete(entry.hash);
  }

  #forgetBucket(bucket: Bucket): void {
    if (bucket.plain !== undefined) this.#forget(bucket.plain);
    for (const list of [...bucket.byHash.values()]) for (const entry of list) this.#forget(entry);
  }
}
