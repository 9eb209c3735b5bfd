import { isVastErrorCode } from '@vast/error-codes';
import type { TimeProvider } from '@vast/time';
import type { Beacon, BeaconRequestContext } from './beacon.js';
import { checkBeaconUrl, type BeaconOutcome, type BeaconOutcomeListener } from './beacon-outcome.js';
import type { BeaconTransport } from './beacon-transport.js';
import { EncodedMacroValues } from './encoded-macro-values.js';
import { mergeMacroContexts, type MacroContext } from './macro-context.js';
import { MacroExpander, type MacroExpanderOptions } from './macro-expander.js';
import type { ProgressOffset, TrackingLevel, TrackingSet } from './tracking-set.js';
import { TrackerError } from './tracker-error.js';

/** The extra fields of a beacon of an ordinary event: none. */
const NO_EXTRA: Pick<Beacon, 'offset' | 'errorCode'> = Object.freeze({});
const NO_URLS: readonly string[] = Object.freeze([]);

/** Events that fire at most once per session. */
const ONCE: ReadonlySet<string> = new Set([
  'impression',
  'loaded',
  'creativeView',
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
  'skip',
  'closeLinear',
  'close',
  'notUsed',
]);

/** Events that fire only on a real change of a two-valued state: event to the state it sets. */
const TOGGLES: ReadonlyMap<string, { readonly state: ToggleState; readonly on: boolean }> = new Map([
  ['pause', { state: 'paused', on: true }],
  ['resume', { state: 'paused', on: false }],
  ['mute', { state: 'muted', on: true }],
  ['unmute', { state: 'muted', on: false }],
  ['fullscreen', { state: 'fullscreen', on: true }],
  ['exitFullscreen', { state: 'fullscreen', on: false }],
  ['playerExpand', { state: 'expanded', on: true }],
  ['playerCollapse', { state: 'expanded', on: false }],
  ['expand', { state: 'expanded', on: true }],
  ['collapse', { state: 'expanded', on: false }],
  ['adExpand', { state: 'expanded', on: true }],
  ['adCollapse', { state: 'expanded', on: false }],
] as const);

const TOGGLE_STATES: readonly ToggleState[] = ['paused', 'muted', 'fullscreen', 'expanded'];

/** One bit of {@link Tracker}'s toggle word per state: a number per session, not an object. */
const TOGGLE_BITS: Readonly<Record<ToggleState, number>> = { paused: 1, muted: 2, fullscreen: 4, expanded: 8 };

/** A two-valued player state whose changes fire beacons. */
export type ToggleState = 'paused' | 'muted' | 'fullscreen' | 'expanded';

/**
 * What a tracker has done, to persist with a session and restore with
 * {@link TrackerSessionOptions.state} so a replay never fires a once-only event again.
 */
export interface TrackerState {
  /** Keys of the once-only events already fired (`start`, `progress@5000ms`, `error@402`...). */
  readonly fired: readonly string[];
  /** The two-valued states: `true` when paused, muted, fullscreen, expanded. */
  readonly toggles: Readonly<Record<ToggleState, boolean>>;
  /** The last beacon id used. */
  readonly lastBeaconId: number;
}

/** Options of {@link Tracker}. */
export interface TrackerSessionOptions {
  /** The URLs to call, by level. */
  readonly tracking: TrackingSet;
  /** Where beacons go. */
  readonly transport: BeaconTransport;
  /** The clock of beacon times (and of `[TIMESTAMP]` unless `expander` is given). */
  readonly time: TimeProvider;
  /**
   * The macro expander; share one between sessions so URLs are compiled once. When absent, one
   * is made from `time` and `macros`.
   */
  readonly expander?: MacroExpander;
  /** Options of the expander made when `expander` is absent (`time` is this tracker's). */
  readonly macros?: Omit<MacroExpanderOptions, 'time'>;
  /** Macro values of the whole session (device, ids, pod position...). */
  readonly context?: MacroContext | undefined;
  /** The device beacons are sent for (SSAI headers). */
  readonly requestContext?: BeaconRequestContext | undefined;
  /** A state saved from an earlier tracker of the same session. */
  readonly state?: TrackerState;
  /** Aborts the beacons still being sent. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether the tracker keeps every outcome for {@link Tracker.outcomes} and
   * {@link Tracker.settled}. Turn it off when {@link Tracker.onOutcome} listeners take them (a
   * server with many sessions streaming outcomes to its logs): then nothing of a beacon stays in
   * memory once its outcome is known.
   * @defaultValue `true`
   */
  readonly keepOutcomes?: boolean | undefined;
}

