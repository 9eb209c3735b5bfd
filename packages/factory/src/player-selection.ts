import { PlaybackMode } from '@vast/config';
import { detectPlaybackEnvironment, type EnvironmentVariables, type PlaybackEnvironmentReason } from '@vast/time';
import { FactoryError } from './factory-error.js';

/** Where the requested mode came from. */
export type PlayerModeSource =
  /** `createReal()` / `createHeadless()` (or `createRealPlayer()` / `createHeadlessPlayer()`). */
  | 'call'
  /** The `mode` option of `create()` / `createPlayer()`. */
  | 'option'
  /** The resolved config's `playback.mode`. */
  | 'config';

/**
 * Why the factory chose the mode: `requested` when the mode was `real` or `headless` as asked,
 * otherwise (auto mode) the rule of `detectPlaybackEnvironment` that decided.
 */
export type PlayerSelectionReason = 'requested' | PlaybackEnvironmentReason;

/**
 * How a player was chosen. The factory records it in the session's config snapshot under
 * `player.selection`, so a session JSON tells why it ran real or headless.
 */
export interface PlayerSelection {
  /** The mode the player runs in. */
  readonly mode: 'real' | 'headless';
  /** The mode that was asked for: `real`, `headless` or `auto`. */
  readonly requested: PlaybackMode;
  /** Where that request came from. */
  readonly source: PlayerModeSource;
  /** Why this mode: `requested`, or the auto-detection rule (`override`, `ci`, `test-runner`...). */
  readonly reason: PlayerSelectionReason;
  /** The environment variable that decided (auto mode), or `null`. */
  readonly variable: string | null;
  /** One sentence for logs. */
  readonly detail: string;
}

/** Options of {@link selectPlayerMode}. */
export interface SelectPlayerModeOptions {
  /** The mode asked for. */
  readonly requested: PlaybackMode;
  /** Where it came from. @defaultValue `'option'` */
  readonly source?: PlayerModeSource;
  /** The environment variables auto mode reads. @defaultValue `process.env` */
  readonly env?: EnvironmentVariables;
  /** The operating system, as `process.platform` names it. @defaultValue `process.platform` */
  readonly platform?: string;
}

const MODES: ReadonlySet<string> = new Set(Object.values(PlaybackMode));

/**
 * Decides the mode of a player: `real` and `headless` are taken as asked; `auto` asks
 * `detectPlaybackEnvironment` of `@vast/time` (the project's one detector) and keeps its reason.
 *
 * @param options - the mode asked for, where it came from, and the environment for auto mode
 * @returns the decision and why
 * @throws {@link FactoryError} with code `INVALID_FACTORY_OPTIONS` for a mode other than `real`,
 *   `headless` or `auto`, or `INVALID_PLAYBACK_ENVIRONMENT` when auto mode meets a
 *   `VAST_PLAYBACK_MODE` it does not know
 * @example
 * ```ts
 * selectPlayerMode({ requested: 'auto', env: { GITHUB_ACTIONS: 'true' }, platform: 'linux' });
 * // { mode: 'headless', requested: 'auto', source: 'option', reason: 'ci', variable: 'GITHUB_ACTIONS', detail: '...' }
 * ```
 */
export function selectPlayerMode(options: SelectPlayerModeOptions): PlayerSelection {
  const { requested } = options;
  const source = options.source ?? 'option';
  if (typeof requested !== 'string' || !MODES.has(requested)) {
    throw new FactoryError('INVALID_FACTORY_OPTIONS', `mode must be real, headless or auto; got ${JSON.stringify(requested)}`);
  }
  if (requested !== PlaybackMode.AUTO) {
    return { mode: requested, requested, source, reason: 'requested', variable: null, detail: `${requested} as the ${source} asked` };
  }
  let decision;
  try {
    decision = detectPlaybackEnvironment(options.env, options.platform);
  } catch (error) {
    throw new FactoryError('INVALID_PLAYBACK_ENVIRONMENT', (error as Error).message, { cause: error });
  }
  return {
    mode: decision.headless ? PlaybackMode.HEADLESS : PlaybackMode.REAL,
    requested,
    source,
    reason: decision.reason,
    variable: decision.variable,
    detail: decision.detail,
  };
}
