/**
 * A generic XML element, for content the model keeps opaque (Extensions, CreativeExtensions).
 */
export interface XmlElement {
  /** The element name, with its prefix if any (`ns:Name`). */
  readonly name: string;
  /** The attributes, by name, with entities decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The child elements, in document order. */
  readonly children: readonly XmlElement[];
  /** The concatenated text and CDATA directly inside the element, trimmed. */
  readonly text: string;
}
