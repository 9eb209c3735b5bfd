/** Where the IAB allows a macro: tracking pixels, VAST request URIs, click or error pixels. */
export type MacroContextKind = 'tracking' | 'request' | 'click' | 'error' | 'verification';

/** Group of a macro in the IAB registry. */
export type MacroCategory =
  | 'generic'
  | 'ad-break'
  | 'client'
  | 'publisher'
  | 'capabilities'
  | 'player-state'
  | 'click'
  | 'error'
  | 'verification'
  | 'regulation'
  | 'new';

/**
 * Whether a player must support a macro: `required`, `optional`, `conditional` (required when a
 * feature such as Open Measurement is supported), or `deprecated`.
 */
export type MacroSupport = 'required' | 'optional' | 'conditional' | 'deprecated';

/** One macro of the IAB VAST macro registry, as the tracker knows it. */
export interface MacroDefinition {
  /** The name between brackets, e.g. `TIMESTAMP` for `[TIMESTAMP]`. */
  readonly name: string;
  /** Its group in the registry. */
  readonly category: MacroCategory;
  /** The registry's data type, e.g. `string`, `integer`, `Array<string>`, `Array<float>(2)`. */
  readonly dataType: string;
  /** The VAST version that introduced it (`3.0` to `4.2`, `4.x`, or `next` for announced ones). */
  readonly since: string;
  /** Whether a player must support it. */
  readonly support: MacroSupport;
  /** Where it may appear. */
  readonly contexts: readonly MacroContextKind[];
  /** The registry's value format, when it gives one, e.g. `{HH:MM:SS.mmm}`. */
  readonly format?: string;
}

/**
 * The IAB VAST macro registry: all 59 macros with their data type, version, support level,
 * contexts and format. The tracker replaces these names; unknown names are left as they are.
 *
 * @example
 * ```ts
 * const timecodes = IAB_MACROS.filter((m) => m.format === '{HH:MM:SS.mmm}').map((m) => m.name);
 * // ['CONTENTPLAYHEAD', 'MEDIAPLAYHEAD', 'ADPLAYHEAD']
 * ```
 */
