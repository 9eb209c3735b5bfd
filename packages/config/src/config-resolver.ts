import { BUILT_IN_PROFILES } from './built-in-profiles.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { ConfigResolverError } from './config-resolver-error.js';
import { type ConfigExplanation, explainFields } from './config-explanation.js';
import type { ConfigLevel } from './config-level.js';
import { deepFreeze } from './deep-freeze.js';
import type { LevelInput } from './level-input.js';
import { BuiltInProvider, type ProviderProfile } from './provider-profile.js';
import type { ConfigOverrides, ResolvedConfig } from './resolved-config.js';
import { ResolvedConfigCache } from './resolved-config-cache.js';
import { hashOverrides } from './override-hash.js';
import { validateLevels } from './validate-levels.js';

/** Options of a {@link ConfigResolver}. */
export interface ConfigResolverOptions {
  /**
   * Profiles registered after the built-in ones; a profile with a built-in name replaces it.
   * @defaultValue `[]`
   */
  readonly profiles?: readonly ProviderProfile[];
  /**
   * Publisher overrides by publisher id.
   * @defaultValue `{}`
   */
  readonly publishers?: Readonly<Record<string, ConfigOverrides>>;
  /**
   * The most resolved configs kept; when full, the oldest entry is dropped. `0` turns the cache off.
   * @defaultValue 1000
   */
  readonly maxCacheEntries?: number;
}

const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GLOBAL_SOURCE = 'global profile';
const REQUEST_SOURCE = 'request overrides';
const LEVEL_RANK: Readonly<Record<ConfigLevel, number>> = Object.freeze({ global: 0, provider: 1, publisher: 2, request: 3 });

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => LEVEL_RANK[a.issue.level] - LEVEL_RANK[b.issue.level] || a.index - b.index)
    .map(({ issue }) => issue);
}

function argumentIssue(level: ConfigLevel, source: string, path: string, value: unknown, message: string): ConfigIssue {
  return { level, source, path: [path], pathText: path, value, code: 'invalid_value', message };
}

function copyFrozen<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

/**
 * Resolves the effective config of one ad playback from four levels, each laid over the one
 * before: 1 global (schema defaults plus the `global` profile), 2 the provider profile, 3 the
 * overrides registered for the publisher, 4 the overrides of the request. Objects merge deeply
 * (interruption rules per type, a rule's fields one by one); arrays replace; a tagged object whose
 * `kind` changes is replaced whole; `enabled: false` switches a rule off.
 *
 * Results are validated, deep-frozen and cached per (provider, publisher, overrides); registering
 * or removing a profile or publisher drops the cached configs it affects. Each resolver owns its
 * profiles, publishers and cache.
 *
 * @example
 * ```ts
 * const resolver = new ConfigResolver({
 *   publishers: { acme: { playback: { interruptions: { viewerPause: { enabled: false } } } } },
 * });
 * const config = resolver.resolve('tiger', 'acme', { playback: { mode: 'headless', seed: 7 } });
 * config.tracker.macroSyntaxes; // ['iab', 'percent'] from the tiger profile
 * resolver.explain('tiger', 'acme').fields['playback.interruptions.viewerPause.enabled']?.source;
 * // 'publisher "acme"'
 * ```
 */
export class ConfigResolver {
  readonly #profiles = new Map<string, ProviderProfile>();
  readonly #publishers = new Map<string, ConfigOverrides>();
  readonly #cache: ResolvedConfigCache;

