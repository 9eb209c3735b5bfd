/**
 * A creative resource of a NonLinear, a Companion or an Icon: a static file, an iframe URL, or
 * HTML markup.
 */
export type Resource =
  | {
      /** `<StaticResource>`. */
      readonly type: 'static';
      /** The resource URL, trimmed. */
      readonly url: string;
      /** The `creativeType` attribute (a MIME type such as `image/png`), when present. */
      readonly creativeType?: string;
    }
  | {
      /** `<IFrameResource>`. */
      readonly type: 'iframe';
      /** The URL to load in an iframe, trimmed. */
      readonly url: string;
    }
  | {
      /** `<HTMLResource>`. */
      readonly type: 'html';
      /** The HTML markup (CDATA content, or the text unescaped). */
      readonly html: string;
    };
