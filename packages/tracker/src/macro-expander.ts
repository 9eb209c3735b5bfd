import type { MacroSyntaxName } from './macro-syntax-name.js';
import type { TimeProvider } from '@vast/time';
import { eightDigitText } from './digit-tables.js';
import { encodeMacroValue, isUnreserved, type MacroValue } from './encode-macro-value.js';
import { EncodedClockText } from './encoded-clock-text.js';
import type { EncodedMacroValues } from './encoded-macro-values.js';
import { isIabMacro } from './iab-macros.js';
import type { MacroContext } from './macro-context.js';
import { compileMacroTemplate, macroPattern, type MacroTemplate } from './macro-template.js';
import { createSystemRandom, type RandomSource } from './random-source.js';
import { TrackerError } from './tracker-error.js';

/** Options of {@link MacroExpander}. */
export interface MacroExpanderOptions {
  /** The clock `[TIMESTAMP]` reads. */
  readonly time: TimeProvider;
  /**
   * The source of `[CACHEBUSTING]`; pass a seeded one (`createSeededRandom` of `@vast/time`)
   * for reproducible sessions.
   * @defaultValue the operating system's random source
   */
  readonly random?: RandomSource;
  /**
   * Syntaxes recognised besides the IAB `[NAME]`, which is always on: `percent` (`%%NAME%%`),
   * `dollar` (`${NAME}`), `brace` (`{name}`); names are matched case-insensitively. The same
   * field as `TrackerOptions.macroSyntaxes` of `@vast/config`.
   * @defaultValue `['iab']`
   */
  readonly macroSyntaxes?: readonly MacroSyntaxName[];
  /**
   * Fixed values by upper-case name (a provider profile's static macros). They apply when the
   * beacon's context does not supply the name, and may define names the IAB does not know.
   * The same field as `TrackerOptions.staticMacros` of `@vast/config`.
   * @defaultValue `{}`
   */
  readonly staticMacros?: Readonly<Record<string, MacroValue>>;
  /**
   * Other names for macros, e.g. `{ CACHEBUSTER: 'CACHEBUSTING' }` so `%%CACHEBUSTER%%` gets
   * the IAB value. Keys are matched case-insensitively.
   * @defaultValue `{}`
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Zone offset of `[TIMESTAMP]` in minutes east of UTC.
   * @defaultValue 0
   */
  readonly timezoneOffsetMinutes?: number;
  /**
   * How many compiled URLs are kept; beyond that the oldest is forgotten.
   * @defaultValue 1000
   */
  readonly maxTemplates?: number;
}

// Macros whose value the expander derives from the clock, the random source or the context, as
// numbers: a slot's kind is tested on every beacon, and numbers compare faster than names.
const NOT_GENERATED = 0;
const TIMESTAMP = 1;
const CACHEBUSTING = 2;
const ADPLAYHEAD = 3;
const MEDIAPLAYHEAD = 4;
const CONTENTPLAYHEAD = 5;
const ASSETURI = 6;
const ERRORCODE = 7;

const GENERATED: ReadonlyMap<string, number> = new Map([
  ['TIMESTAMP', TIMESTAMP],
  ['CACHEBUSTING', CACHEBUSTING],
  ['ADPLAYHEAD', ADPLAYHEAD],
  ['MEDIAPLAYHEAD', MEDIAPLAYHEAD],
  ['CONTENTPLAYHEAD', CONTENTPLAYHEAD],
  ['ASSETURI', ASSETURI],
  ['ERRORCODE', ERRORCODE],
]);

const ENCODED_CACHE_SIZE = 4096;

interface Compiled {
  readonly template: MacroTemplate;
  readonly names: readonly string[];
  /** Encoded static value per slot, or `undefined`. */
  readonly fixed: readonly (string | undefined)[];
  /** The kind of generated macro per slot, `NOT_GENERATED` for the others. */
  readonly generated: readonly number[];
  /** `-1` for a known macro, the raw text for an unknown one. */
  readonly missing: readonly string[];
}