  /**
   * @param options - extra profiles, publisher overrides and the cache size
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` when a profile or publisher is invalid
   * @throws `ConfigResolverError` `INVALID_RESOLVER_OPTIONS` when `maxCacheEntries` is not a
   *   non-negative integer
   */
  constructor(options: ConfigResolverOptions = {}) {
    const max = options.maxCacheEntries ?? 1000;
    if (!Number.isInteger(max) || max < 0) {
      throw new ConfigResolverError('INVALID_RESOLVER_OPTIONS', `maxCacheEntries must be a non-negative integer, got ${String(max)}`);
    }
    this.#cache = new ResolvedConfigCache(max);
    for (const profile of BUILT_IN_PROFILES) this.#profiles.set(profile.name, profile);
    const issues: ConfigIssue[] = [];
    for (const profile of options.profiles ?? []) issues.push(...this.#storeProfile(profile));
    for (const [id, overrides] of Object.entries(options.publishers ?? {})) {
      issues.push(...this.#storePublisher(id, overrides));
    }
    if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  }

  /**
   * The effective config for a provider, a publisher and request overrides. A cached result is
   * returned when the same inputs were resolved before (the same override object is found by
   * identity; an equal one by a hash of its content, confirmed by comparing
   * the two). Treat override objects as immutable once passed in.
   *
   * @param provider - a registered profile name, e.g. `'tiger'`; `'global'` uses level 1 alone
   * @param publisher - a publisher id; an unregistered id (or `''`) adds no overrides
   * @param overrides - per-request overrides of playback, tracker and parser options
   * @returns the deep-frozen config
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` listing every problem: an unknown provider,
   *   invalid overrides, or an invalid combination of levels
   */
  resolve(provider: string, publisher?: string, overrides?: ConfigOverrides): ResolvedConfig {
    const identity = typeof overrides === 'object' && overrides !== null ? overrides : undefined;
    if (identity !== undefined || overrides === undefined) {
      const cached = this.#cache.get(provider, publisher ?? '', identity);
      if (cached !== undefined) return cached;
    }
    return this.#resolveUncached(provider, publisher ?? '', overrides);
  }

  /**
   * Resolves like {@link ConfigResolver.resolve} and tells, for every field of the result, which
   * level set it.
   *
   * @param provider - a registered profile name
   * @param publisher - a publisher id
   * @param overrides - per-request overrides
   * @returns the config and, per dotted field path, its value, level and source
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` as `resolve` does
   *
   * @example
   * ```ts
   * const { fields } = resolver.explain('leto', undefined, { parser: { strict: true } });
   * fields['tracker.macroSyntaxes']; // { value: ['dollar'], level: 'provider', source: 'provider "leto"', ... }
   * fields['parser.strict']?.level; // 'request'
   * fields['parser.maxBytes']?.source; // 'schema default'
   * ```
   */
  explain(provider: string, publisher?: string, overrides?: ConfigOverrides): ConfigExplanation {
    const config = this.resolve(provider, publisher, overrides);
    const fields = explainFields(config, this.#levels(provider, publisher ?? '', overrides).levels);
    return deepFreeze({ config, fields });
  }

  /**
   * Adds a provider profile, or replaces the one of the same name (built-in ones included), and
   * drops the cached configs of that provider (of every provider for `global`).
   *
   * @param profile - the profile; its config is validated over the `global` profile
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` listing every problem of the profile
   */
  registerProfile(profile: ProviderProfile): void {
    const issues = this.#storeProfile(profile);
    if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  }

  /**
   * Removes a provider profile and drops its cached configs.
   *
   * @param name - the profile name
   * @returns whether a profile was removed
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` for `global`, which can be replaced but not removed
   */
  unregisterProfile(name: string): boolean {
    if (name === BuiltInProvider.GLOBAL) {
      throw new ConfigError([
        argumentIssue('global', GLOBAL_SOURCE, 'name', name, 'the global profile can be replaced but not removed'),
      ]);
    }
    this.#cache.dropProvider(name);
    return this.#profiles.delete(name);
  }

  /**
   * The profile registered under a name.
   *
   * @param name - the profile name
   * @returns the (frozen) profile, or `undefined`
   */
  getProfile(name: string): ProviderProfile | undefined {
    return this.#profiles.get(name);
  }

  /** The names of the registered profiles, in registration order (built-ins first). */
  get profileNames(): readonly string[] {
    return [...this.#profiles.keys()];
  }

  /**
   * Sets the overrides of a publisher (level 3), replacing earlier ones, and drops the cached
   * configs of that publisher.
   *
   * @param id - the publisher id (not empty)
   * @param overrides - the publisher's overrides; validated over the `global` profile
   * @throws {@link ConfigError} `ERR_VAST_CONFIG` listing every problem of the overrides
   */
  registerPublisher(id: string, overrides: ConfigOverrides): void {
    const issues = this.#storePublisher(id, overrides);
    if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  }

  /**
   * Removes the overrides of a publisher and drops its cached configs.
   *
   * @param id - the publisher id
   * @returns whether overrides were removed
   */
  unregisterPublisher(id: string): boolean {
    this.#cache.dropPublisher(id);
    return this.#publishers.delete(id);
  }

  /**
   * The overrides registered for a publisher.
   *
   * @param id - the publisher id
   * @returns the (frozen) overrides, or `undefined`
   */
  getPublisher(id: string): ConfigOverrides | undefined {
    return this.#publishers.get(id);
  }

  /** The ids of the publishers with overrides, in registration order. */
  get publisherIds(): readonly string[] {
    return [...this.#publishers.keys()];
  }

  /** Drops every cached config. */
  clearCache(): void {
    this.#cache.clear();
  }

  /** How many resolved configs are cached. */
  get cacheSize(): number {
    return this.#cache.size;
  }

  #resolveUncached(provider: string, publisher: string, overrides: ConfigOverrides | undefined): ResolvedConfig {
    let hash: number | undefined;
    if (overrides !== undefined) {
      hash = hashOverrides(overrides);
      if (hash === undefined) {
        throw new ConfigError([
          argumentIssue('request', REQUEST_SOURCE, 'overrides', '(too deep)', 'nested more than 64 levels deep, or cyclic'),
        ]);
      }
      const cached = this.#cache.getByContent(provider, publisher, overrides, hash);
      if (cached !== undefined) return cached;
    }
    const { levels, issues } = this.#levels(provider, publisher, overrides);
    const result = validateLevels(levels);
    if (!result.ok) issues.push(...result.issues);
    if (!result.ok || issues.length > 0) throw new ConfigError(sortIssues(issues));
    const config = deepFreeze(result.config);
    this.#cache.set(provider, publisher, overrides, hash, config);
    return config;
  }

  #levels(
    provider: string,
    publisher: string,
    overrides: ConfigOverrides | undefined,
  ): { levels: LevelInput[]; issues: ConfigIssue[] } {
    const issues: ConfigIssue[] = [];
    const levels: LevelInput[] = [this.#globalLevel()];
    if (provider !== BuiltInProvider.GLOBAL) {
      const profile = this.#profiles.get(provider);
      if (profile === undefined) {
        issues.push({
          level: 'provider',
          source: `provider "${provider}"`,
          path: ['provider'],
          pathText: 'provider',
          value: provider,
          code: 'unknown_provider',
          message: `unknown provider; registered: ${this.profileNames.join(', ')}`,
        });
      } else {
        levels.push({ level: 'provider', source: `provider "${provider}"`, config: profile.config });
      }
    }
    const publisherConfig = publisher === '' ? undefined : this.#publishers.get(publisher);
    if (publisherConfig !== undefined) {
      levels.push({ level: 'publisher', source: `publisher "${publisher}"`, config: publisherConfig });
    }
    if (overrides !== undefined) levels.push({ level: 'request', source: REQUEST_SOURCE, config: overrides });
    return { levels, issues };
  }

  #globalLevel(): LevelInput {
    return { level: 'global', source: GLOBAL_SOURCE, config: this.#profiles.get(BuiltInProvider.GLOBAL)?.config };
  }

  #storeProfile(profile: ProviderProfile): ConfigIssue[] {
    const name: unknown = profile.name;
    const isGlobal = name === BuiltInProvider.GLOBAL;
    const level: ConfigLevel = isGlobal ? 'global' : 'provider';
    const source = isGlobal ? GLOBAL_SOURCE : `provider "${String(name)}"`;
    if (typeof name !== 'string' || !PROVIDER_NAME.test(name)) {
      return [argumentIssue(level, source, 'name', name, 'a profile name is letters, digits, ".", "_" and "-"')];
    }
    const own: LevelInput = { level, source, config: profile.config };
    const result = validateLevels(isGlobal ? [own] : [this.#globalLevel(), own]);
    const issues = result.ok ? [] : result.issues.filter((issue) => issue.level === level);
    if (issues.length > 0) return issues;
    const stored: ProviderProfile = copyFrozen(
      profile.description === undefined
        ? { name, config: profile.config }
        : { name, description: profile.description, config: profile.config },
    );
    this.#profiles.set(name, stored);
    if (isGlobal) this.#cache.clear();
    else this.#cache.dropProvider(name);
    return [];
  }

  #storePublisher(id: string, overrides: ConfigOverrides): ConfigIssue[] {
    const source = `publisher "${String(id)}"`;
    if (typeof id !== 'string' || id === '') {
      return [argumentIssue('publisher', source, 'publisher', id, 'a publisher id is a non-empty string')];
    }
    const result = validateLevels([this.#globalLevel(), { level: 'publisher', source, config: overrides }]);
    const issues = result.ok ? [] : result.issues.filter((issue) => issue.level === 'publisher');
    if (issues.length > 0) return issues;
    this.#publishers.set(id, copyFrozen(overrides));
    this.#cache.dropPublisher(id);
    return [];
  }
}