export const IAB_MACROS: readonly MacroDefinition[] = Object.freeze([
  { name: 'TIMESTAMP', category: 'generic', dataType: 'string', since: '4.0', support: 'required', contexts: ['tracking', 'request'], format: '{YYYY-MM-DD}T{HH:MM:SS}.{mmm}{+/-}{ZONEOFFSET}' },
  { name: 'CACHEBUSTING', category: 'generic', dataType: 'integer', since: '3.0', support: 'required', contexts: ['tracking', 'request'] },
  { name: 'CONTENTPLAYHEAD', category: 'ad-break', dataType: 'string', since: '3.0', support: 'deprecated', contexts: ['tracking', 'request'], format: '{HH:MM:SS.mmm}' },
  { name: 'MEDIAPLAYHEAD', category: 'ad-break', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: '{HH:MM:SS.mmm}' },
  { name: 'BREAKPOSITION', category: 'ad-break', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'BLOCKEDADCATEGORIES', category: 'ad-break', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['request'], format: 'IAB{N}-{N}' },
  { name: 'ADCATEGORIES', category: 'ad-break', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['request'], format: 'IAB{N}-{N}' },
  { name: 'ADCOUNT', category: 'ad-break', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'TRANSACTIONID', category: 'ad-break', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: 'UUID' },
  { name: 'PLACEMENTTYPE', category: 'ad-break', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'ADTYPE', category: 'ad-break', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'UNIVERSALADID', category: 'ad-break', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['tracking'], format: '{registryID}{space}{idvalue}' },
  { name: 'BREAKMAXDURATION', category: 'ad-break', dataType: 'integer', since: '4.2', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'BREAKMAXADS', category: 'ad-break', dataType: 'integer', since: '4.2', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'BREAKMINADLENGTH', category: 'ad-break', dataType: 'integer', since: '4.2', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'BREAKMAXADLENGTH', category: 'ad-break', dataType: 'integer', since: '4.2', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'IFA', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: 'UUID' },
  { name: 'IFATYPE', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'CLIENTUA', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: '{player name}/{player version}{space}{plugin name}/{plugin version}' },
  { name: 'SERVERUA', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: '{service name}/{version} ({URL to vendor info})' },
  { name: 'DEVICEUA', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'SERVERSIDE', category: 'client', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'DEVICEIP', category: 'client', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'LATLONG', category: 'client', dataType: 'Array<float>(2)', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'DOMAIN', category: 'publisher', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'PAGEURL', category: 'publisher', dataType: 'string', since: '4.1', support: 'conditional', contexts: ['tracking', 'request'] },
  { name: 'APPBUNDLE', category: 'publisher', dataType: 'string', since: '4.1', support: 'conditional', contexts: ['tracking', 'request'] },
  { name: 'VASTVERSIONS', category: 'capabilities', dataType: 'Array<integer>', since: '4.1', support: 'optional', contexts: ['request'] },
  { name: 'APIFRAMEWORKS', category: 'capabilities', dataType: 'Array<integer>', since: '4.1', support: 'optional', contexts: ['request'] },
  { name: 'EXTENSIONS', category: 'capabilities', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['request'] },
  { name: 'VERIFICATIONVENDORS', category: 'capabilities', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['request'] },
  { name: 'OMIDPARTNER', category: 'capabilities', dataType: 'string', since: '4.1', support: 'conditional', contexts: ['tracking', 'request'], format: '{partner name}/{partner version}' },
  { name: 'MEDIAMIME', category: 'capabilities', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['request'], format: '{type}/{subtype}' },
  { name: 'PLAYERCAPABILITIES', category: 'capabilities', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'CLICKTYPE', category: 'capabilities', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'PLAYERSTATE', category: 'player-state', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['tracking'] },
  { name: 'INVENTORYSTATE', category: 'player-state', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'PLAYERSIZE', category: 'player-state', dataType: 'Array<integer>', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'ADPLAYHEAD', category: 'player-state', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking'], format: '{HH:MM:SS.mmm}' },
  { name: 'ASSETURI', category: 'player-state', dataType: 'string', since: '3.0', support: 'optional', contexts: ['tracking'] },
  { name: 'CONTENTID', category: 'player-state', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: '{registry_id}{space}{id_value}' },
  { name: 'CONTENTURI', category: 'player-state', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'PODSEQUENCE', category: 'player-state', dataType: 'integer', since: '4.1', support: 'optional', contexts: ['tracking'] },
  { name: 'ADSERVINGID', category: 'player-state', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking'], format: '{AD SERVER NAME}-{UUID}' },
  { name: 'CLICKPOS', category: 'click', dataType: 'Array<number>(2)', since: '4.1', support: 'optional', contexts: ['click'] },
  { name: 'ERRORCODE', category: 'error', dataType: 'integer', since: '3.0', support: 'required', contexts: ['error'] },
  { name: 'REASON', category: 'verification', dataType: 'integer', since: '4.1', support: 'required', contexts: ['verification'] },
  { name: 'LIMITADTRACKING', category: 'regulation', dataType: 'integer', since: '4.1', support: 'required', contexts: ['tracking', 'request'] },
  { name: 'REGULATIONS', category: 'regulation', dataType: 'Array<string>', since: '4.1', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'GDPRCONSENT', category: 'regulation', dataType: 'string', since: '4.1', support: 'optional', contexts: ['tracking', 'request'], format: 'Base-64 ecoded' },
  { name: 'STOREID', category: 'new', dataType: 'string', since: '4.x', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'STOREURL', category: 'new', dataType: 'string', since: '4.x', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'PLAYBACKMETHODS', category: 'new', dataType: 'integer', since: '4.x', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'CONTENTCAT', category: 'new', dataType: 'Array<string>', since: '4.x', support: 'optional', contexts: ['request'], format: 'IDVALUE' },
  { name: 'GPPSTRING', category: 'new', dataType: 'string', since: '4.x', support: 'optional', contexts: ['tracking', 'request'], format: 'Encoded' },
  { name: 'GPPSECTIONID', category: 'new', dataType: 'Array<integer>', since: '4.x', support: 'optional', contexts: ['tracking', 'request'] },
  { name: 'DSAREQUIRED', category: 'new', dataType: 'integer', since: 'next', support: 'optional', contexts: ['request'] },
  { name: 'DSAPARAMS', category: 'new', dataType: 'Array<integer>', since: 'next', support: 'optional', contexts: ['request'] },
  { name: 'DSAPUBRENDER', category: 'new', dataType: 'integer', since: 'next', support: 'optional', contexts: ['request'] },
] satisfies MacroDefinition[]);

const BY_NAME: ReadonlyMap<string, MacroDefinition> = new Map(IAB_MACROS.map((m) => [m.name, m]));

/**
 * Looks a macro up by its exact IAB name.
 *
 * @param name - the name without brackets, e.g. `ERRORCODE`
 * @returns its definition, or `undefined` for a name the IAB registry does not list
 */
export function getMacroDefinition(name: string): MacroDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * Whether a name is one of the IAB registry's macros.
 *
 * @param name - the name without brackets
 * @returns `true` for a registry name such as `CACHEBUSTING`
 */
export function isIabMacro(name: string): boolean {
  return BY_NAME.has(name);
}
