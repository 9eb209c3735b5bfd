import type { VastAd } from './vast-ad.js';
import type { VastWarning } from './vast-warning.js';

/** A parsed VAST document: deeply frozen. */
export interface VastDocument {
  /** The root `version` attribute, such as `4.2`, when present. */
  readonly version?: string;
  /** Document-level `<Error>` URLs (the no-ad case), trimmed. */
  readonly errors: readonly string[];
  /** The ads in document order; empty for a no-ad response (the caller fires 303). */
  readonly ads: readonly VastAd[];
  /** What lenient parsing stepped over; always empty in strict mode. */
  readonly warnings: readonly VastWarning[];
}