/**
 * Expands macros in tracking URLs per the IAB rules: the whole `[NAME]` is replaced; values are
 * percent-encoded (RFC 3986), arrays element by element joined by commas; a known macro with no
 * value becomes `-1`, a withheld one `-2`; unknown names stay as written. Provider syntaxes and
 * static values apply on top. Each URL is compiled once and cached (bounded) per instance; the
 * clock's texts (`[TIMESTAMP]` within one second, playheads) come from tables, not from `Date`.
 *
 * @example
 * ```ts
 * const expander = new MacroExpander({ time: new SimulatedTimeProvider(), random: createSeededRandom(1) });
 * expander.expand('https://t.example/i?ts=[TIMESTAMP]&cb=[CACHEBUSTING]&ip=[DEVICEIP]&x=[FOO]');
 * // 'https://t.example/i?ts=2025-01-01T00%3A00%3A00.000%2B00%3A00&cb=66436654&ip=-1&x=[FOO]'
 * ```
 */
export class MacroExpander {
  readonly #time: TimeProvider;
  readonly #random: RandomSource;
  readonly #pattern: RegExp;
  readonly #aliases: ReadonlyMap<string, string>;
  readonly #fixed: ReadonlyMap<string, string>;
  readonly #clockText: EncodedClockText;
  readonly #max: number;
  readonly #cache = new Map<string, Compiled>();
  // Encoded text of recent string values, in two generations: when the newer is full it becomes
  // the older, so a text many sessions share (a user agent) outlives a run of one-off values.
  #encoded = new Map<string, string>();
  #older = new Map<string, string>();
  // One timestamp and one cache buster per expanded URL, shared by all their slots.
  #callTimestamp: string | undefined;
  #callCachebuster: string | undefined;

