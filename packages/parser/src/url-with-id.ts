/**
 * A URL with an optional `id` attribute, as used by Impression, ClickThrough, ClickTracking and
 * CustomClick.
 */
export interface UrlWithId {
  /** The URL, trimmed. */
  readonly url: string;
  /** The `id` attribute, when present. */
  readonly id?: string;
}
