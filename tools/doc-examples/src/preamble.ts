/**
 * Global declarations every example sees: the context a snippet assumes without building it (an
 * ad resolved earlier, a config, a player made in the previous block...) and stand-ins for the
 * user's own application (`metrics`, `log`, `redis`). An example that declares one of these names
 * itself uses its own. Anything else an example uses, it imports or builds.
 */
export const PREAMBLE = `
/** An ad resolved by VastClient. */
declare const ad: import('@vast/client').ResolvedAd;
/** What VastClient.get() returned. */
declare const resolution: import('@vast/client').VastResolution;
/** A config from ConfigResolver.resolve(). */
declare const config: import('@vast/config').ResolvedConfig;
declare const resolver: import('@vast/config').ConfigResolver;
declare const client: import('@vast/client').VastClient;
declare const time: import('@vast/time').TimeProvider;
declare const tracking: import('@vast/tracker').TrackingSet;
declare const tracker: import('@vast/tracker').Tracker;
declare const session: import('@vast/session').PlaybackSession;
declare const player: import('@vast/player-core').BaseVastPlayer;
declare const signal: AbortSignal;
/** A VAST document as text. */
declare const xml: string;

/** The application's metrics client. */
declare const metrics: {
  increment(name: string, tags?: Record<string, string | number>): void;
  histogram(name: string, value: number, tags?: Record<string, string | number>): void;
};
/** The application's logger. */
declare const log: {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
};
/** The application's key-value store. */
declare const redis: { get(key: string): Promise<string>; set(key: string, value: string): Promise<unknown> };
`;