  /**
   * @param options - clock, random source, syntaxes, static values, aliases and cache size
   * @throws `TrackerError` `INVALID_TRACKER_ARGUMENT` when `maxTemplates` is not a positive integer
   */
  constructor(options: MacroExpanderOptions) {
    this.#time = options.time;
    this.#random = options.random ?? createSystemRandom();
    this.#pattern = macroPattern(options.macroSyntaxes ?? ['iab']);
    this.#aliases = new Map(
      Object.entries(options.aliases ?? {}).map(([from, to]) => [from.toUpperCase(), to.toUpperCase()]),
    );
    this.#fixed = new Map(
      Object.entries(options.staticMacros ?? {}).map(([name, value]) => [name.toUpperCase(), encodeMacroValue(value)]),
    );
    this.#clockText = new EncodedClockText(options.timezoneOffsetMinutes ?? 0);
    this.#max = options.maxTemplates ?? 1000;
    if (!Number.isInteger(this.#max) || this.#max < 1) {
      throw new TrackerError('INVALID_TRACKER_ARGUMENT', `MacroExpander: maxTemplates must be a positive integer, got ${this.#max}`);
    }
  }

  /** How many compiled URLs are cached now. */
  get cacheSize(): number {
    return this.#cache.size;
  }

  /**
   * The compiled form of a URL (from the cache, or compiled and cached now).
   *
   * @param url - a tracking URL
   * @returns its literals and macro slots
   */
  compile(url: string): MacroTemplate {
    return this.#compiled(url).template;
  }

  /**
   * Expands every macro of a URL.
   *
   * @param url - a tracking URL with macros
   * @param context - values for this beacon
   * @param encoded - the session's {@link EncodedMacroValues}: supplied values (and `assetUri`)
   *   are encoded once per session instead of on each beacon; without it they are encoded on
   *   each call, through a small cache shared by all sessions
   * @returns the URL to call
   * @throws `TrackerError` `INVALID_TRACKER_ARGUMENT` when `[TIMESTAMP]` is needed and the
   *   clock gives an invalid time
   */
  expand(url: string, context: MacroContext = {}, encoded?: EncodedMacroValues): string {
    const compiled = this.#compiled(url);
    const { names, generated } = compiled;
    const literals = compiled.template.literals;
    const { values, withheld } = context;
    this.#callTimestamp = undefined;
    this.#callCachebuster = undefined;
    // Each slot is decided afresh: in playback every URL fires once per session (exactly once),
    // so remembering a plan per session would only cost memory.
    let out = literals[0] as string;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      let text: string;
      if (withheld !== undefined && withheld.includes(name)) text = '-2';
      else {
        const supplied = values === undefined ? undefined : values[name];
        if (supplied !== undefined) text = this.#supplied(name, supplied, encoded);
        else if (generated[i] === NOT_GENERATED) text = compiled.fixed[i] ?? (compiled.missing[i] as string);
        else text = this.#generatedText(compiled, i, context, encoded);
      }
      out += text + (literals[i + 1] as string);
    }
    return out;
  }

  /** The text of a generated macro's slot that no value was supplied for. */
  #generatedText(compiled: Compiled, i: number, context: MacroContext, encoded: EncodedMacroValues | undefined): string {
    let text: string | undefined;
    const kind = compiled.generated[i];
    switch (kind) {
      case ADPLAYHEAD:
        if (context.adPlayheadMs !== undefined) text = this.#clockText.timecode(context.adPlayheadMs);
        break;
      case MEDIAPLAYHEAD:
        if (context.mediaPlayheadMs !== undefined) text = this.#clockText.timecode(context.mediaPlayheadMs);
        break;
      case CONTENTPLAYHEAD: {
        const ms = context.contentPlayheadMs ?? context.mediaPlayheadMs;
        if (ms !== undefined) text = this.#clockText.timecode(ms);
        break;
      }
      case ASSETURI:
        if (context.assetUri !== undefined) text = this.#supplied('ASSETURI', context.assetUri, encoded);
        break;
      case ERRORCODE:
        if (context.errorCode !== undefined) text = encodeMacroValue(context.errorCode);
        break;
      default:
        break;
    }
    text ??= compiled.fixed[i];
    if (text !== undefined) return text;
    if (kind === TIMESTAMP) return (this.#callTimestamp ??= this.#clockText.timestamp(this.#time.now()));
    if (kind === CACHEBUSTING) {
      return (this.#callCachebuster ??= eightDigitText(10_000_000 + Math.floor(this.#random.next() * 90_000_000)));
    }
    return compiled.missing[i] as string;
  }

  /** The text of a supplied value: the session's if it encoded this value already. */
  #supplied(name: string, value: MacroValue, encoded: EncodedMacroValues | undefined): string {
    if (encoded === undefined) return this.#encode(value);
    let text = encoded.lookup(name, value);
    if (text === undefined) {
      text = this.#encode(value);
      encoded.remember(name, value, text);
    }
    return text;
  }

  #encode(value: MacroValue): string {
    if (typeof value !== 'string') {
      if (typeof value === 'number' || typeof value === 'boolean') return encodeMacroValue(value);
      let out = '';
      for (let i = 0; i < value.length; i++) {
        const element = value[i] as MacroValue;
        out += (i > 0 ? ',' : '') + (typeof element === 'string' ? this.#encode(element) : encodeMacroValue(element));
      }
      return out;
    }
    // A text that is its own encoding would only crowd out the ones worth keeping.
    if (isUnreserved(value)) return value;
    let text = this.#encoded.get(value);
    if (text === undefined) {
      text = this.#older.get(value) ?? encodeMacroValue(value);
      if (this.#encoded.size >= ENCODED_CACHE_SIZE) {
        this.#older = this.#encoded;
        this.#encoded = new Map();
      }
      this.#encoded.set(value, text);
    }
    return text;
  }

  #compiled(url: string): Compiled {
    const hit = this.#cache.get(url);
    if (hit !== undefined) return hit;
    const template = compileMacroTemplate(url, this.#pattern, this.#aliases);
    const names = template.slots.map((slot) => slot.name);
    const compiled: Compiled = {
      template,
      names,
      fixed: names.map((name) => this.#fixed.get(name)),
      generated: names.map((name) => GENERATED.get(name) ?? NOT_GENERATED),
      missing: template.slots.map((slot) => (isIabMacro(slot.name) ? '-1' : slot.raw)),
    };
    if (this.#cache.size >= this.#max) {
      const oldest = this.#cache.keys().next();
      if (oldest.done !== true) this.#cache.delete(oldest.value);
    }
    this.#cache.set(url, compiled);
    return compiled;
  }
}