/**
 * A mark of the creative the playhead reached, as the session decides it (the `QuartileCrossing`
 * of `@vast/session`'s `QuartileTracker` is one): a quartile, or a progress offset.
 */
export type PlaybackMark =
  | { readonly type: 'firstQuartile' | 'midpoint' | 'thirdQuartile' }
  | { readonly type: 'progress'; readonly offset: ProgressOffset };

/**
 * The exactly-once key of a progress offset: `progress@5s`, `progress@10%`.
 *
 * @param offset - the offset
 * @returns the key
 * @internal
 */
export function offsetKey(offset: ProgressOffset): string {
  return offset.type === 'time' ? `progress@${offset.seconds}s` : `progress@${offset.percent}%`;
}

/**
 * The key under which the exactly-once rule counts a beacon's event, the same the tracker keeps in
 * {@link TrackerState.fired}: the event name (`impression`, `start`...), `progress@5s` or
 * `progress@10%` for a progress offset, `error@402` for an error pixel; `undefined` for events
 * that may fire again (`pause`, `clickTracking`...). A durable queue uses it as the idempotency
 * key of a beacon within its session and level.
 *
 * @param beacon - the beacon (its event, offset and error code)
 * @returns the key, or `undefined` when the event may repeat
 */
export function onceKeyOf(beacon: Pick<Beacon, 'event' | 'offset' | 'errorCode'>): string | undefined {
  if (beacon.event === 'progress') return beacon.offset === undefined ? undefined : offsetKey(beacon.offset);
  if (beacon.event === 'error') return beacon.errorCode === undefined ? undefined : `error@${beacon.errorCode}`;
  return ONCE.has(beacon.event) ? beacon.event : undefined;
}

/** Whether two offsets are the same point of the creative as written (same kind, same value). */
function sameOffset(a: ProgressOffset, b: ProgressOffset): boolean {
  return a.type === 'time' ? b.type === 'time' && a.seconds === b.seconds : b.type === 'percent' && a.percent === b.percent;
}

/**
 * Turns playback events into beacons for every level of the ad chain and hands them to a
 * transport, with the exactly-once rules: impression, creativeView, start, the quartiles,
 * complete and each progress offset fire at most once per session (pause, seek back, replay);
 * pause/resume, mute/unmute and the other pairs fire only on a real change of state. Every
 * beacon gets an outcome that can be read with {@link Tracker.outcomes} or followed with
 * {@link Tracker.onOutcome}.
 *
 * @example
 * ```ts
 * const tracker = new Tracker({ tracking, transport: new RecordingBeaconTransport(), time });
 * tracker.track('impression');
 * tracker.track('start');
 * tracker.reached({ type: 'firstQuartile' }, { adPlayheadMs: 7_500 });
 * tracker.track('pause');
 * tracker.track('pause'); // nothing: already paused
 * await tracker.settled();
 * ```
 */
export class Tracker {
  readonly #tracking: TrackingSet;
  readonly #transport: BeaconTransport;
  readonly #time: TimeProvider;
  readonly #expander: MacroExpander;
  readonly #context: MacroContext | undefined;
  // The session's values as encoded for its URLs, so each is encoded once, not on every beacon.
  readonly #encoded = new EncodedMacroValues();
  readonly #requestContext: BeaconRequestContext | undefined;
  readonly #signal: AbortSignal | undefined;
  // The once-only keys already fired: a handful per session, so a small array costs less than a Set.
  readonly #fired: string[];
  #toggles = 0;
  // undefined when the caller streams outcomes instead (keepOutcomes: false).
  readonly #outcomes: BeaconOutcome[] | undefined;
  // Made on the first subscription.
  #listeners: BeaconOutcomeListener[] | undefined;
  // Beacons handed to the transport whose outcome is not known yet, and who waits for none to be left.
  #pending = 0;
  #whenSettled: (() => void)[] | undefined;
  #lastId: number;

