import type { VastError } from '@vast/parser';
import type { ResolutionWarning } from './vast-resolution.js';

/** Telemetry events of a `VastClient`, by name: subscribe with `client.on(name, listener)`. */
export interface VastClientEventMap {
  /** A fetch is about to start. */
  readonly resolving: { readonly url: string; readonly depth: number };
  /** A fetch finished with a document (parsed or not). */
  readonly resolved: {
    readonly url: string;
    readonly depth: number;
    readonly durationMs: number;
    readonly status: number;
    readonly bytes: number;
  };
  /** An ad, a wrapper level or the whole request failed with an IAB code. */
  readonly error: { readonly error: VastError; readonly depth: number; readonly url?: string };
  /** The client stepped over something (see {@link ResolutionWarning}). */
  readonly warning: { readonly warning: ResolutionWarning };
}

/** A telemetry event name. */
export type VastClientEventName = keyof VastClientEventMap;

/** A listener of one telemetry event. */
export type VastClientListener<E extends VastClientEventName> = (event: VastClientEventMap[E]) => void;
