import type { XmlElement } from './xml-element.js';

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
  /**
   * The child elements as a generic tree, built from {@link Extension.xml} on first access (empty
   * in the rare case the content cannot be read as elements, such as an element named
   * `constructor`; the raw XML is always there).
   */
  readonly children: readonly XmlElement[];
}
