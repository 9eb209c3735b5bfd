import type { XmlElement } from './XmlElement.js';

/**
 * An `<Extension>` or `<CreativeExtension>`: kept as raw XML, with a generic element tree built
 * on first access.
 */
export interface Extension {
  /** The `type` attribute, when present. */
  readonly type?: string;
  /** Every attribute of the extension element, by name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The raw XML inside the element, exactly as written (not trimmed, entities not decoded). */
  readonly xml: string;
  /** The child elements as a generic tree (built lazily from {@link Extension.xml}). */
  readonly children: readonly XmlElement[];
}