  /**
   * @param options - tracking set, transport, clock, macros, contexts and saved state
   */
  constructor(options: TrackerSessionOptions) {
    this.#tracking = options.tracking;
    this.#transport = options.transport;
    this.#time = options.time;
    this.#expander = options.expander ?? new MacroExpander({ ...options.macros, time: options.time });
    this.#context = options.context;
    this.#requestContext = options.requestContext;
    this.#signal = options.signal;
    this.#fired = [...(options.state?.fired ?? [])];
    const saved = options.state?.toggles;
    if (saved !== undefined) for (const state of TOGGLE_STATES) if (saved[state] === true) this.#toggles |= TOGGLE_BITS[state];
    this.#lastId = options.state?.lastBeaconId ?? 0;
    this.#outcomes = options.keepOutcomes === false ? undefined : [];
  }

  /**
   * Fires the beacons of one event on every level, following the exactly-once and
   * change-of-state rules. `impression` fires the Impression URLs; `clickTracking` the click
   * trackings (each time); `progress` fires through {@link Tracker.reached} instead.
   *
   * @param event - `impression`, `clickTracking`, or a VAST tracking event name
   * @param context - macro values of this moment (playhead and the like)
   * @returns the beacons made now (empty when the rules say the event does not fire)
   */
  track(event: string, context?: MacroContext): readonly Beacon[] {
    if (event === 'progress') return [];
    const toggle = TOGGLES.get(event);
    if (toggle !== undefined) {
      const bit = TOGGLE_BITS[toggle.state];
      if (((this.#toggles & bit) !== 0) === toggle.on) return [];
      this.#toggles ^= bit;
    } else if (ONCE.has(event)) {
      if (this.#fired.includes(event)) return [];
      this.#fired.push(event);
    }
    const beacons: Beacon[] = [];
    const { levels } = this.#tracking;
    const merged = mergeMacroContexts(this.#context, context);
    // Index loops: this runs for every beacon of every session, and iterators cost allocations.
    for (let index = 0; index < levels.length; index++) {
      const level = levels[index] as TrackingLevel;
      if (event === 'impression' || event === 'clickTracking') {
        const urls = event === 'impression' ? level.impressions : (level.clickTrackings ?? NO_URLS);
        for (let i = 0; i < urls.length; i++) beacons.push(this.#emit(event, urls[i] as string, index, merged, NO_EXTRA));
      } else {
        const entries = level.events;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i] as TrackingLevel['events'][number];
          if (entry.event === event) beacons.push(this.#emit(event, entry.url, index, merged, NO_EXTRA));
        }
      }
    }
    return beacons;
  }

  /**
   * Fires the beacons of a mark the playhead reached: a quartile's tracking URLs, or every
   * `progress` URL of every level whose offset is this offset; once per session each. The tracker
   * does not decide when a mark is reached: the session's `QuartileTracker` (`@vast/session`)
   * does, and the player hands its crossings here, so the log and the beacons cannot disagree.
   *
   * @param mark - the quartile, or the progress offset, reached
   * @param context - macro values of this moment (pass `adPlayheadMs` for `[ADPLAYHEAD]`)
   * @returns the beacons made now (empty when the mark already fired)
   * @example
   * ```ts
   * for (const mark of session.updatePosition(16_000)) tracker.reached(mark, { adPlayheadMs: 16_000 });
   * ```
   */
  reached(mark: PlaybackMark, context?: MacroContext): readonly Beacon[] {
    if (mark.type !== 'progress') return this.track(mark.type, context);
    const key = offsetKey(mark.offset);
    if (this.#fired.includes(key)) return [];
    this.#fired.push(key);
    const beacons: Beacon[] = [];
    const merged = mergeMacroContexts(this.#context, context);
    const { levels } = this.#tracking;
    for (let index = 0; index < levels.length; index++) {
      const entries = (levels[index] as TrackingLevel).events;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i] as TrackingLevel['events'][number];
        if (entry.event !== 'progress' || entry.offset === undefined || !sameOffset(entry.offset, mark.offset)) continue;
        beacons.push(this.#emit('progress', entry.url, index, merged, { offset: entry.offset }));
      }
    }
    return beacons;
  }

  /**
   * Fires the Error URLs of every level with `[ERRORCODE]` set; once per session for each code.
   *
   * @param code - the VAST error code (100 to 902)
   * @param context - further macro values
   * @returns the beacons made now
   * @throws {@link TrackerError} `INVALID_TRACKER_ARGUMENT` when `code` is not an integer from 100
   *   to 902 (`isVastErrorCode` of `@vast/error-codes`)
   */
  error(code: number, context?: MacroContext): readonly Beacon[] {
    if (!isVastErrorCode(code)) {
      throw new TrackerError('INVALID_TRACKER_ARGUMENT', `error(code): a VAST error code is an integer from 100 to 902, got ${String(code)}`);
    }
    const key = `error@${code}`;
    if (this.#fired.includes(key)) return [];
    this.#fired.push(key);
    const moment = mergeMacroContexts(this.#context, mergeMacroContexts(context, { errorCode: code }));
    const beacons: Beacon[] = [];
    this.#tracking.levels.forEach((level, index) => {
      for (const url of level.errors) beacons.push(this.#emit('error', url, index, moment, { errorCode: code }));
    });
    return beacons;
  }

  /**
   * What this tracker has done, for persisting with the session.
   * @returns a snapshot; pass it as `state` to a new tracker to continue without repeats
   */
  state(): TrackerState {
    return { fired: [...new Set(this.#fired)], toggles: this.#toggleRecord(), lastBeaconId: this.#lastId };
  }

  #toggleRecord(): Record<ToggleState, boolean> {
    const bits = this.#toggles;
    return { paused: (bits & 1) !== 0, muted: (bits & 2) !== 0, fullscreen: (bits & 4) !== 0, expanded: (bits & 8) !== 0 };
  }

  /**
   * The outcomes known so far, in the order they became known.
   * @returns a copy of the list (empty with `keepOutcomes: false`)
   */
  outcomes(): BeaconOutcome[] {
    return this.#outcomes === undefined ? [] : [...this.#outcomes];
  }

  /**
   * Follows outcomes as they become known.
   * @param listener - called once per outcome; an exception it throws is ignored
   * @returns a function that unsubscribes
   */
  onOutcome(listener: BeaconOutcomeListener): () => void {
    // As a set: the same function subscribed twice is called once.
    const listeners = (this.#listeners ??= []);
    if (!listeners.includes(listener)) listeners.push(listener);
    return () => {
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    };
  }

  /**
   * Waits until every beacon made so far has an outcome.
   * @returns all outcomes known then
   */
  async settled(): Promise<BeaconOutcome[]> {
    if (this.#pending > 0) await new Promise<void>((resolve) => (this.#whenSettled ??= []).push(resolve));
    return this.outcomes();
  }

  /** Makes one beacon and hands it over; `context` is the session's merged with the moment's. */
  #emit(event: string, template: string, level: number, context: MacroContext, extra: Pick<Beacon, 'offset' | 'errorCode'>): Beacon {
    const url = this.#expander.expand(template, context, this.#encoded);
    // Built field by field: spreading the optional parts costs more than the rest of the beacon.
    const beacon: { -readonly [K in keyof Beacon]: Beacon[K] } = { id: ++this.#lastId, event, url, template, level, time: this.#time.now() };
    if (extra.offset !== undefined) beacon.offset = extra.offset;
    if (extra.errorCode !== undefined) beacon.errorCode = extra.errorCode;
    if (this.#requestContext !== undefined) beacon.requestContext = this.#requestContext;
    const dropped = checkBeaconUrl(beacon);
    const delivery = dropped === undefined ? this.#transport.send(beacon, this.#signal) : Promise.resolve(dropped);
    this.#pending++;
    // A transport that breaks its contract and rejects still settles the beacon (as failed).
    delivery.then(this.#settle, (error: unknown) =>
      this.#settle({ kind: 'failed', beacon, reason: 'network', message: `the transport threw: ${String(error)}`, attempts: 0 }),
    );
    return beacon;
  }

  // A transport never rejects (see BeaconTransport), so every beacon ends here exactly once.
  readonly #settle = (outcome: BeaconOutcome): void => {
    this.#record(outcome);
    if (--this.#pending > 0) return;
    const waiters = this.#whenSettled;
    if (waiters === undefined) return;
    this.#whenSettled = undefined;
    for (const wake of waiters) wake();
  };

  #record(outcome: BeaconOutcome): void {
    this.#outcomes?.push(outcome);
    const listeners = this.#listeners;
    if (listeners === undefined) return;
    // A copy only when a listener could unsubscribe another one while they are called.
    for (const listener of listeners.length === 1 ? listeners : listeners.slice()) {
      try {
        listener(outcome);
      } catch {
        // A listener's failure must not lose the outcome for the others.
      }
    }
  }
}
